package de.stadtportal.fairtrade.domain;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.fairtrade.domain.NetworkService.MemberData;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation asks to join the network; staff accept (it is listed as a member) or reject it.
 * The applicant gets a mail either way; the address is deleted with the decision.
 */
@Service
@Transactional
public class JoinService {

    static final String ENTITY = "Fairtrade-Beitrittsanfrage";

    private final NamedParameterJdbcTemplate jdbc;
    private final NetworkService network;
    private final AuditLog auditLog;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final PortalProperties properties;

    JoinService(NamedParameterJdbcTemplate jdbc, NetworkService network, AuditLog auditLog, MailOutbox outbox,
                MessageSource messages, PortalProperties properties) {
        this.jdbc = jdbc;
        this.network = network;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
    }

    /** @return the request's id */
    public long submit(JoinData data) {
        return jdbc.queryForObject("""
                INSERT INTO fairtrade_join_request (organisation, kind, email, website, message)
                VALUES (:organisation, :kind, :email, :website, :message) RETURNING id""",
                new MapSqlParameterSource("organisation", data.organisation()).addValue("kind", data.kind().name())
                        .addValue("email", data.email()).addValue("website", data.website())
                        .addValue("message", data.message()), Long.class);
    }

    /** Requests waiting for a decision, the oldest first. */
    @Transactional(readOnly = true)
    public List<JoinRequest> pending() {
        return jdbc.query("SELECT * FROM fairtrade_join_request WHERE status = 'PENDING' ORDER BY created_at, id", Map.of(), ROW);
    }

    @Transactional(readOnly = true)
    public Optional<JoinRequest> find(long id) {
        return jdbc.query("SELECT * FROM fairtrade_join_request WHERE id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    /**
     * Accepts (listing the organisation as a member) or rejects a waiting request and mails the applicant.
     *
     * @return the outcome; NOT_PENDING when it was decided already or does not exist
     */
    public Decision decide(long id, boolean accept, Locale locale) {
        Optional<JoinRequest> found = jdbc.query("SELECT * FROM fairtrade_join_request WHERE id = :id FOR UPDATE",
                Map.of("id", id), ROW).stream().findFirst();
        if (found.isEmpty() || !"PENDING".equals(found.get().status())) {
            return Decision.NOT_PENDING;
        }
        JoinRequest request = found.get();
        Long memberId = null;
        if (accept) {
            try {
                memberId = network.saveMember(null, new MemberData(request.organisation(), request.kind(), request.website(),
                        null, true), 0);
            } catch (DuplicateKeyException e) {
                return Decision.NAME_TAKEN;
            }
        }
        String status = accept ? "ACCEPTED" : "REJECTED";
        jdbc.update("""
                UPDATE fairtrade_join_request SET status = :status, decided_at = now(), email = NULL, member_id = :member
                WHERE id = :id""", new MapSqlParameterSource("status", status).addValue("member", memberId).addValue("id", id));
        auditLog.record(ENTITY, id, status, Map.of("status", "PENDING"), Map.of("status", status, "organisation",
                request.organisation()));
        String key = accept ? "fairtrade.mail.accepted" : "fairtrade.mail.rejected";
        outbox.queue(request.email(), messages.getMessage(key + ".subject", null, locale),
                messages.getMessage(key + ".body", new Object[] {request.organisation(), properties.baseUrl() + "/fairtrade"},
                        locale));
        return accept ? Decision.ACCEPTED : Decision.REJECTED;
    }

    public enum Decision { ACCEPTED, REJECTED, NOT_PENDING, NAME_TAKEN }

    private static final RowMapper<JoinRequest> ROW = (rs, i) -> new JoinRequest(rs.getLong("id"),
            rs.getString("organisation"), MemberKind.valueOf(rs.getString("kind")), rs.getString("email"),
            rs.getString("website"), rs.getString("message"), rs.getString("status"),
            rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(PlatformConfiguration.CITY_ZONE));

    /** The five fields of the public form. */
    public record JoinData(String organisation, MemberKind kind, String email, String website, String message) {
    }

    public record JoinRequest(long id, String organisation, MemberKind kind, String email, String website, String message,
                              String status, ZonedDateTime createdAt) {
    }
}
