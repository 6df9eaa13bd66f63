package de.stadtportal.platform;

import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is logged in, as far as pages and the audit log need to know. */
public record CurrentUser(String email, Set<String> roles) {

    public static final String BUSINESS = "BUSINESS";
    public static final String EDITOR = "EDITOR";
    public static final String ADMIN = "ADMIN";
    public static final String SUPPORT_POINT = "SUPPORT_POINT";

    /** The logged-in user, or null for anonymous visitors. */
    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Set<String> roles = new java.util.TreeSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        }
        return new CurrentUser(authentication.getName(), Set.copyOf(roles));
    }

    public boolean isStaff() {
        return roles.contains(EDITOR) || roles.contains(ADMIN);
    }

    /** Reads employers' inquiries about skilled workers (the Lotsenstelle); ADMIN may too. */
    public boolean isSupportPoint() {
        return roles.contains(SUPPORT_POINT) || roles.contains(ADMIN);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
