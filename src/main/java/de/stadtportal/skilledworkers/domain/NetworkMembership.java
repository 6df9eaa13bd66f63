package de.stadtportal.skilledworkers.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Businesses in the network Fachkräftesicherung, shown by name on /fachkraefte with their consent. */
@Service
@Transactional
public class NetworkMembership {

    static final String ENTITY = "Fachkräfte-Netzwerk";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    NetworkMembership(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record Member(String businessSlug, String businessName, boolean example) {
    }

    @Transactional(readOnly = true)
    public List<Member> members() {
        return jdbc.sql("SELECT business_slug, business_name, example FROM skilled_network_member ORDER BY lower(business_name)")
                .query((rs, row) -> new Member(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** The listings of this account that are in the network. */
    @Transactional(readOnly = true)
    public Set<String> joinedBy(long accountId) {
        return new TreeSet<>(jdbc.sql("SELECT business_slug FROM skilled_network_member WHERE owner_account_id = ?")
                .param(accountId).query(String.class).list());
    }

    /** The owner of a published listing joins with the consent text they saw; joining twice changes nothing. */
    public void join(long accountId, String businessSlug, String businessName, String consentText) {
        int added = jdbc.sql("""
                        INSERT INTO skilled_network_member (business_slug, business_name, owner_account_id, consent_text, joined_at)
                        VALUES (:slug, :name, :owner, :consent, :now)
                        ON CONFLICT (business_slug) DO NOTHING""")
                .param("slug", businessSlug).param("name", businessName).param("owner", accountId)
                .param("consent", consentText).param("now", OffsetDateTime.now(clock)).update();
        if (added > 0) {
            auditLog.record(ENTITY, businessSlug, "JOINED", Map.of(), Map.of("business", businessName));
        }
    }

    /** The owner leaves: the row and with it the consent are deleted. */
    public boolean leave(long accountId, String businessSlug) {
        return remove("DELETE FROM skilled_network_member WHERE business_slug = ? AND owner_account_id = ?",
                businessSlug, "LEFT", businessSlug, accountId);
    }

    /** Staff take a member off the list (e.g. the business closed). */
    public boolean remove(String businessSlug) {
        return remove("DELETE FROM skilled_network_member WHERE business_slug = ?", businessSlug, "REMOVED", businessSlug);
    }

    private boolean remove(String sql, String slug, String action, Object... params) {
        boolean removed = jdbc.sql(sql).params(params).update() > 0;
        if (removed) {
            auditLog.record(ENTITY, slug, action, Map.of("business", slug), Map.of());
        }
        return removed;
    }
}
