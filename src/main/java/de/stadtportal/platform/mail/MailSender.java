package de.stadtportal.platform.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;

import de.stadtportal.platform.PortalProperties;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due mails over SMTP. Several portal instances may run this job: a PostgreSQL advisory
 * lock lets one of them send at a time, and rows are locked while they are sent, so no mail goes
 * out twice. A failed mail is retried with exponential backoff (1, 2, 4 … minutes, at most 6 hours).
 */
@Component
class MailSender {

    static final long LOCK_KEY = 0x5354_4144_4d41_494cL; // "STADMAIL"
    static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> smtp;
    private final PortalProperties properties;

    MailSender(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectProvider<JavaMailSender> smtp,
               PortalProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.smtp = smtp;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${portal.mail.send-interval:10s}", initialDelayString = "${portal.mail.send-interval:10s}")
    void sendScheduled() {
        if (properties.mail() == null || properties.mail().schedulerEnabled()) {
            sendDue();
        }
    }

    /**
     * Works through all due mails, a batch per transaction: delivered ones are marked sent, failed
     * ones are moved to their next attempt, so the loop ends.
     *
     * @return how many mails were delivered; 0 when no SMTP server is configured
     */
    int sendDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int delivered = 0;
        Batch batch;
        do {
            batch = sendBatch(sender);
            delivered += batch.delivered();
        } while (batch.size() == BATCH);
        return delivered;
    }

    private Batch sendBatch(JavaMailSender sender) {
        Batch result = transaction.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                // another instance is sending right now
                return new Batch(0, 0);
            }
            List<Due> due = jdbc.query("""
                    SELECT id, recipient, subject, body, attempts, attachment_name, attachment_type, attachment FROM outbox_mail
                    WHERE sent_at IS NULL AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Due(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body"), rs.getInt("attempts"), rs.getString("attachment_name"),
                            rs.getString("attachment_type"), rs.getBytes("attachment")), BATCH);
            int delivered = 0;
            for (Due mail : due) {
                try {
                    sender.send(message(sender, mail));
                    jdbc.update("UPDATE outbox_mail SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ?",
                            mail.id());
                    delivered++;
                } catch (Exception e) {
                    long backoffMinutes = Math.min(1L << Math.min(mail.attempts(), 20), 360);
                    String error = String.valueOf(e.getMessage());
                    jdbc.update("""
                            UPDATE outbox_mail SET attempts = attempts + 1, last_error = ?,
                                   next_attempt_at = now() + make_interval(mins => ?)
                            WHERE id = ?""", error.length() > 1000 ? error.substring(0, 1000) : error,
                            (int) backoffMinutes, mail.id());
                    log.warn("Mail {} to {} not sent (attempt {}): {}", mail.id(), mail.recipient(), mail.attempts() + 1, error);
                }
            }
            return new Batch(due.size(), delivered);
        });
        return result == null ? new Batch(0, 0) : result;
    }

    private record Batch(int size, int delivered) {
    }

    private MimeMessage message(JavaMailSender sender, Due mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        // plain text, and with an attachment a flat multipart/mixed that every mail client reads
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.attachment() == null
                ? MimeMessageHelper.MULTIPART_MODE_NO : MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mail().from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        if (mail.attachment() != null) {
            helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()), mail.attachmentType());
        }
        return message;
    }

    private record Due(long id, String recipient, String subject, String body, int attempts, String attachmentName,
                       String attachmentType, byte[] attachment) {
    }
}
