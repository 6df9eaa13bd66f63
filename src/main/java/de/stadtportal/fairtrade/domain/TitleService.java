package de.stadtportal.fairtrade.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.fairtrade.domain.Criteria.Target;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The title's terms (awarded, renewed, valid two years) and the targets staff set per year. */
@Service
@Transactional
public class TitleService {

    /** A term of the title lasts two years. */
    public static final int TERM_YEARS = 2;
    static final String TERM = "Fairtrade-Titel";
    static final String TARGET = "Fairtrade-Ziele";

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    TitleService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every term, the first award first. */
    @Transactional(readOnly = true)
    public List<Term> terms() {
        return jdbc.query("SELECT * FROM fairtrade_term ORDER BY awarded_on", TERM_ROW);
    }

    @Transactional(readOnly = true)
    public Optional<Term> term(long id) {
        return jdbc.query("SELECT * FROM fairtrade_term WHERE id = :id", Map.of("id", id), TERM_ROW).stream().findFirst();
    }

    /** The term that runs today, or the latest before it (then expired); empty before the first award. */
    @Transactional(readOnly = true)
    public Optional<Term> current() {
        return jdbc.query("SELECT * FROM fairtrade_term WHERE awarded_on <= :today ORDER BY awarded_on DESC LIMIT 1",
                Map.of("today", today()), TERM_ROW).stream().findFirst();
    }

    /** Creates (id null) or changes a term; valid until is two years after the award. @return its id */
    public long saveTerm(Long id, TermData data, long version) {
        LocalDate validUntil = data.awardedOn().plusYears(TERM_YEARS);
        MapSqlParameterSource params = new MapSqlParameterSource("awarded", data.awardedOn()).addValue("until", validUntil)
                .addValue("renewal", data.renewal()).addValue("note", data.note()).addValue("version", version);
        if (id == null) {
            long created = jdbc.queryForObject("""
                    INSERT INTO fairtrade_term (awarded_on, valid_until, renewal, note)
                    VALUES (:awarded, :until, :renewal, :note) RETURNING id""", params, Long.class);
            auditLog.record(TERM, created, "CREATED", Map.of(), data.audit());
            return created;
        }
        Term before = term(id).orElseThrow(StaleException::new);
        // a new award date starts the reminder afresh
        if (jdbc.update("""
                UPDATE fairtrade_term SET awarded_on = :awarded, valid_until = :until, renewal = :renewal, note = :note,
                       reminded_at = CASE WHEN valid_until = :until THEN reminded_at END, version = version + 1
                WHERE id = :id AND version = :version""", params.addValue("id", id)) == 0) {
            throw new StaleException();
        }
        auditLog.record(TERM, id, "CHANGED", before.data().audit(), data.audit());
        return id;
    }

    public boolean deleteTerm(long id) {
        Optional<Term> before = term(id);
        before.ifPresent(term -> {
            jdbc.update("DELETE FROM fairtrade_term WHERE id = :id", Map.of("id", id));
            auditLog.record(TERM, id, "DELETED", term.data().audit(), Map.of());
        });
        return before.isPresent();
    }

    /** Every year's targets, the latest first. */
    @Transactional(readOnly = true)
    public List<YearTarget> targets() {
        return jdbc.query("SELECT * FROM fairtrade_target ORDER BY year DESC", TARGET_ROW);
    }

    @Transactional(readOnly = true)
    public Optional<YearTarget> target(long id) {
        return jdbc.query("SELECT * FROM fairtrade_target WHERE id = :id", Map.of("id", id), TARGET_ROW).stream().findFirst();
    }

    /** The targets of a year: those set for it, else the latest set before it; empty when none. */
    @Transactional(readOnly = true)
    public Optional<Target> targetFor(int year) {
        return jdbc.query("SELECT * FROM fairtrade_target WHERE year <= :year ORDER BY year DESC LIMIT 1",
                Map.of("year", year), TARGET_ROW).stream().findFirst()
                .map(t -> new Target(year, t.shops(), t.gastronomy(), t.press(), t.year() == year && t.councilResolution()));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the year has targets already */
    public long saveTarget(Long id, Target data, long version) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", data.year()).addValue("shops", data.shops())
                .addValue("gastronomy", data.gastronomy()).addValue("press", data.press())
                .addValue("council", data.councilResolution()).addValue("version", version);
        if (id == null) {
            long created = jdbc.queryForObject("""
                    INSERT INTO fairtrade_target (year, shops, gastronomy, press, council_resolution)
                    VALUES (:year, :shops, :gastronomy, :press, :council) RETURNING id""", params, Long.class);
            auditLog.record(TARGET, created, "CREATED", Map.of(), audit(data));
            return created;
        }
        YearTarget before = target(id).orElseThrow(StaleException::new);
        if (jdbc.update("""
                UPDATE fairtrade_target SET year = :year, shops = :shops, gastronomy = :gastronomy, press = :press,
                       council_resolution = :council, version = version + 1
                WHERE id = :id AND version = :version""", params.addValue("id", id)) == 0) {
            throw new StaleException();
        }
        auditLog.record(TARGET, id, "CHANGED", audit(before.target()), audit(data));
        return id;
    }

    public boolean deleteTarget(long id) {
        Optional<YearTarget> before = target(id);
        before.ifPresent(t -> {
            jdbc.update("DELETE FROM fairtrade_target WHERE id = :id", Map.of("id", id));
            auditLog.record(TARGET, id, "DELETED", audit(t.target()), Map.of());
        });
        return before.isPresent();
    }

    private static Map<String, Object> audit(Target t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("year", t.year());
        fields.put("shops", t.shops());
        fields.put("gastronomy", t.gastronomy());
        fields.put("press", t.press());
        fields.put("councilResolution", t.councilResolution());
        return fields;
    }

    private static final RowMapper<Term> TERM_ROW = (rs, i) -> new Term(rs.getLong("id"),
            rs.getObject("awarded_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
            rs.getBoolean("renewal"), rs.getString("note"), rs.getBoolean("example"), rs.getLong("version"));

    private static final RowMapper<YearTarget> TARGET_ROW = (rs, i) -> new YearTarget(rs.getLong("id"), rs.getInt("year"),
            rs.getInt("shops"), rs.getInt("gastronomy"), rs.getInt("press"), rs.getBoolean("council_resolution"),
            rs.getBoolean("example"), rs.getLong("version"));

    /** What staff enter for a term. @param renewal false for the first award */
    public record TermData(LocalDate awardedOn, boolean renewal, String note) {

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("awardedOn", awardedOn);
            fields.put("renewal", renewal);
            fields.put("note", note);
            return fields;
        }
    }

    public record Term(long id, LocalDate awardedOn, LocalDate validUntil, boolean renewal, String note, boolean example,
                       long version) {

        public TermData data() {
            return new TermData(awardedOn, renewal, note);
        }

        public boolean runsOn(LocalDate day) {
            return !day.isBefore(awardedOn) && day.isBefore(validUntil.plusDays(1));
        }
    }

    public record YearTarget(long id, int year, int shops, int gastronomy, int press, boolean councilResolution,
                             boolean example, long version) {

        public Target target() {
            return new Target(year, shops, gastronomy, press, councilResolution);
        }
    }
}
