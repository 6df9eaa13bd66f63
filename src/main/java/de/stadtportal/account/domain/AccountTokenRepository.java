package de.stadtportal.account.domain;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    /** Locked, so that two clicks on one link cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from AccountToken t where t.tokenHash = :hash")
    Optional<AccountToken> findForUse(String hash);

    /** Ends the unused links of one purpose: only the newest reset link works (ASVS 7.4). */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update AccountToken t set t.usedAt = :now where t.account = :account and t.purpose = :purpose and t.usedAt is null")
    int useUp(Account account, AccountToken.Purpose purpose, Instant now);
}
