package de.stadtportal.account.domain;

import java.util.ArrayList;
import java.util.List;

import de.stadtportal.platform.StaffFactors;
import de.stadtportal.platform.Tokens;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spring Security reads accounts from here; unverified or deactivated accounts cannot log in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByEmail(AccountService.normalizeEmail(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return User.withUsername(account.getEmail())
                // an account without password gets an impossible hash, so the check still costs time
                .password(account.getPasswordHash() == null ? "{noop}" + Tokens.newToken() : account.getPasswordHash())
                .disabled(!account.canLogIn())
                .authorities(authorities(account))
                .build();
    }

    /** The roles, and the mark of an enrolled second factor, which staff routes require (StaffFactors). */
    private static List<GrantedAuthority> authorities(Account account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        account.getRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        if (account.isSecondFactorEnrolled()) {
            authorities.add(new SimpleGrantedAuthority(StaffFactors.ENROLLED_AUTHORITY));
        }
        return authorities;
    }
}
