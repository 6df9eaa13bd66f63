package de.stadtportal.fairtrade;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import de.stadtportal.fairtrade.domain.JoinService;
import de.stadtportal.fairtrade.domain.TitleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may know of Fairtrade-Town: the title's status for the staff dashboard. */
@Service
@Transactional(readOnly = true)
public class FairtradeApi {

    private final TitleService title;
    private final JoinService joins;

    FairtradeApi(TitleService title, JoinService joins) {
        this.title = title;
        this.joins = joins;
    }

    /** The current term's end and the days until then (negative once expired); empty before the first award. */
    public Optional<TitleStatus> titleStatus() {
        return title.current().map(term -> new TitleStatus(term.validUntil(),
                ChronoUnit.DAYS.between(title.today(), term.validUntil()), joins.pending().size()));
    }

    /** @param pendingRequests join requests waiting for staff */
    public record TitleStatus(LocalDate validUntil, long daysLeft, int pendingRequests) {

        public boolean expired() {
            return daysLeft < 0;
        }
    }
}
