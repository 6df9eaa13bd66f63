package de.stadtportal.platform;

import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The names of the authorities behind the staff's second factor (ASVS L2), shared by the security
 * configuration (which routes need them) and the account module (which grants them).
 * Spring Security grants {@link FactorGrantedAuthority#PASSWORD_AUTHORITY} at the password and
 * {@link FactorGrantedAuthority#OTT_AUTHORITY} at the mailed one-time code.
 */
public final class StaffFactors {

    /** The factor a used recovery code grants, instead of the mailed code. */
    public static final String RECOVERY_CODE_AUTHORITY = "FACTOR_RECOVERY_CODE";

    /**
     * Held by an account that has confirmed its second factor and saved recovery codes. Staff
     * routes require it, so the first staff login (and the first after an ADMIN's reset) enrols.
     */
    public static final String ENROLLED_AUTHORITY = "SECOND_FACTOR_ENROLLED";

    /** The page that asks for the second factor (the one-time-token login page). */
    public static final String SECOND_FACTOR_PAGE = "/konto/zweiter-faktor";

    /** The page that enrols: shows new recovery codes once and confirms the enrolment. */
    public static final String ENROLMENT_PAGE = "/konto/zweiter-faktor/einrichten";

    private StaffFactors() {
    }
}
