package de.stadtportal.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start which address the links in mails use, so a wrong PORTAL_BASE_URL is seen at once. */
@Component
class BaseUrlAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(BaseUrlAnnouncement.class);

    private final PortalProperties properties;

    BaseUrlAnnouncement(PortalProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("Links in mails and vCards point to {} (set PORTAL_BASE_URL to change it)", properties.baseUrl());
    }
}
