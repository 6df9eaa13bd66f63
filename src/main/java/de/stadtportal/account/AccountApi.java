package de.stadtportal.account;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.account.domain.AccountService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may do with accounts. */
@Service
@Transactional
public class AccountApi {

    private final AccountService accounts;

    AccountApi(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * Creates a BUSINESS account and mails the confirmation link, in the caller's transaction.
     *
     * @return the new account's id; empty when the address was registered already (its owner got a mail instead)
     * @throws AccountException when the password breaks the password rules (field "password")
     */
    public Optional<Long> signUpBusiness(String email, String password) {
        return accounts.signUp(email, password);
    }

    /**
     * Creates a BUSINESS account for an address the caller has proven (a link mailed to it was followed).
     *
     * @return the new account's id; empty when the address is registered already
     * @throws AccountException when the password breaks the password rules (field "password")
     */
    public Optional<Long> createVerifiedBusiness(String email, String password) {
        return accounts.createVerifiedBusiness(email, password);
    }

    @Transactional(readOnly = true)
    public Optional<Long> idOf(String email) {
        return accounts.findByEmail(email).map(AccountService.AccountView::id);
    }

    @Transactional(readOnly = true)
    public Optional<String> emailOf(long accountId) {
        return accounts.find(accountId).map(AccountService.AccountView::email);
    }

    /**
     * The e-mail addresses of many accounts in one query (for lists: never call {@link #emailOf} per row).
     * Unknown ids are missing from the map.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> emailsOf(Collection<Long> accountIds) {
        return accounts.emailsOf(accountIds);
    }

    /** Those of these accounts whose e-mail address is not confirmed yet (one query for a whole list). */
    @Transactional(readOnly = true)
    public java.util.Set<Long> unverifiedAmong(Collection<Long> accountIds) {
        return accounts.unverifiedAmong(accountIds);
    }
}
