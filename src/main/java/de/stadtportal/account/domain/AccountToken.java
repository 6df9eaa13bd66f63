package de.stadtportal.account.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A single-use, expiring link sent by e-mail; only the token's hash is stored. */
@Entity
public class AccountToken {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD, CHANGE_EMAIL, INVITATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private String tokenHash;

    private String newEmail;

    private Instant createdAt = Instant.now();

    private Instant expiresAt;

    private Instant usedAt;

    protected AccountToken() {
    }

    AccountToken(Account account, Purpose purpose, String tokenHash, Instant expiresAt, String newEmail) {
        this.account = account;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.newEmail = newEmail;
    }

    Account getAccount() {
        return account;
    }

    Purpose getPurpose() {
        return purpose;
    }

    String getNewEmail() {
        return newEmail;
    }

    boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}
