package de.stadtportal.reallabor.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.stadtportal.platform.Localized;
import de.stadtportal.platform.RichText;
import de.stadtportal.reallabor.ReallaborApi.MeasureDetail;
import de.stadtportal.reallabor.ReallaborApi.MeasureOverview;
import de.stadtportal.reallabor.ReallaborApi.OfferLink;
import de.stadtportal.reallabor.ReallaborApi.ReallaborDetail;
import de.stadtportal.reallabor.ReallaborApi.ReallaborOverview;
import de.stadtportal.reallabor.ReallaborApi.ResultView;
import de.stadtportal.reallabor.ReallaborApi.SdgView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Reallabor pages' content, built once per data version: the triggers of V70 advance
 * {@code reallabor_data_version} on every write to the Reallabor tables (whichever instance or tool
 * wrote), and each request reads only that number. Markdown is rendered and sanitised while building.
 */
@Component
public class ReallaborViews {

    private final ReallaborRepository reallabore;
    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    ReallaborViews(ReallaborRepository reallabore, JdbcClient jdbc) {
        this.reallabore = reallabore;
        this.jdbc = jdbc;
    }

    private record Snapshot(long version, List<ReallaborOverview> overview, Map<String, ReallaborDetail> details) {
    }

    @Transactional(readOnly = true)
    public List<ReallaborOverview> overview() {
        return current().overview();
    }

    @Transactional(readOnly = true)
    public Optional<ReallaborDetail> find(String slug) {
        return Optional.ofNullable(current().details().get(slug));
    }

    private Snapshot current() {
        long version = version();
        Snapshot kept = snapshot;
        if (kept == null || kept.version() != version) {
            List<Reallabor> all = reallabore.findAllByOrderByPosition();
            kept = new Snapshot(version, all.stream().map(ReallaborViews::overview).toList(),
                    all.stream().collect(Collectors.toUnmodifiableMap(Reallabor::getSlug, ReallaborViews::detail)));
            snapshot = kept;
        }
        return kept;
    }

    /** The data version (is_called tells the untouched sequence from the one after its first change). */
    long version() {
        return jdbc.sql("SELECT last_value + is_called::int FROM reallabor_data_version").query(Long.class).single();
    }

    private static ReallaborOverview overview(Reallabor r) {
        return new ReallaborOverview(r.getSlug(), Localized.of(r.getTitle(), r.getTitleEn()),
                Localized.of(r.getSummary(), r.getSummaryEn()),
                r.getMeasures().stream().map(ReallaborViews::measureOverview).toList());
    }

    private static MeasureOverview measureOverview(Measure m) {
        return new MeasureOverview(Localized.of(m.getTitle(), m.getTitleEn()),
                m.getMegatrends().stream().map(t -> Localized.of(t.getName(), t.getNameEn())).toList(),
                m.getSdgs().stream().map(s -> new SdgView(s.getNumber(), s.getTitleDe(), s.getTitleEn())).toList());
    }

    private static ReallaborDetail detail(Reallabor r) {
        Function<String, String> html = RichText::toHtml;
        return new ReallaborDetail(r.getSlug(), Localized.of(r.getTitle(), r.getTitleEn()),
                Localized.of(r.getSummary(), r.getSummaryEn()),
                Localized.of(r.getBackground(), r.getBackgroundEn()).map(html::apply),
                Localized.of(r.getGoals(), r.getGoalsEn()).map(html::apply),
                Localized.of(r.getOutlook(), r.getOutlookEn()).map(html::apply),
                r.getMeasures().stream().map(ReallaborViews::measureDetail).toList());
    }

    private static MeasureDetail measureDetail(Measure m) {
        return new MeasureDetail(m.getPosition(), Localized.of(m.getTitle(), m.getTitleEn()), items(m.getActivities()),
                Localized.of(m.getCoordination(), m.getCoordinationEn()), items(m.getFunding()),
                m.getActors().stream().map(a -> Localized.of(a.getName(), a.getNameEn())).toList(),
                items(m.getTargetGroups()), items(m.getAddedValues()),
                m.getResults().stream().map(x -> new ResultView(x.getDated(),
                        x.getDated() == null ? null : Localized.of(x.getDateLabel(), x.getDateLabelEn()),
                        Localized.of(x.getText(), x.getTextEn()))).toList(),
                m.getLinks().stream().map(o -> new OfferLink(o.path(), o.messageKey())).toList(),
                measureOverview(m));
    }

    private static List<Localized> items(List<ListItem> items) {
        return items.stream().map(i -> Localized.of(i.getText(), i.getTextEn())).toList();
    }
}
