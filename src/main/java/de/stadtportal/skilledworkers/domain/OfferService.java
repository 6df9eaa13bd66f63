package de.stadtportal.skilledworkers.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.account.AccountApi;
import de.stadtportal.platform.PlainText;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Apprenticeships, jobs and internships open to refugees, posted by businesses for a listing they own,
 * moderated by staff, listed until they expire (the owner may renew).
 */
@Service
@Transactional
public class OfferService {

    public static final int MAX_DESCRIPTION = 4000;
    static final String ENTITY = "Fachkräfte-Angebot";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final MailOutbox mailOutbox;
    private final MessageSource messages;
    private final AccountApi accounts;
    private final PortalProperties portal;
    private final SkilledWorkersProperties settings;
    private final Clock clock;

    OfferService(JdbcClient jdbc, AuditLog auditLog, MailOutbox mailOutbox, MessageSource messages, AccountApi accounts,
                 PortalProperties portal, SkilledWorkersProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.mailOutbox = mailOutbox;
        this.messages = messages;
        this.accounts = accounts;
        this.portal = portal;
        this.settings = settings;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.CITY_ZONE));
    }

    @Transactional(readOnly = true)
    public List<Offer> ownedBy(long accountId) {
        return jdbc.sql("SELECT * FROM skilled_offer WHERE owner_account_id = ? ORDER BY created_at DESC, id DESC")
                .param(accountId).query(OFFER).list();
    }

    @Transactional(readOnly = true)
    public Optional<Offer> find(long id) {
        return jdbc.sql("SELECT * FROM skilled_offer WHERE id = ?").param(id).query(OFFER).optional();
    }

    /** A published, unexpired offer. */
    @Transactional(readOnly = true)
    public Optional<Offer> listed(long id) {
        return jdbc.sql("SELECT * FROM skilled_offer WHERE id = ? AND status = 'PUBLISHED' AND expires_on >= ?")
                .param(id).param(today()).query(OFFER).optional();
    }

    /** Listed offers matching every given filter (null: any), soonest start first; at most 200. */
    @Transactional(readOnly = true)
    public List<Offer> search(Plan kind, String trade, GermanLevel level) {
        return jdbc.sql("""
                        SELECT * FROM skilled_offer
                        WHERE status = 'PUBLISHED' AND expires_on >= :today
                          AND (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind)
                          AND (CAST(:trade AS VARCHAR) IS NULL OR trade = :trade)
                          AND (CAST(:level AS VARCHAR) IS NULL OR german_level <= :level)
                        ORDER BY starts_on, id LIMIT 200""")
                .param("today", today()).param("kind", kind == null ? null : kind.name()).param("trade", trade)
                .param("level", level == null ? null : level.name()).query(OFFER).list();
    }

    /** The trades of listed offers, for the filter. */
    @Transactional(readOnly = true)
    public List<String> trades() {
        return jdbc.sql("SELECT DISTINCT trade FROM skilled_offer WHERE status = 'PUBLISHED' AND expires_on >= ? ORDER BY trade")
                .param(today()).query(String.class).list();
    }

    @Transactional(readOnly = true)
    public List<Offer> pending() {
        return jdbc.sql("SELECT * FROM skilled_offer WHERE status = 'PENDING' ORDER BY updated_at, id").query(OFFER).list();
    }

    /** A business posts an offer; it waits for staff. @return its id */
    public long create(long accountId, String businessName, OfferData data) {
        long id = jdbc.sql("""
                        INSERT INTO skilled_offer (business_slug, business_name, owner_account_id, title, kind, trade, german_level,
                                                   starts_on, contact, description)
                        VALUES (:slug, :name, :owner, :title, :kind, :trade, :level, :starts, :contact, :description) RETURNING id""")
                .params(data.params()).param("name", businessName).param("owner", accountId).query(Long.class).single();
        auditLog.record(ENTITY, id, "CREATED", Map.of(), data.audit());
        return id;
    }

    /** The owner changes the offer; it goes back to staff. @return false on a stale version */
    public boolean update(long id, long version, String businessName, OfferData data) {
        Offer before = find(id).orElseThrow();
        int changed = jdbc.sql("""
                        UPDATE skilled_offer SET business_slug = :slug, business_name = :name, title = :title, kind = :kind,
                               trade = :trade, german_level = :level, starts_on = :starts, contact = :contact,
                               description = :description, status = 'PENDING', updated_at = now(), version = version + 1
                        WHERE id = :id AND version = :version""")
                .params(data.params()).param("name", businessName).param("id", id).param("version", version).update();
        if (changed == 0) {
            return false;
        }
        auditLog.record(ENTITY, id, "CHANGED", before.data().audit(), data.audit());
        return true;
    }

    /** Staff publish: listed for the configured time from today. @return false if it was not waiting */
    public boolean publish(long id) {
        return decide(id, OfferStatus.PUBLISHED, "skilledworkers.mail.offerPublished");
    }

    public boolean reject(long id) {
        return decide(id, OfferStatus.REJECTED, "skilledworkers.mail.offerRejected");
    }

    private boolean decide(long id, OfferStatus status, String mailKey) {
        LocalDate expires = status == OfferStatus.PUBLISHED ? today().plusDays(settings.offerValidityDays()) : null;
        int changed = jdbc.sql("""
                        UPDATE skilled_offer SET status = :status, expires_on = :expires, reminder_sent_at = NULL,
                               updated_at = now(), version = version + 1
                        WHERE id = :id AND status = 'PENDING'""")
                .param("status", status.name()).param("expires", expires).param("id", id).update();
        if (changed == 0) {
            return false;
        }
        Offer offer = find(id).orElseThrow();
        auditLog.record(ENTITY, id, status.name(), Map.of("status", OfferStatus.PENDING), Map.of("status", status,
                "expiresOn", String.valueOf(expires)));
        mailOwner(offer, mailKey, offer.title(), String.valueOf(expires), portal.baseUrl() + "/konto/fachkraefte/angebote");
        return true;
    }

    /** The owner keeps a published or expired offer listed for another period. @return false if not renewable */
    public boolean renew(long id) {
        LocalDate expires = today().plusDays(settings.offerValidityDays());
        int changed = jdbc.sql("""
                        UPDATE skilled_offer SET status = 'PUBLISHED', expires_on = :expires, reminder_sent_at = NULL,
                               updated_at = now(), version = version + 1
                        WHERE id = :id AND status IN ('PUBLISHED', 'EXPIRED')""")
                .param("expires", expires).param("id", id).update();
        if (changed == 1) {
            auditLog.record(ENTITY, id, "RENEWED", Map.of(), Map.of("expiresOn", expires));
        }
        return changed == 1;
    }

    /** Mails the offer's owner in German (jobs have no reader's language). */
    void mailOwner(Offer offer, String key, Object... arguments) {
        if (offer.ownerAccountId() == null) {
            return;
        }
        accounts.emailOf(offer.ownerAccountId()).ifPresent(email -> mailOutbox.queue(email,
                messages.getMessage(key + ".subject", arguments, Locale.GERMAN),
                messages.getMessage(key + ".body", arguments, Locale.GERMAN)));
    }

    static final RowMapper<Offer> OFFER = (rs, i) -> new Offer(rs.getLong("id"), rs.getString("business_slug"),
            rs.getString("business_name"), (Long) rs.getObject("owner_account_id", Long.class), rs.getString("title"),
            Plan.valueOf(rs.getString("kind")), rs.getString("trade"), GermanLevel.valueOf(rs.getString("german_level")),
            rs.getObject("starts_on", LocalDate.class), rs.getString("contact"), rs.getString("description"),
            OfferStatus.valueOf(rs.getString("status")), rs.getObject("expires_on", LocalDate.class),
            PlatformConfiguration.cityTime(rs, "created_at"), rs.getBoolean("example"), rs.getLong("version"));

    /** What a business enters. */
    public record OfferData(String businessSlug, String title, Plan kind, String trade, GermanLevel germanLevel,
                            LocalDate startsOn, String contact, String description) {

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("slug", businessSlug);
            params.put("title", title);
            params.put("kind", kind.name());
            params.put("trade", trade);
            params.put("level", germanLevel.name());
            params.put("starts", startsOn);
            params.put("contact", contact);
            params.put("description", description);
            return params;
        }

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>(params());
            fields.put("starts", String.valueOf(startsOn));
            return fields;
        }
    }

    public record Offer(long id, String businessSlug, String businessName, Long ownerAccountId, String title, Plan kind,
                        String trade, GermanLevel germanLevel, LocalDate startsOn, String contact, String description,
                        OfferStatus status, LocalDate expiresOn, ZonedDateTime createdAt, boolean example, long version) {

        public OfferData data() {
            return new OfferData(businessSlug, title, kind, trade, germanLevel, startsOn, contact, description);
        }

        public List<String> paragraphs() {
            return PlainText.paragraphs(description);
        }
    }
}
