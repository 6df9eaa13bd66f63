package de.stadtportal.account.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    /** Locked, so that two clicks on one link cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from AccountToken t where t.tokenHash = :hash")
    Optional<AccountToken> findForUse(String hash);
}
