package de.stadtportal.fairtrade.domain;

import java.util.List;
import java.util.Optional;

import de.stadtportal.fairtrade.domain.Criteria.Criterion;
import de.stadtportal.fairtrade.domain.TitleService.Term;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The five criteria of one calendar year, from what staff entered and the directory's businesses. */
@Service
@Transactional(readOnly = true)
public class BoardService {

    private final TitleService title;
    private final NetworkService network;
    private final SteeringGroupService steering;
    private final PressService press;
    private final ShopService shops;
    private final FairtradeProperties settings;

    BoardService(TitleService title, NetworkService network, SteeringGroupService steering, PressService press,
                 ShopService shops, FairtradeProperties settings) {
        this.title = title;
        this.network = network;
        this.steering = steering;
        this.press = press;
        this.shops = shops;
        this.settings = settings;
    }

    public int currentYear() {
        return title.today().getYear();
    }

    /** The board of a year (shops and steering group as they are today). */
    public Board board(int year) {
        List<Criterion> criteria = Criteria.board(title.targetFor(year).orElse(null), settings.population(),
                steering.all().size(), steering.sectors(), shops.count(), network.activeMembers(year),
                press.articles(year).size());
        return new Board(year, settings.population(), Criteria.civilSocietyTarget(settings.population()), criteria,
                title.current());
    }

    /** @param civilSocietyTarget schools, clubs and faith communities needed each */
    public record Board(int year, int population, int civilSocietyTarget, List<Criterion> criteria, Optional<Term> term) {

        public long met() {
            return criteria.stream().filter(Criterion::met).count();
        }
    }
}
