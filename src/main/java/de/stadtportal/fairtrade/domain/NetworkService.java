package de.stadtportal.fairtrade.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network's organisations (schools, clubs, faith communities, companies, …) and their Fairtrade actions. */
@Service
@Transactional
public class NetworkService {

    static final String MEMBER = "Fairtrade-Mitglied";
    static final String ACTION = "Fairtrade-Aktion";

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    NetworkService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Every member, by kind and name. @param listedOnly only those shown publicly */
    @Transactional(readOnly = true)
    public List<Member> members(boolean listedOnly) {
        return jdbc.query("SELECT * FROM fairtrade_member" + (listedOnly ? " WHERE listed" : "") + " ORDER BY kind, name, id",
                MEMBER_ROW);
    }

    @Transactional(readOnly = true)
    public Optional<Member> member(long id) {
        return jdbc.query("SELECT * FROM fairtrade_member WHERE id = :id", Map.of("id", id), MEMBER_ROW).stream().findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another member has the name */
    public long saveMember(Long id, MemberData data, long version) {
        MapSqlParameterSource params = new MapSqlParameterSource("name", data.name()).addValue("kind", data.kind().name())
                .addValue("website", data.website()).addValue("description", data.description())
                .addValue("listed", data.listed()).addValue("version", version);
        if (id == null) {
            long created = jdbc.queryForObject("""
                    INSERT INTO fairtrade_member (name, kind, website, description, listed)
                    VALUES (:name, :kind, :website, :description, :listed) RETURNING id""", params, Long.class);
            auditLog.record(MEMBER, created, "CREATED", Map.of(), data.audit());
            return created;
        }
        Member before = member(id).orElseThrow(StaleException::new);
        if (jdbc.update("""
                UPDATE fairtrade_member SET name = :name, kind = :kind, website = :website, description = :description,
                       listed = :listed, version = version + 1
                WHERE id = :id AND version = :version""", params.addValue("id", id)) == 0) {
            throw new StaleException();
        }
        auditLog.record(MEMBER, id, "CHANGED", before.data().audit(), data.audit());
        return id;
    }

    /** Deletes a member with its actions. */
    public boolean deleteMember(long id) {
        Optional<Member> before = member(id);
        before.ifPresent(member -> {
            jdbc.update("DELETE FROM fairtrade_member WHERE id = :id", Map.of("id", id));
            auditLog.record(MEMBER, id, "DELETED", member.data().audit(), Map.of());
        });
        return before.isPresent();
    }

    /** Actions, the latest first. @param year null: all; else only those held in that calendar year */
    @Transactional(readOnly = true)
    public List<Action> actions(Integer year) {
        return jdbc.query("""
                SELECT a.*, m.name AS member_name, m.kind AS member_kind, m.listed AS member_listed
                FROM fairtrade_action a JOIN fairtrade_member m ON m.id = a.member_id
                WHERE (CAST(:year AS INT) IS NULL OR EXTRACT(YEAR FROM a.held_on) = :year)
                ORDER BY a.held_on DESC, a.id DESC""", new MapSqlParameterSource("year", year), ACTION_ROW);
    }

    @Transactional(readOnly = true)
    public Optional<Action> action(long id) {
        return jdbc.query("""
                SELECT a.*, m.name AS member_name, m.kind AS member_kind, m.listed AS member_listed
                FROM fairtrade_action a JOIN fairtrade_member m ON m.id = a.member_id WHERE a.id = :id""",
                Map.of("id", id), ACTION_ROW).stream().findFirst();
    }

    /** @throws StaleException also when the member is gone */
    public long saveAction(Long id, ActionData data, long version) {
        if (member(data.memberId()).isEmpty()) {
            throw new StaleException();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("member", data.memberId()).addValue("title", data.title())
                .addValue("held", data.heldOn()).addValue("version", version);
        if (id == null) {
            long created = jdbc.queryForObject("""
                    INSERT INTO fairtrade_action (member_id, title, held_on) VALUES (:member, :title, :held) RETURNING id""",
                    params, Long.class);
            auditLog.record(ACTION, created, "CREATED", Map.of(), data.audit());
            return created;
        }
        Action before = action(id).orElseThrow(StaleException::new);
        if (jdbc.update("""
                UPDATE fairtrade_action SET member_id = :member, title = :title, held_on = :held, version = version + 1
                WHERE id = :id AND version = :version""", params.addValue("id", id)) == 0) {
            throw new StaleException();
        }
        auditLog.record(ACTION, id, "CHANGED", before.data().audit(), data.audit());
        return id;
    }

    public boolean deleteAction(long id) {
        Optional<Action> before = action(id);
        before.ifPresent(action -> {
            jdbc.update("DELETE FROM fairtrade_action WHERE id = :id", Map.of("id", id));
            auditLog.record(ACTION, id, "DELETED", action.data().audit(), Map.of());
        });
        return before.isPresent();
    }

    /** Per kind, how many members held at least one action in the calendar year (each member once). */
    @Transactional(readOnly = true)
    public Map<MemberKind, Integer> activeMembers(int year) {
        Map<MemberKind, Integer> counts = new EnumMap<>(MemberKind.class);
        jdbc.query("""
                SELECT m.kind, count(DISTINCT m.id) AS members FROM fairtrade_member m
                JOIN fairtrade_action a ON a.member_id = m.id
                WHERE a.held_on >= :from AND a.held_on < :to GROUP BY m.kind""",
                Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year + 1, 1, 1)),
                rs -> {
                    counts.put(MemberKind.valueOf(rs.getString("kind")), rs.getInt("members"));
                });
        return counts;
    }

    private static final RowMapper<Member> MEMBER_ROW = (rs, i) -> new Member(rs.getLong("id"), rs.getString("name"),
            MemberKind.valueOf(rs.getString("kind")), rs.getString("website"), rs.getString("description"),
            rs.getBoolean("listed"), rs.getBoolean("example"), rs.getLong("version"));

    private static final RowMapper<Action> ACTION_ROW = (rs, i) -> new Action(rs.getLong("id"), rs.getLong("member_id"),
            rs.getString("member_name"), MemberKind.valueOf(rs.getString("member_kind")), rs.getBoolean("member_listed"),
            rs.getString("title"), rs.getObject("held_on", LocalDate.class), rs.getBoolean("example"), rs.getLong("version"));

    /** @param listed shown on /fairtrade and in the open data */
    public record MemberData(String name, MemberKind kind, String website, String description, boolean listed) {

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("kind", kind);
            fields.put("website", website);
            fields.put("description", description);
            fields.put("listed", listed);
            return fields;
        }
    }

    public record Member(long id, String name, MemberKind kind, String website, String description, boolean listed,
                         boolean example, long version) {

        public MemberData data() {
            return new MemberData(name, kind, website, description, listed);
        }
    }

    public record ActionData(long memberId, String title, LocalDate heldOn) {

        Map<String, Object> audit() {
            return Map.of("memberId", memberId, "title", title, "heldOn", heldOn);
        }
    }

    public record Action(long id, long memberId, String memberName, MemberKind memberKind, boolean memberListed,
                         String title, LocalDate heldOn, boolean example, long version) {

        public ActionData data() {
            return new ActionData(memberId, title, heldOn);
        }
    }
}
