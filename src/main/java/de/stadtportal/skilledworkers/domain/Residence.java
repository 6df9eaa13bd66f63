package de.stadtportal.skilledworkers.domain;

/** The person's residence situation as the employer knows it; UNKNOWN is a valid answer ("weiß ich nicht"). */
public enum Residence {
    ASYLUM_PENDING, TOLERATED, RESIDENCE_PERMIT, TEMPORARY_PROTECTION, OTHER, UNKNOWN
}
