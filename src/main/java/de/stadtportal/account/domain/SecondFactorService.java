package de.stadtportal.account.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.account.AccountException;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.Tokens;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The second factor of staff: the mailed one-time code (made and checked by Spring Security's
 * one-time-token login), recovery codes for when the mailbox is out of reach, enrolment, and the
 * ADMIN's reset. Every change goes to the audit log and the security log; no code is ever logged.
 */
@Service
@Transactional
public class SecondFactorService {

    /** How many recovery codes an enrolment shows. */
    public static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no look-alikes (0/o, 1/l/i)
    private static final String ENTITY = "Konto";
    private static final Logger log = LoggerFactory.getLogger("de.stadtportal.security");

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;
    private final SessionTerminator sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactorService(AccountRepository accounts, JdbcClient jdbc, MailOutbox mailOutbox, AuditLog auditLog,
                        MessageSource messages, PortalProperties properties, SessionTerminator sessions, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Staff (EDITOR, ADMIN, SUPPORT_POINT) need the second factor; businesses do not. */
    @Transactional(readOnly = true)
    public boolean needsSecondFactor(String email) {
        return accounts.findByEmail(AccountService.normalizeEmail(email))
                .filter(a -> a.canLogIn() && a.getRoles().stream().anyMatch(Role::isStaff)).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean isEnrolled(String email) {
        return accounts.findByEmail(AccountService.normalizeEmail(email)).filter(Account::isSecondFactorEnrolled).isPresent();
    }

    /** The mailed code, with a link that fills it in (the code is only used when the form is sent: mail scanners open links). */
    public void mailCode(String email, String code) {
        Account account = require(email);
        Locale locale = LocaleContextHolder.getLocale();
        String link = UriComponentsBuilder.fromUriString(properties.baseUrl()).path("/konto/zweiter-faktor/code")
                .queryParam("token", code).build().toUriString();
        mailOutbox.queue(account.getEmail(), messages.getMessage("account.mail.secondFactor.subject", null, locale),
                messages.getMessage("account.mail.secondFactor.body", new Object[] {code, link}, locale));
        log.info("Second factor: code mailed for account #{}", account.getId());
    }

    /**
     * New recovery codes for an account that is enrolling: the unused ones of an earlier attempt are
     * replaced. Only their hashes are stored; the caller shows the codes once.
     */
    public List<String> newRecoveryCodes(String email) {
        Account account = require(email);
        jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(account.getId()).update();
        List<String> codes = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = newCode();
            codes.add(code);
            jdbc.sql("INSERT INTO account_recovery_code (account_id, code_hash, created_at) VALUES (?, ?, ?)")
                    .params(account.getId(), Tokens.hash(normalize(code)), Timestamp.from(now)).update();
        }
        return codes;
    }

    /** The account has confirmed a mailed code and saved its recovery codes. */
    public void confirmEnrolment(String email) {
        Account account = require(email);
        if (account.isSecondFactorEnrolled()) {
            return;
        }
        account.secondFactorEnrolled(clock.instant());
        auditLog.record(ENTITY, account.getId(), "SECOND_FACTOR_ENROLLED", Map.of(), Map.of("email", account.getEmail()));
        log.info("Second factor enrolled: account #{}", account.getId());
    }

    /**
     * Uses one recovery code of the account instead of the mailed code.
     *
     * @return true when the code was an unused one of this account; it is used up now
     */
    public boolean useRecoveryCode(String email, String code) {
        Account account = require(email);
        if (code == null || !account.isSecondFactorEnrolled()) {
            return false;
        }
        // one statement, so two requests with the same code cannot both succeed
        int used = jdbc.sql("""
                        UPDATE account_recovery_code SET used_at = ?
                        WHERE account_id = ? AND code_hash = ? AND used_at IS NULL""")
                .params(Timestamp.from(clock.instant()), account.getId(), Tokens.hash(normalize(code))).update();
        if (used == 0) {
            log.warn("Second factor failed: wrong or used recovery code, account #{}", account.getId());
            return false;
        }
        int left = remainingRecoveryCodes(account.getEmail());
        auditLog.record(ENTITY, account.getId(), "RECOVERY_CODE_USED", Map.of(), Map.of("remaining", left));
        log.info("Second factor confirmed with a recovery code: account #{}, {} left", account.getId(), left);
        return true;
    }

    @Transactional(readOnly = true)
    public int remainingRecoveryCodes(String email) {
        Account account = require(email);
        return jdbc.sql("SELECT count(*) FROM account_recovery_code WHERE account_id = ? AND used_at IS NULL")
                .param(account.getId()).query(Integer.class).single();
    }

    /**
     * An ADMIN resets a colleague's second factor (lost mailbox or recovery codes): the codes are
     * gone, the next login enrols again, and the colleague's sessions end.
     */
    public void reset(long id, String actingEmail) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountException(null, "account.notFound"));
        Map<String, Object> before = Map.of("secondFactorEnrolled", account.isSecondFactorEnrolled());
        jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(account.getId()).update();
        account.secondFactorEnrolled(null);
        sessions.endAllSessionsOf(account.getEmail());
        auditLog.record(ENTITY, account.getId(), "SECOND_FACTOR_RESET", before, Map.of("secondFactorEnrolled", false));
        log.info("Second factor reset: account #{} by account {}", account.getId(),
                accounts.findByEmail(AccountService.normalizeEmail(actingEmail)).map(a -> "#" + a.getId()).orElse("(unknown)"));
    }

    /** How the security log names an account: its number, never the address. */
    @Transactional(readOnly = true)
    public String accountNumber(String email) {
        return accounts.findByEmail(AccountService.normalizeEmail(email)).map(a -> "#" + a.getId()).orElse("(unknown)");
    }

    /** Input as typed: case, spaces and dashes do not matter. */
    static String normalize(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /** Ten characters from 31 (about 50 bits), shown as two groups of five. */
    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private Account require(String email) {
        return accounts.findByEmail(AccountService.normalizeEmail(email))
                .orElseThrow(() -> new AccountException(null, "account.notFound"));
    }
}
