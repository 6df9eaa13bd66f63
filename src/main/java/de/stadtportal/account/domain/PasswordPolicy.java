package de.stadtportal.account.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * OWASP ASVS 5.0 level 2: at least 12 characters, at least 64 allowed (we allow 128), no
 * composition rules, and no password from a list of common ones (account/common-passwords.txt: the
 * portal's own plus the 10,000 most common), not even with digits and symbols around it.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** Letters left when digits and symbols at both ends are taken away. */
    static final int MIN_CORE = 8;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("account/common-passwords.txt");
    }

    /** @return the message key of the first rule the password breaks, if any */
    public Optional<String> violation(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("account.password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("account.password.tooLong");
        }
        String normalized = password.toLowerCase(Locale.ROOT);
        // a common word dressed up with digits and symbols ("Sommer2026!!", "123456789abc") is still a common password
        String core = normalized.replaceAll("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$", "");
        if (common.contains(normalized) || common.contains(core) || core.codePointCount(0, core.length()) < MIN_CORE
                || password.chars().distinct().count() < 4) {
            return Optional.of("account.password.common");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (normalized.equals(email.toLowerCase(Locale.ROOT)) || (local.length() >= 6 && normalized.contains(local))) {
                return Optional.of("account.password.containsEmail");
            }
        }
        return Optional.empty();
    }

    private static Set<String> load(String path) {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException("List of common passwords missing: " + path, e);
        }
        return Set.copyOf(words);
    }
}
