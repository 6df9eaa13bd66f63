package de.stadtportal.reallabor;

import java.util.List;
import java.util.Optional;

import de.stadtportal.platform.Localized;

/**
 * What other features, and this feature's pages, may read of the Reallabore. Staff edit them at
 * /admin/reallabore; the views are built once per change (domain/ReallaborViews, which implements this
 * interface), not once per request. This package depends on nothing inside the module.
 */
public interface ReallaborApi {

    /** The Reallabore in their order, each with its measures' megatrends and SDGs (the overview table). */
    List<ReallaborOverview> overview();

    /** One Reallabor by its slug. */
    Optional<ReallaborDetail> find(String slug);

    record ReallaborOverview(String slug, Localized title, Localized summary, List<MeasureOverview> measures) {
    }

    record MeasureOverview(Localized title, List<Localized> megatrends, List<SdgView> sdgs) {
    }

    record SdgView(int number, String titleDe, String titleEn) {
    }

    /** @param background background, goals and outlook: sanitised HTML from the staff's Markdown */
    record ReallaborDetail(String slug, Localized title, Localized summary, Localized background,
                                  Localized goals, Localized outlook, List<MeasureDetail> measures) {
    }

    record MeasureDetail(int position, Localized title, List<Localized> activities, Localized coordination,
                                List<Localized> funding, List<Localized> actors, List<Localized> targetGroups,
                                List<Localized> addedValues, List<ResultView> results, List<OfferLink> links,
                                MeasureOverview trends) {
    }

    /** @param dated ISO date as precise as known (for {@code <time datetime>}), null when undated */
    record ResultView(String dated, Localized dateLabel, Localized text) {
    }

    /** A live page the measure became. @param messageKey its link text */
    record OfferLink(String path, String messageKey) {
    }
}
