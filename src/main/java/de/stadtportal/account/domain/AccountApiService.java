package de.stadtportal.account.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.stadtportal.account.AccountApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account module's face to other features ({@link AccountApi}), over {@link AccountService}. */
@Service
@Transactional
class AccountApiService implements AccountApi {

    private final AccountService accounts;

    AccountApiService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Long> signUpBusiness(String email, String password) {
        return accounts.signUp(email, password);
    }

    @Override
    public Optional<Long> createVerifiedBusiness(String email, String password) {
        return accounts.createVerifiedBusiness(email, password);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String email) {
        return accounts.findByEmail(email).map(AccountService.AccountView::id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> emailOf(long accountId) {
        return accounts.find(accountId).map(AccountService.AccountView::email);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> emailsOf(Collection<Long> accountIds) {
        return accounts.emailsOf(accountIds);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> unverifiedAmong(Collection<Long> accountIds) {
        return accounts.unverifiedAmong(accountIds);
    }
}
