package de.stadtportal.content.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The public pages whose fixed texts staff may change under „Seitentexte“ (/admin/seitentexte), each with the
 * message keys it shows, in the page's order. Only keys the page's template writes with th:text (escaped): none of
 * them is rendered as HTML, so staff's text can never bring markup onto a page. Keys with placeholders ({0}) keep
 * them (checked on save); labels of forms and messages of states stay built-in.
 */
public enum TextPage {
    HANDWERK("handwerk", "handwerk.title", "/handwerk", List.of("handwerk.title", "handwerk.intro", "handwerk.goals",
            "handwerk.goal.image", "handwerk.goal.digital", "handwerk.goal.talent", "handwerk.history", "handwerk.history.1.when",
            "handwerk.history.1.what", "handwerk.history.2.when", "handwerk.history.2.what", "handwerk.history.3.when",
            "handwerk.history.3.what", "handwerk.history.4.when", "handwerk.history.4.what", "handwerk.partners",
            "handwerk.partner.hwk", "handwerk.partner.khs", "handwerk.partner.aa", "handwerk.partner.jc", "handwerk.partner.city",
            "handwerk.coordination", "handwerk.breakfast", "handwerk.breakfastText", "handwerk.noBreakfast", "handwerk.sprechtag",
            "handwerk.sprechtagText", "handwerk.toSprechtag", "handwerk.dates", "handwerk.allDates", "handwerk.portraits.title",
            "handwerk.portraits.intro", "handwerk.reallabor")),
    SPRECHTAG("sprechtag", "sprechtag.title", "/sprechtag", List.of("sprechtag.title", "sprechtag.intro", "sprechtag.how",
            "sprechtag.loginFirst", "sprechtag.none")),
    FAIRTRADE("fairtrade", "fairtrade.title", "/fairtrade", List.of("fairtrade.title", "fairtrade.intro", "fairtrade.members.title",
            "fairtrade.members.intro", "fairtrade.steering.title", "fairtrade.actions.title", "fairtrade.press.title",
            "fairtrade.events.title", "fairtrade.events.none", "fairtrade.shopping.title", "fairtrade.join.title")),
    FACHKRAEFTE("fachkraefte", "skilledworkers.title", "/fachkraefte", List.of("skilledworkers.title", "skilledworkers.lead",
            "skilledworkers.network.title", "skilledworkers.network.text", "skilledworkers.supportPoint.title",
            "skilledworkers.supportPoint.text", "skilledworkers.supportPoint.ask", "skilledworkers.orientation.title",
            "skilledworkers.orientation.notLegalAdvice", "skilledworkers.orientation.notLegalAdviceText",
            "skilledworkers.offers.title", "skilledworkers.contacts.title")),
    GUTSCHEIN("gutschein", "directory.topic.gutschein.title", "/gutschein", List.of("directory.topic.gutschein.title",
            "directory.topic.gutschein.how", "directory.topic.gutschein.step1", "directory.topic.gutschein.step2",
            "directory.topic.gutschein.step3", "directory.topic.gutschein.soldAt", "directory.topic.gutschein.online",
            "directory.topic.gutschein.list", "directory.topic.gutschein.map")),
    WOCHENMARKT("wochenmarkt", "directory.topic.wochenmarkt.title", "/wochenmarkt", List.of("directory.topic.wochenmarkt.title",
            "directory.topic.wochenmarkt.times", "directory.topic.wochenmarkt.dates", "directory.topic.wochenmarkt.noDates",
            "directory.topic.wochenmarkt.allDates", "directory.topic.wochenmarkt.list", "directory.topic.wochenmarkt.map")),
    WLAN("wlan", "directory.topic.wlan.title", "/wlan", List.of("directory.topic.wlan.title", "directory.topic.wlan.list",
            "directory.topic.wlan.map")),
    // the section headings every Reallabor page shares (its own texts are edited under /admin/reallabore)
    REALLABOR("reallabor", "content.pageTexts.reallaborPages", "/reallabore", List.of("reallabor.background", "reallabor.goals",
            "reallabor.measures", "reallabor.activities", "reallabor.coordination", "reallabor.funding", "reallabor.actors",
            "reallabor.targetGroups", "reallabor.addedValue", "reallabor.results", "reallabor.trends", "reallabor.outlook",
            "reallabor.offers", "reallabor.back"));

    private final String path;
    private final String titleKey;
    private final String url;
    private final List<String> keys;

    TextPage(String path, String titleKey, String url, List<String> keys) {
        this.path = path;
        this.titleKey = titleKey;
        this.url = url;
        this.keys = keys;
    }

    /** The page's key under /admin/seitentexte/. */
    public String path() {
        return path;
    }

    public String titleKey() {
        return titleKey;
    }

    /** The public page's address. */
    public String url() {
        return url;
    }

    public List<String> keys() {
        return keys;
    }

    public static Optional<TextPage> ofPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }

    /** The page a key belongs to. */
    public static Optional<TextPage> of(String key) {
        return Arrays.stream(values()).filter(p -> p.keys.contains(key)).findFirst();
    }
}
