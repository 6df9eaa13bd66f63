package de.stadtportal.directory.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.directory.domain.Listings.Listing;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff decide on listings: publish, reject or ask for changes (the owners are told by mail),
 * archive and restore.
 */
@Service
@Transactional
public class ListingModeration {

    private final JdbcClient jdbc;
    private final Listings listings;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;
    private final Clock clock;

    ListingModeration(JdbcClient jdbc, Listings listings, MailOutbox mailOutbox, AuditLog auditLog, MessageSource messages,
                      PortalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return false when the listing was not waiting for moderation (already decided by a colleague) */
    public boolean approve(long id) {
        return decide(id, ListingStatus.PUBLISHED, null);
    }

    public boolean reject(long id, String reason) {
        return decide(id, ListingStatus.REJECTED, reason.strip());
    }

    /** Sends a waiting listing back to its owner with what to change; saving it submits it again. */
    public boolean requestChanges(long id, String reason) {
        return decide(id, ListingStatus.CHANGES_REQUESTED, reason.strip());
    }

    private boolean decide(long id, ListingStatus status, String reason) {
        int changed = jdbc.sql("""
                        UPDATE business SET status = :status, rejection_reason = :reason,
                               last_confirmed_at = CASE WHEN :publishes THEN :now ELSE last_confirmed_at END,
                               version = version + 1
                        WHERE id = :id AND status = 'PENDING'""")
                .param("id", id).param("status", status.name()).param("reason", reason)
                .param("publishes", status == ListingStatus.PUBLISHED).param("now", OffsetDateTime.now(clock))
                .update();
        if (changed == 0) {
            return false;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("rejectionReason", reason);
        String action = switch (status) {
            case PUBLISHED -> "APPROVED";
            case REJECTED -> "REJECTED";
            default -> "CHANGES_REQUESTED";
        };
        auditLog.record(Listings.ENTITY, id, action, Map.of("status", ListingStatus.PENDING.name()), after);
        Listing listing = listings.find(id).orElseThrow();
        switch (status) {
            case PUBLISHED -> mailOwners(id, "directory.mail.listingPublished", listing.name(),
                    properties.baseUrl() + "/unternehmen/" + listing.slug());
            case REJECTED -> mailOwners(id, "directory.mail.listingRejected", listing.name(), reason,
                    properties.baseUrl() + "/konto/eintraege");
            default -> mailOwners(id, "directory.mail.listingChangesRequested", listing.name(), reason,
                    properties.baseUrl() + "/konto/eintraege/" + id);
        }
        return true;
    }

    /** Takes a listing off the portal without deleting it; its owners keep it. */
    public boolean archive(long id) {
        return setStatus(id, ListingStatus.ARCHIVED, "ARCHIVED", "status <> 'ARCHIVED'");
    }

    /** Puts an archived listing back online. */
    public boolean restore(long id) {
        return setStatus(id, ListingStatus.PUBLISHED, "RESTORED", "status = 'ARCHIVED'");
    }

    private boolean setStatus(long id, ListingStatus status, String action, String condition) {
        String before = listings.status(id).map(ListingStatus::name).orElse(null);
        int changed = jdbc.sql("UPDATE business SET status = :status, version = version + 1 WHERE id = :id AND " + condition)
                .param("id", id).param("status", status.name()).update();
        if (changed == 0) {
            return false;
        }
        auditLog.record(Listings.ENTITY, id, action, Map.of("status", before), Map.of("status", status.name()));
        return true;
    }

    /** Mails every owner of a listing; the message key names subject (.subject) and body (.body). */
    void mailOwners(long id, String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        for (String owner : listings.ownerEmails(id)) {
            mailOutbox.queue(owner, messages.getMessage(key + ".subject", null, locale),
                    messages.getMessage(key + ".body", arguments, locale));
        }
    }
}
