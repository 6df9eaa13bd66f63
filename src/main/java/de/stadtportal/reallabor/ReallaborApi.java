package de.stadtportal.reallabor;

import java.util.List;
import java.util.Optional;

import de.stadtportal.platform.Localized;
import de.stadtportal.reallabor.domain.ReallaborViews;
import org.springframework.stereotype.Service;

/**
 * What other features, and this feature's pages, may read of the Reallabore. Staff edit them at
 * /admin/reallabore; the views are built once per change (ReallaborViews), not once per request.
 */
@Service
public class ReallaborApi {

    private final ReallaborViews views;

    ReallaborApi(ReallaborViews views) {
        this.views = views;
    }

    /** The Reallabore in their order, each with its measures' megatrends and SDGs (the overview table). */
    public List<ReallaborOverview> overview() {
        return views.overview();
    }

    public Optional<ReallaborDetail> find(String slug) {
        return views.find(slug);
    }

    public record ReallaborOverview(String slug, Localized title, Localized summary, List<MeasureOverview> measures) {
    }

    public record MeasureOverview(Localized title, List<Localized> megatrends, List<SdgView> sdgs) {
    }

    public record SdgView(int number, String titleDe, String titleEn) {
    }

    /** @param background background, goals and outlook: sanitised HTML from the staff's Markdown */
    public record ReallaborDetail(String slug, Localized title, Localized summary, Localized background,
                                  Localized goals, Localized outlook, List<MeasureDetail> measures) {
    }

    public record MeasureDetail(int position, Localized title, List<Localized> activities, Localized coordination,
                                List<Localized> funding, List<Localized> actors, List<Localized> targetGroups,
                                List<Localized> addedValues, List<ResultView> results, List<OfferLink> links,
                                MeasureOverview trends) {
    }

    /** @param dated ISO date as precise as known (for {@code <time datetime>}), null when undated */
    public record ResultView(String dated, Localized dateLabel, Localized text) {
    }

    /** A live page the measure became. @param messageKey its link text */
    public record OfferLink(String path, String messageKey) {
    }
}
