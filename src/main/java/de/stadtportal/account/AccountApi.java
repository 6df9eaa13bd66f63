package de.stadtportal.account;

import java.security.Principal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What other features may do with accounts. Implemented inside the module (domain/AccountApiService): this
 * package depends on nothing inside it, so the module has no package cycle.
 */
public interface AccountApi {

    /**
     * Creates a BUSINESS account and mails the confirmation link, in the caller's transaction.
     *
     * @return the new account's id; empty when the address was registered already (its owner got a mail instead)
     * @throws AccountException when the password breaks the password rules (field "password")
     */
    Optional<Long> signUpBusiness(String email, String password);

    /**
     * Creates a BUSINESS account for an address the caller has proven (a link mailed to it was followed).
     *
     * @return the new account's id; empty when the address is registered already
     * @throws AccountException when the password breaks the password rules (field "password")
     */
    Optional<Long> createVerifiedBusiness(String email, String password);

    Optional<Long> idOf(String email);

    /**
     * The account of the logged-in user, for the /konto pages of every feature. A login whose account is
     * gone (deleted in another session) gets a 403 rather than someone else's or no data.
     */
    default long idOf(Principal principal) {
        return (principal == null ? Optional.<Long>empty() : idOf(principal.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    Optional<String> emailOf(long accountId);

    /**
     * The e-mail addresses of many accounts in one query (for lists: never call {@link #emailOf} per row).
     * Unknown ids are missing from the map.
     */
    Map<Long, String> emailsOf(Collection<Long> accountIds);

    /** Those of these accounts whose e-mail address is not confirmed yet (one query for a whole list). */
    Set<Long> unverifiedAmong(Collection<Long> accountIds);
}
