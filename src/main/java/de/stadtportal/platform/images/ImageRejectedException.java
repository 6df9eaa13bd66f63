package de.stadtportal.platform.images;

/** An upload the portal does not take; {@code field} is the form field the message belongs next to. */
public class ImageRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public ImageRejectedException(String field, String messageKey) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The key's last part ("format", "broken", "tooManyPixels"), for a feature's own message bundle. */
    public String reason() {
        return messageKey.substring(messageKey.lastIndexOf('.') + 1);
    }
}
