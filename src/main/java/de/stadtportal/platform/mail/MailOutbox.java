package de.stadtportal.platform.mail;

import org.springframework.stereotype.Service;

/** Placeholder until the outbox branch is merged. */
@Service
public class MailOutbox {

    public void queue(String recipient, String subject, String body) {
    }
}
