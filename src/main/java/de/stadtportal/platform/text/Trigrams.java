package de.stadtportal.platform.text;

import java.util.Arrays;

/**
 * pg_trgm's trigrams of a text. A trigram is packed from its three code points into a {@code long}
 * ({@code c1 << 42 | c2 << 21 | c3}); PostgreSQL keeps three bytes (a CRC of the bytes for non-ASCII
 * trigrams), which is the same equality up to CRC collisions.
 */
public final class Trigrams {

    private static final long[] NONE = new long[0];

    private Trigrams() {
    }

    /**
     * The text's trigrams in PostgreSQL's order, duplicates kept: per word (a maximal run of letters and
     * digits, lower-cased) those of two spaces, the word and one space. Port of {@code generate_trgm_only}
     * with {@code find_word} and {@code make_trigrams} (contrib/pg_trgm/trgm_op.c).
     */
    public static long[] of(String text) {
        return of(text, false);
    }

    /**
     * {@link #of(String)} as a database with LC_CTYPE C makes them when {@code asciiWords}: only ASCII letters and
     * digits make words, every other character separates (ask the database, e.g.
     * {@code word_similarity('ä', 'ä b') = 0}).
     */
    public static long[] of(String text, boolean asciiWords) {
        int length = text.length();
        if (length == 0) {
            return NONE;
        }
        // a word of n code points gives n + 1 trigrams, and words are separated: at most length + 1 in all
        long[] trigrams = new long[length + 1];
        int count = 0;
        int i = 0;
        while (i < length) {
            int c = text.codePointAt(i);
            if (!isWordChar(c, asciiWords)) {
                i += Character.charCount(c);
                continue;
            }
            long first = ' ';
            long second = ' ';
            while (i < length && isWordChar(c = text.codePointAt(i), asciiWords)) {
                long third = Character.toLowerCase(c);
                trigrams[count++] = pack(first, second, third);
                first = second;
                second = third;
                i += Character.charCount(c);
            }
            trigrams[count++] = pack(first, second, ' ');
        }
        return count == trigrams.length ? trigrams : Arrays.copyOf(trigrams, count);
    }

    /** Sorted and distinct, like {@code generate_trgm}'s result (in this packing's order): e.g. for an inverted index. */
    public static long[] unique(long[] trigrams) {
        long[] sorted = trigrams.clone();
        Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[count - 1]) {
                sorted[count++] = sorted[i];
            }
        }
        return count == sorted.length ? sorted : Arrays.copyOf(sorted, count);
    }

    /** The trigram as its three characters, e.g. {@code "  b"} (for tests and debugging). */
    public static String toString(long trigram) {
        return new StringBuilder().appendCodePoint((int) (trigram >>> 42)).appendCodePoint((int) (trigram >>> 21 & 0x1FFFFF))
                .appendCodePoint((int) (trigram & 0x1FFFFF)).toString();
    }

    /**
     * pg_trgm's {@code ISWORDCHR} (KEEPONLYALNUM, {@code t_isalnum}): a letter or a digit. For ASCII this is every
     * database's answer; for other letters (ä, ß, ç) it is that of a database with a Unicode LC_CTYPE such as
     * en_US.UTF-8, while one with LC_CTYPE C (the embedded database) takes them for separators.
     */
    static boolean isWordChar(int codePoint, boolean asciiOnly) {
        return asciiOnly ? codePoint < 128 && Character.isLetterOrDigit(codePoint) : Character.isLetterOrDigit(codePoint);
    }

    private static long pack(long first, long second, long third) {
        return first << 42 | second << 21 | third;
    }
}
