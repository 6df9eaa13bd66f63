package de.stadtportal.account.domain;

import de.stadtportal.platform.Tokens;
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
                .roles(account.getRoles().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }
}
