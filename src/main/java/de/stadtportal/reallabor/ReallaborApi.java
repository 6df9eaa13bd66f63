package de.stadtportal.reallabor;

import java.util.List;
import java.util.Optional;

import de.stadtportal.reallabor.domain.Measure;
import de.stadtportal.reallabor.domain.Reallabor;
import de.stadtportal.reallabor.domain.ReallaborRepository;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features, and this feature's pages, may read of the Reallabore. The views are
 * immutable records and the content changes only with a migration (so far), so they are cached:
 * a Reallabor page otherwise costs a dozen queries. Whoever adds editing must evict the cache.
 */
@Service
@Transactional(readOnly = true)
public class ReallaborApi {

    static final String CACHE = "reallabore";

    private final ReallaborRepository reallabore;

    ReallaborApi(ReallaborRepository reallabore) {
        this.reallabore = reallabore;
    }

    /** The Reallabore in their order, each with its measures' megatrends and SDGs (the overview table). */
    @Cacheable(CACHE)
    public List<ReallaborOverview> overview() {
        return reallabore.findAllByOrderByPosition().stream()
                .map(r -> new ReallaborOverview(r.getSlug(), r.getTitle(), r.getSummary(),
                        r.getMeasures().stream().map(ReallaborApi::measureOverview).toList()))
                .toList();
    }

    // unknown slugs are not cached: made-up addresses must not fill the memory
    @Cacheable(cacheNames = CACHE, unless = "#result == null")
    public Optional<ReallaborDetail> find(String slug) {
        return reallabore.findBySlug(slug).map(ReallaborApi::detail);
    }

    private static MeasureOverview measureOverview(Measure m) {
        return new MeasureOverview(m.getTitle(),
                m.getMegatrends().stream().map(t -> t.getName()).toList(),
                m.getSdgs().stream().map(s -> new SdgView(s.getNumber(), s.getTitleDe(), s.getTitleEn())).toList());
    }

    private static ReallaborDetail detail(Reallabor r) {
        return new ReallaborDetail(r.getSlug(), r.getTitle(), r.getSummary(),
                paragraphs(r.getBackground()), paragraphs(r.getOutlook()),
                r.getMeasures().stream().map(ReallaborApi::measureDetail).toList());
    }

    private static MeasureDetail measureDetail(Measure m) {
        return new MeasureDetail(m.getPosition(), m.getTitle(), List.copyOf(m.getActivities()), m.getCoordination(),
                List.copyOf(m.getFunding()), m.getActors().stream().map(a -> a.getName()).toList(),
                List.copyOf(m.getTargetGroups()), List.copyOf(m.getAddedValues()),
                m.getResults().stream().map(x -> new ResultView(x.getDated(), x.getDateLabel(), x.getText())).toList(),
                measureOverview(m));
    }

    /** Paragraphs are stored separated by blank lines. */
    private static List<String> paragraphs(String text) {
        return text == null ? List.of() : java.util.Arrays.stream(text.split("\\R\\s*\\R"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    public record ReallaborOverview(String slug, String title, String summary, List<MeasureOverview> measures) {
    }

    public record MeasureOverview(String title, List<String> megatrends, List<SdgView> sdgs) {
    }

    public record SdgView(int number, String titleDe, String titleEn) {
    }

    public record ReallaborDetail(String slug, String title, String summary, List<String> background,
                                  List<String> outlook, List<MeasureDetail> measures) {
    }

    public record MeasureDetail(int position, String title, List<String> activities, String coordination,
                                List<String> funding, List<String> actors, List<String> targetGroups,
                                List<String> addedValues, List<ResultView> results, MeasureOverview trends) {
    }

    /** @param dated ISO date as precise as known (for {@code <time datetime>}), null when undated */
    public record ResultView(String dated, String dateLabel, String text) {
    }
}
