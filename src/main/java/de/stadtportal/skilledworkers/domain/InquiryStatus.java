package de.stadtportal.skilledworkers.domain;

/** Where an inquiry stands; FORWARDED always names the office, CLOSED starts the retention period. */
public enum InquiryStatus {
    NEW, IN_PROGRESS, FORWARDED, ANSWERED, CLOSED
}
