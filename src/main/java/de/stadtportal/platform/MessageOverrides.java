package de.stadtportal.platform;

import java.util.Locale;

/**
 * Staff's own text for a message key, consulted by the application's MessageSource before the message bundles
 * ({@link OverridableMessageSource}). A feature outside the platform implements it (content: Seitentexte), so the
 * platform depends on no feature. Called for every message a page shows: answer from memory, never with a query
 * per message.
 */
public interface MessageOverrides {

    /**
     * @return the text (a message pattern like the bundle's: {@code {0}} for arguments) for the key in the locale's
     *         language, or null where the built-in text of the bundle applies
     */
    String find(String code, Locale locale);
}
