package de.stadtportal.account.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("select count(a) > 0 from Account a join a.roles r where r = :role")
    boolean existsWithRole(Role role);

    @Query("select distinct a from Account a join a.roles r where r in :roles order by a.email")
    List<Account> findWithAnyRole(List<Role> roles);
}
