package de.stadtportal.fairtrade.domain;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The steering group: organisation and role; a person's name only with consent (the database refuses it otherwise). */
@Service
@Transactional
public class SteeringGroupService {

    static final String ENTITY = "Fairtrade-Steuerungsgruppe";

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    SteeringGroupService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<Seat> all() {
        return jdbc.query("SELECT * FROM fairtrade_steering ORDER BY sector, organisation, id", ROW);
    }

    @Transactional(readOnly = true)
    public Optional<Seat> find(long id) {
        return jdbc.query("SELECT * FROM fairtrade_steering WHERE id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    /** The sectors the group's members come from. */
    @Transactional(readOnly = true)
    public Set<Sector> sectors() {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        all().forEach(seat -> sectors.add(seat.sector()));
        return sectors;
    }

    /** Without consent no name is kept, whatever was typed. */
    public long save(Long id, SeatData data, long version) {
        SeatData stored = data.consent() ? data : new SeatData(data.organisation(), data.role(), data.sector(), null, false);
        MapSqlParameterSource params = new MapSqlParameterSource("organisation", stored.organisation())
                .addValue("role", stored.role()).addValue("sector", stored.sector().name())
                .addValue("person", stored.personName()).addValue("consent", stored.consent()).addValue("version", version);
        if (id == null) {
            long created = jdbc.queryForObject("""
                    INSERT INTO fairtrade_steering (organisation, role, sector, person_name, consent)
                    VALUES (:organisation, :role, :sector, :person, :consent) RETURNING id""", params, Long.class);
            auditLog.record(ENTITY, created, "CREATED", Map.of(), stored.audit());
            return created;
        }
        Seat before = find(id).orElseThrow(StaleException::new);
        if (jdbc.update("""
                UPDATE fairtrade_steering SET organisation = :organisation, role = :role, sector = :sector,
                       person_name = :person, consent = :consent, version = version + 1
                WHERE id = :id AND version = :version""", params.addValue("id", id)) == 0) {
            throw new StaleException();
        }
        auditLog.record(ENTITY, id, "CHANGED", before.data().audit(), stored.audit());
        return id;
    }

    public boolean delete(long id) {
        Optional<Seat> before = find(id);
        before.ifPresent(seat -> {
            jdbc.update("DELETE FROM fairtrade_steering WHERE id = :id", Map.of("id", id));
            auditLog.record(ENTITY, id, "DELETED", seat.data().audit(), Map.of());
        });
        return before.isPresent();
    }

    private static final RowMapper<Seat> ROW = (rs, i) -> new Seat(rs.getLong("id"), rs.getString("organisation"),
            rs.getString("role"), Sector.valueOf(rs.getString("sector")), rs.getString("person_name"),
            rs.getBoolean("consent"), rs.getBoolean("example"), rs.getLong("version"));

    /** @param personName kept only with consent */
    public record SeatData(String organisation, String role, Sector sector, String personName, boolean consent) {

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("organisation", organisation);
            fields.put("role", role);
            fields.put("sector", sector);
            // the audit log notes that a name was given, never the name
            fields.put("personNamed", personName != null);
            fields.put("consent", consent);
            return fields;
        }
    }

    public record Seat(long id, String organisation, String role, Sector sector, String personName, boolean consent,
                       boolean example, long version) {

        public SeatData data() {
            return new SeatData(organisation, role, sector, personName, consent);
        }
    }
}
