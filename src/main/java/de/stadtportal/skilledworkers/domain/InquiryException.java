package de.stadtportal.skilledworkers.domain;

/** A rule of the support point's inbox was broken; the controller shows the message next to the field. */
public class InquiryException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public InquiryException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
