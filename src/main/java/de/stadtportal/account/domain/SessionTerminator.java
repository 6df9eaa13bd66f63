package de.stadtportal.account.domain;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account whose rights shrink: a deactivated or deleted account, or one
 * that lost a role, must not keep working with what its session remembers; nor may a session
 * survive a new password (whoever knew the old one may be logged in somewhere).
 */
@Component
class SessionTerminator {

    private final FindByIndexNameSessionRepository<?> sessions;

    SessionTerminator(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    void endAllSessionsOf(String email) {
        endOtherSessionsOf(email, null);
    }

    /** After a password change: every session but the one that made it (ASVS 7.4.3). */
    void endOtherSessionsOf(String email, String keptSessionId) {
        sessions.findByPrincipalName(email).keySet().stream().filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }
}
