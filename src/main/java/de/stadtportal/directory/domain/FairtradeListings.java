package de.stadtportal.directory.domain;

import java.util.List;
import java.util.Map;

import de.stadtportal.directory.DirectoryApi.FairtradeListing;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's Fairtrade attribute as the Fairtrade-Town feature needs it: the published
 * businesses that sell fair, an owner's listings, and the owner switching the attribute.
 */
@Service
@Transactional
public class FairtradeListings {

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    FairtradeListings(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Published businesses with the Fairtrade attribute, by name. */
    @Transactional(readOnly = true)
    public List<FairtradeListing> selling() {
        return jdbc.query("""
                SELECT b.id, b.slug, b.name, c.slug AS category_slug, c.name AS category, b.street, b.postal_code,
                       b.city, b.sells_fairtrade, b.status, b.example
                FROM business b JOIN category c ON c.id = b.category_id
                WHERE b.status = 'PUBLISHED' AND b.sells_fairtrade ORDER BY b.name, b.id""", Map.of(), this::listing);
    }

    /** The listings an account owns, whatever their status, by name. */
    @Transactional(readOnly = true)
    public List<FairtradeListing> ownedBy(long accountId) {
        return jdbc.query("""
                SELECT b.id, b.slug, b.name, c.slug AS category_slug, c.name AS category, b.street, b.postal_code,
                       b.city, b.sells_fairtrade, b.status, b.example
                FROM business b JOIN category c ON c.id = b.category_id
                JOIN business_owner o ON o.business_id = b.id AND o.account_id = :account
                ORDER BY b.name, b.id""", Map.of("account", accountId), this::listing);
    }

    /** Switches the attribute of a listing the account owns. @return false when it does not own it */
    public boolean setSelling(long businessId, long accountId, boolean selling) {
        Boolean before = jdbc.query("""
                SELECT b.sells_fairtrade FROM business b JOIN business_owner o ON o.business_id = b.id
                WHERE b.id = :id AND o.account_id = :account FOR UPDATE OF b""",
                new MapSqlParameterSource("id", businessId).addValue("account", accountId),
                rs -> rs.next() ? rs.getBoolean(1) : null);
        if (before == null) {
            return false;
        }
        if (before != selling) {
            jdbc.update("UPDATE business SET sells_fairtrade = :selling, version = version + 1 WHERE id = :id",
                    Map.of("selling", selling, "id", businessId));
            auditLog.record(Listings.ENTITY, businessId, "CHANGED", Map.of("sellsFairtrade", before),
                    Map.of("sellsFairtrade", selling));
        }
        return true;
    }

    private FairtradeListing listing(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new FairtradeListing(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("category_slug"),
                rs.getString("category"), rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                rs.getBoolean("sells_fairtrade"), rs.getString("status"), rs.getBoolean("example"));
    }
}
