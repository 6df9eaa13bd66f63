package de.stadtportal.reallabor.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.versions.ContentVersions;
import de.stadtportal.platform.versions.ContentVersions.Version;
import de.stadtportal.platform.versions.DataVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff edit the Reallabore and their measures. Every save keeps the state it replaces as a version
 * (ContentVersions) and records the change in the audit log; a form opened on an older version is
 * refused with {@link StaleVersionException}.
 */
@Service
@Transactional
public class ReallaborEditing {

    public static final String REALLABOR = "Reallabor";
    public static final String MEASURE = "Maßnahme";
    static final String SEQUENCE = "reallabor_data_version";

    private final ReallaborRepository reallabore;
    private final MeasureRepository measures;
    private final ActorRepository actors;
    private final MegatrendRepository megatrends;
    private final SdgRepository sdgs;
    private final ContentVersions versions;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;

    ReallaborEditing(ReallaborRepository reallabore, MeasureRepository measures, ActorRepository actors,
                     MegatrendRepository megatrends, SdgRepository sdgs, ContentVersions versions, AuditLog auditLog,
                     JdbcClient jdbc) {
        this.reallabore = reallabore;
        this.measures = measures;
        this.actors = actors;
        this.megatrends = megatrends;
        this.sdgs = sdgs;
        this.versions = versions;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Reallabor> all() {
        List<Reallabor> all = reallabore.findAllByOrderByPosition();
        all.forEach(r -> r.getMeasures().size());
        return all;
    }

    @Transactional(readOnly = true)
    public Optional<Reallabor> find(long id) {
        return reallabore.findById(id);
    }

    /** A measure with everything its form shows. */
    @Transactional(readOnly = true)
    public Optional<MeasureEdit> measure(long id) {
        return measures.findById(id).map(m -> new MeasureEdit(m.getId(), m.getReallabor().getId(),
                m.getReallabor().getTitle(), m.getVersion(), MeasureData.of(m)));
    }

    @Transactional(readOnly = true)
    public List<Actor> actors() {
        return actors.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public List<Megatrend> megatrends() {
        return megatrends.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public List<Sdg> sdgs() {
        return sdgs.findAllByOrderByNumber();
    }

    public void change(long id, long version, ReallaborText text) {
        Reallabor reallabor = reallabore.findById(id).orElseThrow();
        if (reallabor.getVersion() != version) {
            throw new StaleVersionException();
        }
        apply(reallabor, text, "CHANGED");
    }

    private void apply(Reallabor reallabor, ReallaborText text, String action) {
        ReallaborText before = reallabor.text();
        versions.keep(REALLABOR, reallabor.getId(), before.fields());
        reallabor.change(text);
        reallabore.flush();
        auditLog.record(REALLABOR, reallabor.getId(), action, before.fields(), text.fields());
        DataVersion.advanceAfterCommit(jdbc, SEQUENCE);
    }

    /** Creates a measure at the end of its Reallabor. @return its id */
    public long createMeasure(long reallaborId, MeasureData data) {
        Reallabor reallabor = reallabore.findById(reallaborId).orElseThrow();
        int position = reallabor.getMeasures().stream().mapToInt(Measure::getPosition).max().orElse(0) + 1;
        Measure measure = new Measure(reallabor, position);
        fill(measure, data);
        reallabor.getMeasures().add(measure);
        measures.saveAndFlush(measure);
        auditLog.record(MEASURE, measure.getId(), "CREATED", Map.of(), MeasureData.of(measure).fields());
        DataVersion.advanceAfterCommit(jdbc, SEQUENCE);
        return measure.getId();
    }

    public void changeMeasure(long id, long version, MeasureData data) {
        Measure measure = measures.findById(id).orElseThrow();
        if (measure.getVersion() != version) {
            throw new StaleVersionException();
        }
        applyMeasure(measure, data, "CHANGED");
    }

    private void applyMeasure(Measure measure, MeasureData data, String action) {
        MeasureData before = MeasureData.of(measure);
        versions.keep(MEASURE, measure.getId(), before.fields());
        fill(measure, data);
        measures.flush();
        auditLog.record(MEASURE, measure.getId(), action, before.fields(), MeasureData.of(measure).fields());
        DataVersion.advanceAfterCommit(jdbc, SEQUENCE);
    }

    private void fill(Measure measure, MeasureData data) {
        LinkedHashSet<Actor> chosen = new LinkedHashSet<>(actors.findAllById(data.actorIds()));
        for (String name : data.newActors()) {
            // an actor of that name exists already: the measure gets that one, never a second of the same name
            chosen.add(actors.findAllByOrderByName().stream().filter(a -> a.getName().equals(name)).findFirst()
                    .orElseGet(() -> actors.save(new Actor(name, null))));
        }
        measure.change(data.title(), data.titleEn(), data.coordination(), data.coordinationEn(), data.activities(),
                data.funding(), data.targetGroups(), data.addedValues(), chosen,
                new LinkedHashSet<>(megatrends.findAllById(data.megatrendIds())),
                new LinkedHashSet<>(sdgs.findAllById(data.sdgs())), data.links(), data.results());
    }

    /** Swaps the measure with its neighbour; @return false when it is already first (or last) */
    public boolean move(long id, boolean up) {
        Measure measure = measures.findById(id).orElseThrow();
        List<Measure> siblings = measure.getReallabor().getMeasures();
        int index = siblings.indexOf(measure);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= siblings.size()) {
            return false;
        }
        Measure neighbour = siblings.get(other);
        int position = measure.getPosition();
        measure.moveTo(neighbour.getPosition());
        neighbour.moveTo(position);
        auditLog.record(MEASURE, id, "MOVED", Map.of("position", position), Map.of("position", measure.getPosition()));
        DataVersion.advanceAfterCommit(jdbc, SEQUENCE);
        return true;
    }

    public void deleteMeasure(long id) {
        Measure measure = measures.findById(id).orElseThrow();
        MeasureData before = MeasureData.of(measure);
        measure.getReallabor().getMeasures().remove(measure);
        measures.delete(measure);
        auditLog.record(MEASURE, id, "DELETED", before.fields(), Map.of());
        DataVersion.advanceAfterCommit(jdbc, SEQUENCE);
    }

    @Transactional(readOnly = true)
    public List<Version> versions(String kind, long id) {
        return versions.of(kind, id);
    }

    /** Restores a kept version (keeping the current state as a new version). @return false: no such version */
    public boolean restore(String kind, long id, int number) {
        Optional<Version> version = versions.find(kind, id, number);
        if (version.isEmpty()) {
            return false;
        }
        if (REALLABOR.equals(kind)) {
            apply(reallabore.findById(id).orElseThrow(), ReallaborText.of(version.get().state()), "RESTORED");
        } else {
            applyMeasure(measures.findById(id).orElseThrow(), MeasureData.of(version.get().state()), "RESTORED");
        }
        return true;
    }

    /** @param reallaborTitle for the page heading */
    public record MeasureEdit(long id, long reallaborId, String reallaborTitle, long version, MeasureData data) {
    }
}
