package de.stadtportal.directory.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.directory.domain.Listings.ListingEdit;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changing a listing's data: owners edit theirs (at once, or waiting for staff where the installation
 * wants approval first), staff edit any, owners confirm that their data is current.
 */
@Service
@Transactional
public class ListingEdits {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Listings listings;
    private final AuditLog auditLog;
    private final DirectoryProperties settings;
    private final Clock clock;

    ListingEdits(JdbcClient jdbc, Listings listings, AuditLog auditLog, DirectoryProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
    }

    public enum SaveResult { SAVED, RESUBMITTED, AWAITING_APPROVAL, CONFLICT }

    /**
     * Saves an owner's changes. A published listing changes at once (and shows up in the staff's
     * review list) unless the installation requires approval first; a listing sent back for
     * changes goes to moderation again. The version guards against two people overwriting each
     * other: a stale version changes nothing.
     */
    public SaveResult updateByOwner(long id, ListingEdit edit, String ownerEmail) {
        ListingStatus status = listings.status(id).orElseThrow();
        if (status == ListingStatus.PUBLISHED && settings.approveChangesFirst()) {
            ListingEdit current = listings.load(id).orElseThrow();
            if (current.version() != edit.version()) {
                return SaveResult.CONFLICT;
            }
            jdbc.sql("""
                            INSERT INTO business_pending_change (business_id, changes, submitted_by, submitted_at)
                            VALUES (:id, CAST(:changes AS jsonb), :by, :now)
                            ON CONFLICT (business_id) DO UPDATE SET changes = EXCLUDED.changes, submitted_by = EXCLUDED.submitted_by,
                                submitted_at = EXCLUDED.submitted_at""")
                    .param("id", id).param("changes", json.writeValueAsString(edit)).param("by", ownerEmail)
                    .param("now", now())
                    .update();
            auditLog.record(Listings.ENTITY, id, "CHANGE_SUBMITTED", current.fields(), edit.fields());
            return SaveResult.AWAITING_APPROVAL;
        }
        ListingEdit before = listings.load(id).orElseThrow();
        if (!write(id, edit, true)) {
            return SaveResult.CONFLICT;
        }
        auditLog.record(Listings.ENTITY, id, "UPDATED", before.fields(), edit.fields());
        if (status == ListingStatus.CHANGES_REQUESTED) {
            jdbc.sql("UPDATE business SET status = 'PENDING', rejection_reason = NULL WHERE id = :id").param("id", id).update();
            auditLog.record(Listings.ENTITY, id, "RESUBMITTED", Map.of("status", status.name()),
                    Map.of("status", ListingStatus.PENDING.name()));
            return SaveResult.RESUBMITTED;
        }
        if (status == ListingStatus.PUBLISHED) {
            jdbc.sql("UPDATE business SET owner_changed_at = :now WHERE id = :id").param("id", id).param("now", now()).update();
        }
        return SaveResult.SAVED;
    }

    /** Saves staff's changes to any listing; returns false on a stale version. */
    public boolean updateByStaff(long id, ListingEdit edit) {
        ListingEdit before = listings.load(id).orElseThrow();
        if (!write(id, edit, false)) {
            return false;
        }
        auditLog.record(Listings.ENTITY, id, "UPDATED", before.fields(), edit.fields());
        return true;
    }

    /** An owner's change that waits for approval (installations with approve-changes-first). */
    @Transactional(readOnly = true)
    public Optional<ListingEdit> pendingChange(long id) {
        return jdbc.sql("SELECT changes::text FROM business_pending_change WHERE business_id = :id")
                .param("id", id).query(String.class).optional().map(text -> json.readValue(text, ListingEdit.class));
    }

    /** Staff accept an owner's waiting change: it goes live, whatever was saved in between. */
    public boolean applyPendingChange(long id) {
        Optional<ListingEdit> change = pendingChange(id);
        if (change.isEmpty()) {
            return false;
        }
        ListingEdit current = listings.load(id).orElseThrow();
        ListingEdit edit = change.get().withVersion(current.version());
        write(id, edit, true);
        jdbc.sql("DELETE FROM business_pending_change WHERE business_id = :id").param("id", id).update();
        jdbc.sql("UPDATE business SET owner_changed_at = NULL WHERE id = :id").param("id", id).update();
        auditLog.record(Listings.ENTITY, id, "CHANGE_APPROVED", current.fields(), edit.fields());
        return true;
    }

    public boolean discardPendingChange(long id) {
        int removed = jdbc.sql("DELETE FROM business_pending_change WHERE business_id = :id").param("id", id).update();
        if (removed > 0) {
            auditLog.record(Listings.ENTITY, id, "CHANGE_DISCARDED", Map.of(), Map.of());
        }
        return removed > 0;
    }

    /** The owner confirms that the listing is current; the 12-month clock starts again. */
    public void confirmCurrent(long id) {
        jdbc.sql("UPDATE business SET last_confirmed_at = :now, reminder_sent_at = NULL WHERE id = :id")
                .param("id", id).param("now", now()).update();
        auditLog.record(Listings.ENTITY, id, "CONFIRMED", Map.of(), Map.of("lastConfirmedAt", "jetzt"));
    }

    /** Staff have looked at an owner's changes; the listing leaves the review list. */
    public void markReviewed(long id) {
        jdbc.sql("UPDATE business SET owner_changed_at = NULL WHERE id = :id").param("id", id).update();
    }

    /** @param confirms whether this save also confirms the data as current (an owner's save does) */
    boolean write(long id, ListingEdit edit, boolean confirms) {
        return jdbc.sql("""
                        UPDATE business SET name = :name, category_id = (SELECT id FROM category WHERE slug = :category),
                               district_id = (SELECT id FROM district WHERE slug = :district), description = :description,
                               tags = :tags, street = :street, postal_code = :postalCode, phone = :phone, email = :email,
                               website = :website, accepts_voucher = :voucher, sells_fairtrade = :fairtrade,
                               wifi_hotspot = :wifi, market_stall = :market, online_shop = :shop, delivery = :delivery,
                               click_and_collect = :collect, latitude = :latitude, longitude = :longitude,
                               version = version + 1,
                               last_confirmed_at = CASE WHEN :confirms THEN :now ELSE last_confirmed_at END,
                               reminder_sent_at = CASE WHEN :confirms THEN NULL ELSE reminder_sent_at END
                        WHERE id = :id AND version = :version""")
                .param("id", id).param("version", edit.version()).param("confirms", confirms).param("now", now())
                .param("name", edit.name().strip()).param("category", edit.category())
                .param("district", edit.district())
                .param("description", nullToEmpty(edit.description())).param("tags", nullToEmpty(edit.tags()))
                .param("street", edit.street().strip()).param("postalCode", edit.postalCode().strip())
                .param("phone", blankToNull(edit.phone())).param("email", blankToNull(edit.email()))
                .param("website", blankToNull(edit.website()))
                .param("voucher", edit.acceptsVoucher()).param("fairtrade", edit.sellsFairtrade())
                .param("wifi", edit.wifiHotspot()).param("market", edit.marketStall())
                .param("shop", edit.onlineShop()).param("delivery", edit.delivery())
                .param("collect", edit.clickAndCollect())
                .param("latitude", edit.latitude(), java.sql.Types.NUMERIC)
                .param("longitude", edit.longitude(), java.sql.Types.NUMERIC)
                .update() > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
