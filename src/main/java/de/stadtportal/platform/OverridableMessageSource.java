package de.stadtportal.platform;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The application's MessageSource: staff's texts ({@link MessageOverrides}) first, then the message bundles that
 * Spring Boot's MessageSourceAutoConfiguration builds from {@code spring.messages.*} (application.yml), which it
 * wraps ({@link PlatformConfiguration#overridableMessages}), so those settings keep working. A text with
 * arguments is formatted like the bundle's ({@link MessageFormat}); one without is returned as written, as
 * Spring does with {@code alwaysUseMessageFormat} off.
 */
public class OverridableMessageSource implements MessageSource {

    private final MessageSource builtIn;
    private final ObjectProvider<MessageOverrides> overrides;
    private volatile MessageOverrides resolved;

    OverridableMessageSource(MessageSource builtIn, ObjectProvider<MessageOverrides> overrides) {
        this.builtIn = builtIn;
        this.overrides = overrides;
    }

    /** The bundles' own text, without staff's: what the Seitentexte editor starts from and resets to. */
    public MessageSource builtIn() {
        return builtIn;
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        String own = own(code, args, locale);
        return own != null ? own : builtIn.getMessage(code, args, defaultMessage, locale);
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
        String own = own(code, args, locale);
        return own != null ? own : builtIn.getMessage(code, args, locale);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                String own = own(code, resolvable.getArguments(), locale);
                if (own != null) {
                    return own;
                }
            }
        }
        return builtIn.getMessage(resolvable, locale);
    }

    private String own(String code, Object[] args, Locale locale) {
        if (code == null) {
            return null;
        }
        MessageOverrides source = resolved;
        if (source == null) {
            // looked up once it exists: messages are read while the context still starts
            try {
                source = overrides.getIfAvailable();
            } catch (org.springframework.beans.BeansException e) {
                return null;
            }
            resolved = source;
        }
        String text = source == null ? null : source.find(code, locale == null ? Locale.GERMAN : locale);
        if (text == null) {
            return null;
        }
        if (args == null || args.length == 0) {
            return text;
        }
        try {
            return new MessageFormat(text, locale == null ? Locale.GERMAN : locale).format(args);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
