package de.stadtportal.fairtrade.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.stadtportal.fairtrade.domain.BoardService.Board;
import de.stadtportal.fairtrade.domain.Criteria.CountedBusiness;
import de.stadtportal.fairtrade.domain.Criteria.Criterion;
import de.stadtportal.fairtrade.domain.ShopService.Shop;
import de.stadtportal.platform.PlatformConfiguration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the campaign's renewal questionnaire asks for, for one calendar year: per criterion the
 * count against the target and the names (with dates) behind it.
 */
@Service
@Transactional(readOnly = true)
public class RenewalReport {

    private final BoardService board;
    private final TitleService title;
    private final SteeringGroupService steering;
    private final ShopService shops;
    private final NetworkService network;
    private final PressService press;

    RenewalReport(BoardService board, TitleService title, SteeringGroupService steering, ShopService shops,
                  NetworkService network, PressService press) {
        this.board = board;
        this.title = title;
        this.steering = steering;
        this.shops = shops;
        this.network = network;
        this.press = press;
    }

    public Report report(int year) {
        Board b = board.board(year);
        List<List<Entry>> entries = new ArrayList<>();
        entries.add(title.targetFor(year).filter(t -> t.councilResolution())
                .map(t -> List.of(new Entry("fairtrade.report.council", null, null))).orElse(List.of()));
        entries.add(steering.all().stream().map(s -> new Entry(s.organisation(), s.role(), null)).toList());
        entries.add(shops.shops().stream().filter(s -> s.offer().confirmed())
                .map(s -> new Entry(s.listing().name(), counted(s) ? "fairtrade.report.gastronomy" : "fairtrade.report.shop",
                        s.offer().confirmedAt().atZoneSameInstant(PlatformConfiguration.CITY_ZONE).toLocalDate()))
                .toList());
        entries.add(network.actions(year).stream().filter(a -> Criteria.CIVIL_SOCIETY.contains(a.memberKind()))
                .map(a -> new Entry(a.memberName(), a.title(), a.heldOn())).toList());
        entries.add(press.articles(year).stream().map(a -> new Entry(a.title(), a.outlet(), a.publishedOn())).toList());
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < b.criteria().size(); i++) {
            sections.add(new Section(b.criteria().get(i), entries.get(i)));
        }
        return new Report(b, sections);
    }

    private static boolean counted(Shop shop) {
        return CountedBusiness.of(shop.listing().id(), true, shop.offer().kinds(), shop.listing().categorySlug()).gastronomy();
    }

    /**
     * One name behind a count.
     *
     * @param detail a plain text, or a message key starting with "fairtrade."
     * @param date   when (held, published, confirmed); null where the questionnaire asks for none
     */
    public record Entry(String name, String detail, LocalDate date) {

        public boolean nameIsKey() {
            return name.startsWith("fairtrade.report.");
        }

        public boolean detailIsKey() {
            return detail != null && detail.startsWith("fairtrade.report.");
        }
    }

    public record Section(Criterion criterion, List<Entry> entries) {
    }

    public record Report(Board board, List<Section> sections) {
    }
}
