package de.stadtportal.account.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

@Entity
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    private String passwordHash;

    private boolean emailVerified;

    private boolean enabled = true;

    private Instant createdAt = Instant.now();

    private Instant lastLoginAt;

    /** When the account confirmed its second factor and saved recovery codes; null: not (or no longer) enrolled. */
    private Instant secondFactorEnrolledAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Account() {
    }

    Account(String email, Set<Role> roles) {
        this.email = email;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    /** Can log in: verified, not deactivated, and a password chosen. */
    public boolean canLogIn() {
        return enabled && emailVerified && passwordHash != null;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void markVerified() {
        this.emailVerified = true;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setEmail(String email) {
        this.email = email;
    }

    void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public boolean isSecondFactorEnrolled() {
        return secondFactorEnrolledAt != null;
    }

    void secondFactorEnrolled(Instant at) {
        this.secondFactorEnrolledAt = at;
    }

    void loggedIn(Instant at) {
        this.lastLoginAt = at;
    }
}
