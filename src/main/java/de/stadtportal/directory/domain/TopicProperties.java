package de.stadtportal.directory.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Facts of the topic pages that are the city's, not the software's, so another city (or a changed
 * market) needs no release. Nothing is guessed: without settings the pages say whom to ask.
 *
 * @param markets        the weekly markets (/wochenmarkt), e.g. {@code PORTAL_DIRECTORY_TOPICS_MARKETS_0_PLACE}
 * @param voucherSoldAt  where the city voucher is sold (/gutschein), one place per entry
 * @param voucherUrl     the voucher's own page or online shop, or blank
 */
@ConfigurationProperties("portal.directory.topics")
public record TopicProperties(@DefaultValue List<Market> markets,
                              @DefaultValue List<String> voucherSoldAt,
                              @DefaultValue("") String voucherUrl) {

    /**
     * @param name  e.g. "Wochenmarkt Innenstadt"
     * @param place where the stalls stand
     * @param days  market days
     */
    public record Market(String name, String place, List<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    }
}
