package de.stadtportal.account.domain;

import de.stadtportal.platform.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import de.stadtportal.account.AccountException;
import de.stadtportal.account.domain.AccountToken.Purpose;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.RateLimiter;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everything that changes an account. Mails are written to the outbox in the same transaction
 * as the change, so that no confirmation link is lost and none is sent for a change that failed.
 * <p>Over 300 lines on purpose: every use case here (sign-up, reset, e-mail change, invitation, roles) issues
 * single-use tokens, mails in the same transaction and writes the audit entry through the same few helpers and
 * the one per-recipient mail limit; split apart, those would have to become shared public API of the package.
 */
@Service
@Transactional
public class AccountService {

    static final Duration VERIFY_VALIDITY = Duration.ofHours(48);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    /** Mails anyone can trigger for an address (sign-up of a registered address, reset link): so many per hour. */
    static final int MAILS_PER_RECIPIENT_AND_HOUR = 3;
    private static final String ENTITY = "Konto";
    private static final Logger log = LoggerFactory.getLogger("de.stadtportal.security");

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;
    private final SessionTerminator sessions;
    private final Clock clock;
    private final RateLimiter mailsPerRecipient = new RateLimiter(MAILS_PER_RECIPIENT_AND_HOUR, Duration.ofHours(1));

    AccountService(AccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwordEncoder,
                   PasswordPolicy passwordPolicy, MailOutbox mailOutbox, AuditLog auditLog, MessageSource messages,
                   PortalProperties properties, SessionTerminator sessions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
        this.sessions = sessions;
        this.clock = clock;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A business signs up. An address that is already registered gets a mail saying so instead
     * of a new account, and the page answers the same: nobody learns which addresses exist.
     *
     * @return the new account's id; empty when the address was registered already
     */
    public Optional<Long> signUp(String rawEmail, String password) {
        String email = normalizeEmail(rawEmail);
        // without a password (the short sign-up of /mitmachen) the owner sets it when confirming the address
        String hash = null;
        if (password != null) {
            checkPassword(password, email);
            // hashed on both paths: otherwise a registered address answers in a fraction of the time (ASVS 6.3.x)
            hash = passwordEncoder.encode(password);
        }
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            limitedMail(email, "account.mail.alreadyRegistered", link("/konto/passwort-vergessen", null));
            return Optional.empty();
        }
        Account account = accounts.save(new Account(email, EnumSet.of(Role.BUSINESS)));
        if (hash != null) {
            account.setPasswordHash(hash);
        }
        auditLog.record(ENTITY, account.getId(), "CREATED", Map.of(), view(account));
        sendVerification(account);
        return Optional.of(account.getId());
    }

    /** Confirms the e-mail address of a new account. */
    public void verify(String token) {
        AccountToken used = use(token, Purpose.VERIFY_EMAIL);
        Account account = used.getAccount();
        Map<String, Object> before = view(account);
        account.markVerified();
        auditLog.record(ENTITY, account.getId(), "VERIFIED", before, view(account));
    }

    /** Sends a reset link if the address belongs to an account; answers the same either way. */
    public void requestPasswordReset(String rawEmail) {
        accounts.findByEmail(normalizeEmail(rawEmail)).filter(Account::isEnabled).ifPresent(account -> {
            if (!mailsPerRecipient.tryAcquire(account.getEmail())) {
                log.info("Reset mail not sent, too many for account #{} this hour", account.getId());
                return;
            }
            // one reset link at a time: a newer one ends the older ones
            tokens.useUp(account, Purpose.RESET_PASSWORD, clock.instant());
            String token = issue(account, Purpose.RESET_PASSWORD, RESET_VALIDITY, null);
            mail(account.getEmail(), "account.mail.reset", link("/konto/passwort-neu", token));
        });
    }

    /** A confirmation link of an account that signed up without a password: the password is set with it. */
    public boolean needsPassword(String token) {
        return token != null && tokens.findForUse(Tokens.hash(token))
                .filter(t -> t.getPurpose() == Purpose.VERIFY_EMAIL && t.isUsable(clock.instant()))
                .map(t -> t.getAccount().getPasswordHash() == null).orElse(false);
    }

    public boolean isUsable(String token, Purpose purpose) {
        return token != null && tokens.findForUse(Tokens.hash(token))
                .filter(t -> t.getPurpose() == purpose && t.isUsable(clock.instant())).isPresent();
    }

    /**
     * Sets a new password through a reset link, an invitation link for new staff, or the confirmation link
     * of a business that signed up without a password.
     */
    public void setPasswordWithToken(String token, Purpose purpose, String password) {
        if (purpose != Purpose.RESET_PASSWORD && purpose != Purpose.INVITATION && purpose != Purpose.VERIFY_EMAIL) {
            throw new IllegalArgumentException(purpose.name());
        }
        Account account = use(token, purpose).getAccount();
        // a refused password rolls the transaction back, so the link stays usable for the next try
        checkPassword(password, account.getEmail());
        Map<String, Object> before = view(account);
        account.setPasswordHash(passwordEncoder.encode(password));
        // whoever can read the mailbox owns the address
        account.markVerified();
        String action = switch (purpose) {
            case INVITATION -> "INVITATION_ACCEPTED";
            case VERIFY_EMAIL -> "VERIFIED";
            default -> "PASSWORD_RESET";
        };
        auditLog.record(ENTITY, account.getId(), action, before, view(account));
        tokens.useUp(account, Purpose.RESET_PASSWORD, clock.instant());
        sessions.endAllSessionsOf(account.getEmail());
        log.info("Password set through a {} link: account #{}; its sessions ended", purpose, account.getId());
    }

    /** @param currentSessionId the session that changes the password: it stays, every other session of the account ends */
    public void changePassword(String email, String currentPassword, String newPassword, String currentSessionId) {
        Account account = require(email);
        checkCurrentPassword(account, currentPassword);
        checkPassword(newPassword, account.getEmail());
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        auditLog.record(ENTITY, account.getId(), "PASSWORD_CHANGED", Map.of(), Map.of());
        sessions.endOtherSessionsOf(account.getEmail(), currentSessionId);
        log.info("Password changed: account #{}; its other sessions ended", account.getId());
        mail(account.getEmail(), "account.mail.passwordChanged", link("/konto/passwort-vergessen", null));
    }

    /** Sends a confirmation link to the new address; the change happens when it is used. */
    public void requestEmailChange(String email, String currentPassword, String rawNewEmail) {
        Account account = require(email);
        checkCurrentPassword(account, currentPassword);
        String newEmail = normalizeEmail(rawNewEmail);
        if (newEmail.equals(account.getEmail())) {
            throw new AccountException("newEmail", "account.email.unchanged");
        }
        if (accounts.existsByEmail(newEmail)) {
            // no new account can be taken over, and the answer tells nothing about others
            mail(newEmail, "account.mail.alreadyRegistered", link("/konto/passwort-vergessen", null));
            return;
        }
        String token = issue(account, Purpose.CHANGE_EMAIL, VERIFY_VALIDITY, newEmail);
        mail(newEmail, "account.mail.changeEmail", link("/konto/email-bestaetigen", token));
    }

    /** @return the new address */
    public String confirmEmailChange(String token) {
        AccountToken used = use(token, Purpose.CHANGE_EMAIL);
        Account account = used.getAccount();
        if (accounts.existsByEmail(used.getNewEmail())) {
            throw new AccountException(null, "account.email.taken");
        }
        Map<String, Object> before = view(account);
        String oldEmail = account.getEmail();
        account.setEmail(used.getNewEmail());
        auditLog.record(ENTITY, account.getId(), "EMAIL_CHANGED", before, view(account));
        mail(oldEmail, "account.mail.emailChanged", account.getEmail());
        return account.getEmail();
    }

    /** DSGVO: the account and its personal data go; content owned by the city stays. */
    public void delete(String email, String currentPassword) {
        Account account = require(email);
        checkCurrentPassword(account, currentPassword);
        if (account.getRoles().contains(Role.ADMIN) && countEnabledAdmins() <= 1) {
            throw new AccountException(null, "account.lastAdmin");
        }
        auditLog.record(ENTITY, account.getId(), "DELETED", view(account), Map.of());
        accounts.delete(account);
        sessions.endAllSessionsOf(account.getEmail());
    }

    // ---- staff accounts (ADMIN only; the web layer checks the role, this layer the rules) ----

    @Transactional(readOnly = true)
    public List<AccountView> staff() {
        return accounts.findWithAnyRole(List.of(Role.EDITOR, Role.ADMIN, Role.SUPPORT_POINT)).stream().map(AccountService::toView).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(long id) {
        return accounts.findById(id).map(AccountService::toView);
    }

    /** Those of these accounts whose e-mail address is not confirmed yet. */
    @Transactional(readOnly = true)
    public Set<Long> unverifiedAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return accounts.findAllById(Set.copyOf(ids)).stream().filter(account -> !account.isEmailVerified())
                .map(Account::getId).collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    public Map<Long, String> emailsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findAllById(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(Account::getId, Account::getEmail));
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> findByEmail(String email) {
        return accounts.findByEmail(normalizeEmail(email)).map(AccountService::toView);
    }

    /** Invites a colleague: the account exists at once, the password is chosen through the mailed link. */
    public void invite(String rawEmail, Role role) {
        if (!role.isStaff()) {
            throw new AccountException("role", "admin.invite.roleInvalid");
        }
        String email = normalizeEmail(rawEmail);
        Account account = accounts.findByEmail(email).orElse(null);
        Map<String, Object> before = account == null ? Map.of() : view(account);
        if (account == null) {
            account = accounts.save(new Account(email, EnumSet.of(role)));
        } else {
            Set<Role> roles = EnumSet.copyOf(account.getRoles().isEmpty() ? EnumSet.of(role) : account.getRoles());
            roles.add(role);
            account.setRoles(roles);
        }
        auditLog.record(ENTITY, account.getId(), "INVITED", before, view(account));
        if (account.getPasswordHash() == null) {
            String token = issue(account, Purpose.INVITATION, INVITATION_VALIDITY, null);
            mail(email, "account.mail.invitation", link("/konto/einladung", token));
        } else {
            mail(email, "account.mail.roleGranted", link("/konto/anmelden", null));
        }
    }

    public void changeRoles(long id, Set<Role> roles, String actingEmail) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountException(null, "account.notFound"));
        if (roles.isEmpty()) {
            throw new AccountException("roles", "admin.roles.empty");
        }
        boolean losesAdmin = account.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN);
        if (losesAdmin && countEnabledAdmins() <= 1) {
            throw new AccountException("roles", "account.lastAdmin");
        }
        if (losesAdmin && account.getEmail().equals(normalizeEmail(actingEmail))) {
            throw new AccountException("roles", "account.notSelf");
        }
        Map<String, Object> before = view(account);
        account.setRoles(roles);
        auditLog.record(ENTITY, account.getId(), "ROLES_CHANGED", before, view(account));
        sessions.endAllSessionsOf(account.getEmail());
    }

    public void setEnabled(long id, boolean enabled, String actingEmail) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountException(null, "account.notFound"));
        if (!enabled && account.getEmail().equals(normalizeEmail(actingEmail))) {
            throw new AccountException(null, "account.notSelf");
        }
        if (!enabled && account.getRoles().contains(Role.ADMIN) && countEnabledAdmins() <= 1) {
            throw new AccountException(null, "account.lastAdmin");
        }
        Map<String, Object> before = view(account);
        account.setEnabled(enabled);
        auditLog.record(ENTITY, account.getId(), enabled ? "ACTIVATED" : "DEACTIVATED", before, view(account));
        if (!enabled) {
            sessions.endAllSessionsOf(account.getEmail());
        }
    }

    /** The first staff account of an empty portal. */
    public boolean hasAdmin() {
        return accounts.existsWithRole(Role.ADMIN);
    }

    /**
     * A BUSINESS account whose address is proven already (the owner followed a link mailed to it,
     * e.g. a claim invitation), so no confirmation mail is needed.
     *
     * @return the new account's id; empty when the address is registered already
     */
    public Optional<Long> createVerifiedBusiness(String rawEmail, String password) {
        String email = normalizeEmail(rawEmail);
        checkPassword(password, email);
        if (accounts.findByEmail(email).isPresent()) {
            return Optional.empty();
        }
        Account account = accounts.save(new Account(email, EnumSet.of(Role.BUSINESS)));
        account.setPasswordHash(passwordEncoder.encode(password));
        account.markVerified();
        auditLog.record(ENTITY, account.getId(), "CREATED", Map.of(), view(account));
        return Optional.of(account.getId());
    }

    public void createVerifiedAdmin(String rawEmail, String password) {
        String email = normalizeEmail(rawEmail);
        checkPassword(password, email);
        Account account = accounts.findByEmail(email).orElseGet(() -> accounts.save(new Account(email, EnumSet.of(Role.ADMIN))));
        Set<Role> roles = EnumSet.of(Role.ADMIN);
        roles.addAll(account.getRoles());
        account.setRoles(roles);
        account.setPasswordHash(passwordEncoder.encode(password));
        account.markVerified();
        account.setEnabled(true);
        auditLog.record(ENTITY, account.getId(), "CREATED", Map.of(), view(account));
    }

    /** Tells an owner that someone keeps trying passwords on the account (LoginThrottle decides when). */
    public void warnAboutFailedLogins(String email) {
        accounts.findByEmail(normalizeEmail(email)).filter(Account::isEnabled).ifPresent(account ->
                mail(account.getEmail(), "account.mail.failedLogins", link("/konto/passwort-vergessen", null)));
    }

    public void recordLogin(String email) {
        accounts.findByEmail(normalizeEmail(email)).ifPresent(a -> a.loggedIn(clock.instant()));
    }

    // ---- helpers ----

    private void sendVerification(Account account) {
        String token = issue(account, Purpose.VERIFY_EMAIL, VERIFY_VALIDITY, null);
        mail(account.getEmail(), "account.mail.verify", link("/konto/bestaetigen", token));
    }

    private String issue(Account account, Purpose purpose, Duration validity, String newEmail) {
        String token = Tokens.newToken();
        tokens.save(new AccountToken(account, purpose, Tokens.hash(token), clock.instant().plus(validity), newEmail));
        return token;
    }

    private AccountToken use(String token, Purpose purpose) {
        AccountToken found = tokens.findForUse(Tokens.hash(token == null ? "" : token))
                .filter(t -> t.getPurpose() == purpose && t.isUsable(clock.instant()))
                .orElseThrow(() -> new AccountException(null, "account.token.invalid"));
        found.use(clock.instant());
        return found;
    }

    private void checkPassword(String password, String email) {
        passwordPolicy.violation(password, email).ifPresent(key -> {
            throw new AccountException("password", key);
        });
    }

    private void checkCurrentPassword(Account account, String currentPassword) {
        if (currentPassword == null || account.getPasswordHash() == null
                || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new AccountException("currentPassword", "account.password.currentWrong");
        }
    }

    private Account require(String email) {
        return accounts.findByEmail(normalizeEmail(email)).orElseThrow(() -> new AccountException(null, "account.notFound"));
    }

    private long countEnabledAdmins() {
        return accounts.findWithAnyRole(List.of(Role.ADMIN)).stream().filter(Account::isEnabled).count();
    }

    private String link(String path, String token) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(properties.baseUrl()).path(path);
        if (token != null) {
            builder.queryParam("token", token);
        }
        return builder.build().toUriString();
    }

    /** A mail anyone can make the portal send to this address: a mail bomb stops after a few. */
    private void limitedMail(String to, String key, String argument) {
        if (mailsPerRecipient.tryAcquire(to)) {
            mail(to, key, argument);
        } else {
            log.info("Mail {} not sent, too many to one recipient this hour", key);
        }
    }

    private void mail(String to, String key, String argument) {
        Locale locale = LocaleContextHolder.getLocale();
        mailOutbox.queue(to, messages.getMessage(key + ".subject", null, locale),
                messages.getMessage(key + ".body", new Object[] {argument}, locale));
    }

    /** What the audit log records of an account: never the password hash. */
    private static Map<String, Object> view(Account account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("email", account.getEmail());
        view.put("roles", account.getRoles().stream().map(Enum::name).sorted().toList().toString());
        view.put("emailVerified", account.isEmailVerified());
        view.put("enabled", account.isEnabled());
        return view;
    }

    private static AccountView toView(Account account) {
        return new AccountView(account.getId(), account.getEmail(), account.getRoles(), account.isEmailVerified(),
                account.isEnabled(), account.getPasswordHash() != null, account.getCreatedAt(), account.getLastLoginAt(),
                account.isSecondFactorEnrolled());
    }

    public record AccountView(long id, String email, Set<Role> roles, boolean emailVerified, boolean enabled,
                              boolean passwordSet, Instant createdAt, Instant lastLoginAt,
                              boolean secondFactorEnrolled) {
    }
}
