package de.stadtportal.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import de.stadtportal.PortalTest;
import de.stadtportal.platform.PortalProperties;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail) on loopback, including an outage. */
@PortalTest
class MailOutboxTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PortalProperties properties;

    int port;
    GreenMail smtp;
    MailSender sender;
    final List<String> recipients = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl client = new JavaMailSenderImpl();
        client.setHost("127.0.0.1");
        client.setPort(port);
        client.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("smtp", client));
        sender = new MailSender(jdbc, transaction, beans.getBeanProvider(JavaMailSender.class), properties);
    }

    @AfterEach
    void tearDown() {
        if (smtp != null) {
            smtp.stop();
        }
        recipients.forEach(r -> jdbc.update("DELETE FROM outbox_mail WHERE recipient = ?", r));
    }

    @Test
    void queuedMailIsDeliveredOnceWithUmlautsAndMarkedSent() throws Exception {
        startSmtp();
        String to = recipient();
        outbox.queue(to, "Grüße aus Bottrop", "Schöne Grüße vom Tetraeder – äöüß");

        assertThat(sendAll()).isPositive();
        assertThat(sendAll()).isZero();

        List<MimeMessage> received = receivedFor(to);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Grüße aus Bottrop");
        assertThat(GreenMailUtil.getBody(received.get(0))).isNotBlank();
        assertThat(received.get(0).getContent().toString()).contains("äöüß");
        assertThat(jdbc.queryForObject("SELECT sent_at IS NOT NULL FROM outbox_mail WHERE recipient = ?", Boolean.class, to))
                .isTrue();
    }

    @Test
    void anAttachmentIsDeliveredWithTheMailAndStaffCanDownloadIt() throws Exception {
        startSmtp();
        String to = recipient();
        byte[] calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outbox.queue(to, "Ihr Termin", "Der Termin hängt an.",
                new MailOutbox.Attachment("termin.ics", "text/calendar; charset=UTF-8", calendar));

        assertThat(sendAll()).isPositive();
        MimeMessage received = receivedFor(to).get(0);
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("Der Termin hängt an.");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("termin.ics");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/calendar");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(calendar);

        long id = jdbc.queryForObject("SELECT id FROM outbox_mail WHERE recipient = ?", Long.class, to);
        assertThat(outbox.find(id).orElseThrow().attachmentName()).isEqualTo("termin.ics");
        assertThat(outbox.attachment(id)).hasValueSatisfying(a -> assertThat(a.content()).isEqualTo(calendar));
    }

    @Test
    void smtpOutageKeepsTheMailAndRetriesWithBackoffUntilItIsDeliveredExactlyOnce() throws Exception {
        String to = recipient();
        outbox.queue(to, "Während der Störung", "Diese E-Mail darf nicht verloren gehen.");

        sendAll(); // no server listening
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT attempts, sent_at, last_error, next_attempt_at > now() AS later FROM outbox_mail WHERE recipient = ?", to);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("sent_at")).isNull();
        assertThat(row.get("last_error")).isNotNull();
        assertThat(row.get("later")).isEqualTo(true);
        assertThat(outbox.summary().failing()).isPositive();

        startSmtp();
        sendAll();
        assertThat(receivedFor(to)).as("not before its next attempt").isEmpty();

        jdbc.update("UPDATE outbox_mail SET next_attempt_at = now() WHERE recipient = ?", to);
        sendAll();
        sendAll();
        assertThat(receivedFor(to)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM outbox_mail WHERE recipient = ?", Integer.class, to)).isEqualTo(2);
    }

    @Test
    void twoSendersAtOnceNeverDeliverAMailTwice() throws Exception {
        startSmtp();
        String prefix = "parallel-" + UUID.randomUUID();
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String to = prefix + "-" + i + "@test.example";
            recipients.add(to);
            batch.add(to);
            outbox.queue(to, "Parallel " + i, "Text " + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(this::sendAll));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        sendAll();
        long delivered = 0;
        for (String to : batch) {
            assertThat(receivedFor(to)).as(to).hasSize(1);
            delivered++;
        }
        assertThat(delivered).isEqualTo(30);
    }

    /** Sends until nothing more is due (the batch size is limited). */
    private int sendAll() {
        int total = 0;
        for (int round = 0; round < 100; round++) {
            int sent = sender.sendDue();
            total += sent;
            if (sent == 0) {
                return total;
            }
        }
        return total;
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private List<MimeMessage> receivedFor(String to) throws Exception {
        List<MimeMessage> result = new ArrayList<>();
        if (smtp == null) {
            return result;
        }
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(to)) {
                result.add(message);
            }
        }
        return result;
    }

    private String recipient() {
        String to = "outbox-" + UUID.randomUUID() + "@test.example";
        recipients.add(to);
        return to;
    }
}
