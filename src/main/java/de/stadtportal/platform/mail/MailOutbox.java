package de.stadtportal.platform.mail;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import de.stadtportal.platform.PlatformConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's only way to send mail. {@link #queue} joins the caller's transaction, so a mail
 * exists exactly when the change that caused it was committed; {@link MailSender} delivers it.
 */
@Service
@Transactional
public class MailOutbox {

    static final int MAX_SUBJECT = 300;
    /** Everything but the attachment's bytes, which only the sender and the download need. */
    private static final String COLUMNS =
            "id, recipient, subject, body, created_at, attempts, next_attempt_at, sent_at, last_error, attachment_name";

    private final JdbcTemplate jdbc;

    MailOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void queue(String recipient, String subject, String body) {
        queue(recipient, subject, body, null);
    }

    /** A mail with one attachment (null: none), stored with the mail and sent with it. */
    public void queue(String recipient, String subject, String body, Attachment attachment) {
        String oneLineSubject = subject.replaceAll("[\\r\\n]+", " ");
        jdbc.update("""
                INSERT INTO outbox_mail (recipient, subject, body, attachment_name, attachment_type, attachment)
                VALUES (?, ?, ?, ?, ?, ?)""",
                recipient, oneLineSubject.length() > MAX_SUBJECT ? oneLineSubject.substring(0, MAX_SUBJECT) : oneLineSubject,
                body, attachment == null ? null : attachment.name(), attachment == null ? null : attachment.contentType(),
                attachment == null ? null : attachment.content());
    }

    /** The attachment of a mail, for staff who check what was sent. */
    @Transactional(readOnly = true)
    public Optional<Attachment> attachment(long mailId) {
        return jdbc.query("SELECT attachment_name, attachment_type, attachment FROM outbox_mail WHERE id = ? AND attachment IS NOT NULL",
                (rs, i) -> new Attachment(rs.getString("attachment_name"), rs.getString("attachment_type"),
                        rs.getBytes("attachment")), mailId).stream().findFirst();
    }

    /** @param name the file name the recipient sees, e.g. "veranstaltung.ics" */
    public record Attachment(String name, String contentType, byte[] content) {
    }

    /** What the staff dashboard shows of the outbox. */
    @Transactional(readOnly = true)
    public OutboxSummary summary() {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE sent_at IS NULL) AS waiting,
                       count(*) FILTER (WHERE sent_at IS NULL AND attempts > 0) AS failing,
                       count(*) FILTER (WHERE sent_at > now() - interval '24 hours') AS sent_today
                FROM outbox_mail""",
                (rs, i) -> new OutboxSummary(rs.getLong("waiting"), rs.getLong("failing"), rs.getLong("sent_today")));
    }

    @Transactional(readOnly = true)
    public List<OutboxMail> page(int page, int size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_mail ORDER BY id DESC LIMIT ? OFFSET ?", MAIL, size, (long) page * size);
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_mail", Long.class);
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMail> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_mail WHERE id = ?", MAIL, id).stream().findFirst();
    }

    public record OutboxSummary(long waiting, long failing, long sentToday) {
    }

    public record OutboxMail(long id, String recipient, String subject, String body, ZonedDateTime createdAt,
                             int attempts, ZonedDateTime nextAttemptAt, ZonedDateTime sentAt, String lastError,
                             String attachmentName) {

        public boolean sent() {
            return sentAt != null;
        }
    }

    private static final RowMapper<OutboxMail> MAIL = (rs, i) -> new OutboxMail(
            rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
            PlatformConfiguration.cityTime(rs, "created_at"), rs.getInt("attempts"),
            PlatformConfiguration.cityTime(rs, "next_attempt_at"), PlatformConfiguration.cityTime(rs, "sent_at"),
            rs.getString("last_error"), rs.getString("attachment_name"));
}
