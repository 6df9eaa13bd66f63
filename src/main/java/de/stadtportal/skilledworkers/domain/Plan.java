package de.stadtportal.skilledworkers.domain;

/** What an employer plans with a refugee. */
public enum Plan {
    APPRENTICESHIP, JOB, INTERNSHIP
}
