package de.stadtportal.skilledworkers.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.PlainText;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.RateLimiter;
import de.stadtportal.platform.Tokens;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import de.stadtportal.skilledworkers.domain.OrientationService.ContactPoint;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support point (Lotsenstelle): employers send an inquiry, follow it through a private link, and
 * the support point's staff work through their inbox. Every read and change by staff is audited; the
 * audit keeps states and ids, never the employer's data or the texts, so the retention deletion is not
 * undone by the log.
 */
@Service
@Transactional
public class InquiryService {

    public static final int MAX_QUESTION = 4000;
    public static final int MAX_NOTES = 4000;
    public static final int MAX_ANSWER = 6000;
    static final String ENTITY = "Fachkräfte-Anfrage";
    public static final String STATUS_PATH = "/fachkraefte/anfrage/status/";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final MailOutbox mailOutbox;
    private final MessageSource messages;
    private final PortalProperties portal;
    private final OrientationService orientation;
    private final Clock clock;
    private final RateLimiter limiter;

    InquiryService(JdbcClient jdbc, AuditLog auditLog, MailOutbox mailOutbox, MessageSource messages,
                   PortalProperties portal, OrientationService orientation, Clock clock, SkilledWorkersProperties settings) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.mailOutbox = mailOutbox;
        this.messages = messages;
        this.portal = portal;
        this.orientation = orientation;
        this.clock = clock;
        this.limiter = new RateLimiter(settings.inquiriesPerHour(), Duration.ofHours(1));
    }

    /** Uses one of the client address's inquiries for this hour; false when none is left. */
    public boolean allow(String clientAddress) {
        return limiter.tryAcquire(clientAddress);
    }

    /**
     * Stores an employer's inquiry and mails the private status link to the given address.
     *
     * @param consentText the consent text exactly as the employer saw it
     * @return the private token of the status link (only its hash is stored)
     */
    public String submit(NewInquiry inquiry, String consentText) {
        String token = Tokens.newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                        INSERT INTO skilled_inquiry (company, contact_name, email, phone, plan, residence, question,
                                                     consent_text, token_hash, created_at, updated_at)
                        VALUES (:company, :contact, :email, :phone, :plan, :residence, :question, :consent, :hash, :now, :now)
                        RETURNING id""")
                .param("company", inquiry.company()).param("contact", inquiry.contactName()).param("email", inquiry.email())
                .param("phone", inquiry.phone()).param("plan", inquiry.plan().name())
                .param("residence", inquiry.residence().name()).param("question", inquiry.question())
                .param("consent", consentText).param("hash", Tokens.hash(token)).param("now", now)
                .query(Long.class).single();
        auditLog.record(ENTITY, id, "CREATED", Map.of(), Map.of("status", InquiryStatus.NEW, "plan", inquiry.plan(),
                "residence", inquiry.residence()));
        Locale locale = LocaleContextHolder.getLocale();
        mailOutbox.queue(inquiry.email(), messages.getMessage("skilledworkers.mail.received.subject", null, locale),
                messages.getMessage("skilledworkers.mail.received.body",
                        new Object[] {inquiry.contactName(), statusLink(token), portal.baseUrl() + "/datenschutz"}, locale));
        return token;
    }

    public String statusLink(String token) {
        return portal.baseUrl() + STATUS_PATH + token;
    }

    /** What the employer sees behind the private link: the state and the answer, never the internal notes. */
    @Transactional(readOnly = true)
    public Optional<EmployerView> byToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT i.company, i.plan, i.status, i.answer, i.answered_at, i.created_at, i.updated_at,
                               c.name AS office
                        FROM skilled_inquiry i LEFT JOIN skilled_contact_point c ON c.id = i.forwarded_to
                        WHERE i.token_hash = ?""")
                .param(Tokens.hash(token))
                .query((rs, i) -> new EmployerView(rs.getString("company"), Plan.valueOf(rs.getString("plan")),
                        InquiryStatus.valueOf(rs.getString("status")), rs.getString("office"), rs.getString("answer"),
                        zoned(rs.getObject("answered_at", OffsetDateTime.class)),
                        PlatformConfiguration.cityTime(rs, "created_at"), PlatformConfiguration.cityTime(rs, "updated_at")))
                .optional();
    }

    /** The inbox, newest first; null status: all but the closed ones. The read is audited. */
    public List<InquirySummary> inbox(InquiryStatus status) {
        List<InquirySummary> list = jdbc.sql("""
                        SELECT i.id, i.company, i.plan, i.status, i.created_at, i.example, c.name AS office
                        FROM skilled_inquiry i LEFT JOIN skilled_contact_point c ON c.id = i.forwarded_to
                        WHERE (CAST(:status AS VARCHAR) IS NULL AND i.status <> 'CLOSED') OR i.status = :status
                        ORDER BY i.created_at DESC, i.id DESC LIMIT 500""")
                .param("status", status == null ? null : status.name())
                .query((rs, i) -> new InquirySummary(rs.getLong("id"), rs.getString("company"),
                        Plan.valueOf(rs.getString("plan")), InquiryStatus.valueOf(rs.getString("status")),
                        rs.getString("office"), PlatformConfiguration.cityTime(rs, "created_at"), rs.getBoolean("example")))
                .list();
        auditLog.record(ENTITY, "Posteingang", "READ", Map.of(), Map.of("filter", status == null ? "offen" : status.name(),
                "shown", list.size()));
        return list;
    }

    /** One inquiry for the support point; the read is audited. */
    public Optional<Inquiry> read(long id) {
        Optional<Inquiry> inquiry = find(id);
        inquiry.ifPresent(found -> auditLog.record(ENTITY, id, "READ", Map.of(), Map.of()));
        return inquiry;
    }

    @Transactional(readOnly = true)
    public Optional<Inquiry> find(long id) {
        return jdbc.sql("SELECT * FROM skilled_inquiry WHERE id = ?").param(id).query(INQUIRY).optional();
    }

    /**
     * Changes status, forwarding and notes. Forwarding to an office with an e-mail address mails it the
     * inquiry (the employer consented to that).
     *
     * @return false when someone else changed the inquiry since {@code version} was read
     */
    public boolean update(long id, long version, InquiryStatus status, Long forwardedTo, String notes) {
        Inquiry before = find(id).orElseThrow();
        ContactPoint office = null;
        if (forwardedTo != null) {
            office = orientation.contactPoint(forwardedTo)
                    .orElseThrow(() -> new InquiryException("forwardedTo", "skilledworkers.inbox.officeUnknown"));
        }
        if (status == InquiryStatus.FORWARDED && office == null) {
            throw new InquiryException("forwardedTo", "skilledworkers.inbox.officeMissing");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = jdbc.sql("""
                        UPDATE skilled_inquiry SET status = :status, forwarded_to = :office, notes = :notes, updated_at = :now,
                               closed_at = CASE WHEN :status = 'CLOSED' THEN COALESCE(closed_at, :now) END,
                               version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("status", status.name()).param("office", forwardedTo).param("notes", notes).param("now", now)
                .param("id", id).param("version", version).update();
        if (changed == 0) {
            return false;
        }
        Inquiry after = find(id).orElseThrow();
        auditLog.record(ENTITY, id, "CHANGED", before.audit(), after.audit());
        boolean newlyForwarded = office != null && !forwardedTo.equals(before.forwardedTo());
        if (newlyForwarded && office.data().email() != null && !office.data().email().isBlank()) {
            Locale locale = Locale.GERMAN; // offices read German
            mailOutbox.queue(office.data().email(),
                    messages.getMessage("skilledworkers.mail.forwarded.subject", new Object[] {before.company()}, locale),
                    messages.getMessage("skilledworkers.mail.forwarded.body", new Object[] {before.company(),
                            before.contactName(), before.email(), before.phone() == null ? "–" : before.phone(),
                            messages.getMessage("skilledworkers.plan." + before.plan(), null, locale),
                            messages.getMessage("skilledworkers.residence." + before.residence(), null, locale),
                            before.question()}, locale));
        }
        return true;
    }

    /** Mails the answer to the employer and marks the inquiry answered. @return false on a stale version */
    public boolean answer(long id, long version, String answer) {
        Inquiry before = find(id).orElseThrow();
        if (before.status() == InquiryStatus.CLOSED) {
            throw new InquiryException("answer", "skilledworkers.inbox.closedNoAnswer");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = jdbc.sql("""
                        UPDATE skilled_inquiry SET status = 'ANSWERED', answer = :answer, answered_at = :now, updated_at = :now,
                               version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("answer", answer).param("now", now).param("id", id).param("version", version).update();
        if (changed == 0) {
            return false;
        }
        auditLog.record(ENTITY, id, "ANSWERED", before.audit(), find(id).orElseThrow().audit());
        Locale locale = Locale.GERMAN;
        mailOutbox.queue(before.email(),
                messages.getMessage("skilledworkers.mail.answer.subject", new Object[] {before.company()}, locale),
                messages.getMessage("skilledworkers.mail.answer.body", new Object[] {before.contactName(), answer}, locale));
        return true;
    }

    /** Open inquiries (not closed) for the staff dashboard. */
    @Transactional(readOnly = true)
    public long openCount() {
        return jdbc.sql("SELECT count(*) FROM skilled_inquiry WHERE status IN ('NEW', 'IN_PROGRESS')").query(Long.class).single();
    }

    private static ZonedDateTime zoned(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(PlatformConfiguration.CITY_ZONE);
    }

    private static final RowMapper<Inquiry> INQUIRY = (rs, i) -> new Inquiry(rs.getLong("id"), rs.getString("company"),
            rs.getString("contact_name"), rs.getString("email"), rs.getString("phone"), Plan.valueOf(rs.getString("plan")),
            Residence.valueOf(rs.getString("residence")), rs.getString("question"), rs.getString("consent_text"),
            InquiryStatus.valueOf(rs.getString("status")), (Long) rs.getObject("forwarded_to", Long.class),
            rs.getString("notes"), rs.getString("answer"), zoned(rs.getObject("answered_at", OffsetDateTime.class)),
            PlatformConfiguration.cityTime(rs, "created_at"), PlatformConfiguration.cityTime(rs, "updated_at"),
            zoned(rs.getObject("closed_at", OffsetDateTime.class)), rs.getBoolean("example"), rs.getLong("version"));

    /** What the employer enters; no name of the refugee is asked for. @param phone null: none given */
    public record NewInquiry(String company, String contactName, String email, String phone, Plan plan,
                             Residence residence, String question) {
    }

    public record Inquiry(long id, String company, String contactName, String email, String phone, Plan plan,
                          Residence residence, String question, String consentText, InquiryStatus status,
                          Long forwardedTo, String notes, String answer, ZonedDateTime answeredAt, ZonedDateTime createdAt,
                          ZonedDateTime updatedAt, ZonedDateTime closedAt, boolean example, long version) {

        public List<String> questionParagraphs() {
            return PlainText.paragraphs(question);
        }

        /** States and ids only: the texts are personal data and must go with the inquiry. */
        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", status);
            fields.put("forwardedTo", forwardedTo);
            fields.put("notesLength", notes == null ? 0 : notes.length());
            fields.put("answered", answeredAt != null);
            return fields;
        }
    }

    public record InquirySummary(long id, String company, Plan plan, InquiryStatus status, String office,
                                 ZonedDateTime createdAt, boolean example) {
    }

    /** @param office the office it was forwarded to, null if none */
    public record EmployerView(String company, Plan plan, InquiryStatus status, String office, String answer,
                               ZonedDateTime answeredAt, ZonedDateTime createdAt, ZonedDateTime updatedAt) {

        public List<String> answerParagraphs() {
            return PlainText.paragraphs(answer);
        }
    }
}
