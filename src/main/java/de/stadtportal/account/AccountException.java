package de.stadtportal.account;

/** A request about an account that cannot be done; the message key says why, in the user's language. */
public class AccountException extends RuntimeException {

    private final String field;

    public AccountException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    /** The form field the problem belongs to, or null for the whole form. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return getMessage();
    }
}
