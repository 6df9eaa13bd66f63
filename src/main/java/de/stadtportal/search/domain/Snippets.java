package de.stadtportal.search.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the part of a text around the first word matching the query and splits it into parts,
 * matching and not: the template writes each part escaped, the matching ones inside {@code <mark>},
 * so neither a query nor a record can bring markup into the page. Matching folds like
 * {@code portal_fold} in the database (case, accents, umlauts written either way) and accepts
 * German endings ("Veranstaltungen" marks "Veranstaltung").
 */
public final class Snippets {

    static final int LENGTH = 240;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** One piece of a snippet; {@code marked}: it matches the query. */
    public record Part(String text, boolean marked) {
    }

    private final List<String> terms = new ArrayList<>();

    public Snippets(String query) {
        Matcher words = WORD.matcher(query == null ? "" : query);
        while (words.find()) {
            String term = fold(words.group());
            if (term.length() >= 2) {
                terms.add(term);
            }
        }
    }

    /** The whole (short) text split into parts, e.g. a title. */
    public List<Part> mark(String text) {
        return parts(text == null ? "" : text);
    }

    /** About {@link #LENGTH} characters around the first match (or the beginning), split into parts. */
    public List<Part> snippet(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        int first = -1;
        Matcher words = WORD.matcher(flat);
        while (words.find()) {
            if (matches(words.group())) {
                first = words.start();
                break;
            }
        }
        int start = first < 0 ? 0 : Math.max(0, first - LENGTH / 3);
        if (start > 0) {
            int space = flat.indexOf(' ', start);
            start = space < 0 || space >= first ? start : space + 1;
        }
        int end = Math.min(flat.length(), start + LENGTH);
        if (end < flat.length()) {
            int space = flat.lastIndexOf(' ', end);
            end = space > start + LENGTH / 2 ? space : end;
        }
        String cut = (start > 0 ? "… " : "") + flat.substring(start, end) + (end < flat.length() ? " …" : "");
        return parts(cut);
    }

    private List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        int plainFrom = 0;
        while (words.find()) {
            if (matches(words.group())) {
                if (words.start() > plainFrom) {
                    parts.add(new Part(text.substring(plainFrom, words.start()), false));
                }
                parts.add(new Part(words.group(), true));
                plainFrom = words.end();
            }
        }
        if (plainFrom < text.length()) {
            parts.add(new Part(text.substring(plainFrom), false));
        }
        return parts;
    }

    private boolean matches(String word) {
        String folded = fold(word);
        for (String term : terms) {
            int common = 0;
            int max = Math.min(term.length(), folded.length());
            while (common < max && term.charAt(common) == folded.charAt(common)) {
                common++;
            }
            // the whole term, or all but a German ending of up to three letters of the shorter word
            if (common == term.length() || (common >= 4 && common >= max - 3)) {
                return true;
            }
        }
        return false;
    }

    /** As portal_fold (V8): lower case, no accents, "ae"/"oe"/"ue" as "a"/"o"/"u", ß as "ss". */
    static String fold(String value) {
        String lower = value.toLowerCase(Locale.GERMAN).replace("ß", "ss");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    }
}
