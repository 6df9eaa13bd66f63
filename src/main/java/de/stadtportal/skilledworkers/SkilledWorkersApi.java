package de.stadtportal.skilledworkers;

import de.stadtportal.skilledworkers.domain.InquiryService;
import de.stadtportal.skilledworkers.domain.SkilledWorkersProperties;
import org.springframework.stereotype.Component;

/** What other parts of the portal use of the Fachkräftesicherung. */
@Component
public class SkilledWorkersApi {

    private final SkilledWorkersProperties settings;
    private final InquiryService inquiries;

    SkilledWorkersApi(SkilledWorkersProperties settings, InquiryService inquiries) {
        this.settings = settings;
        this.inquiries = inquiries;
    }

    /** How long closed inquiries to the support point are kept, for the privacy notice. */
    public int inquiryRetentionMonths() {
        return settings.inquiryRetentionMonths();
    }

    /** Inquiries waiting for the support point (new or in progress). */
    public long openInquiries() {
        return inquiries.openCount();
    }
}
