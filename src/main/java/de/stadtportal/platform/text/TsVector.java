package de.stadtportal.platform.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A tsvector read from PostgreSQL's text output, e.g. {@code 'backerei':1A,5C 'schmidt':2A 'x':3}: its lexemes
 * and, per lexeme, the positions as PostgreSQL stores them ({@code WordEntryPos}: weight in the top two bits,
 * A = 3 … D = 0, position in the low 14 bits).
 */
public final class TsVector {

    static final int MAX_ENTRY_POS = 1 << 14;
    private static final short[] NO_POSITIONS = new short[0];

    /** PostgreSQL's lexeme order ({@code tsCompareString}): bytewise on UTF-8, that is by code points, shorter first. */
    static final Comparator<String> LEXEME_ORDER = TsVector::compareLexemes;

    private final String[] lexemes;
    private final short[][] positions;

    private TsVector(String[] lexemes, short[][] positions) {
        this.lexemes = lexemes;
        this.positions = positions;
    }

    /**
     * Reads the output of {@code tsvectorout}: quoted lexemes ({@code ''} and {@code \} escapes), each optionally
     * followed by {@code :} and positions with an optional weight letter (none for D).
     * @throws IllegalArgumentException if the text is no tsvector
     */
    public static TsVector parse(String text) {
        List<String> words = new ArrayList<>();
        List<short[]> wordPositions = new ArrayList<>();
        int length = text.length();
        int i = skipSpaces(text, 0);
        StringBuilder word = new StringBuilder();
        while (i < length) {
            word.setLength(0);
            if (text.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= length) {
                        throw new IllegalArgumentException("unterminated lexeme in tsvector: " + text);
                    }
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < length) {
                        word.append(text.charAt(i + 1));
                        i += 2;
                    } else if (c == '\'') {
                        if (i + 1 < length && text.charAt(i + 1) == '\'') {
                            word.append('\'');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        word.append(c);
                        i++;
                    }
                }
            } else {
                // tsvectorin also takes unquoted lexemes
                while (i < length && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ':') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < length) {
                        c = text.charAt(++i);
                    }
                    word.append(c);
                    i++;
                }
            }
            short[] wordPosition = NO_POSITIONS;
            if (i < length && text.charAt(i) == ':') {
                i++;
                short[] read = new short[4];
                int count = 0;
                while (true) {
                    int start = i;
                    int position = 0;
                    while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                        position = Math.min(position * 10 + (text.charAt(i) - '0'), MAX_ENTRY_POS - 1);
                        i++;
                    }
                    if (i == start) {
                        throw new IllegalArgumentException("position expected in tsvector: " + text);
                    }
                    int weight = 0;
                    if (i < length) {
                        switch (Character.toUpperCase(text.charAt(i))) {
                            case 'A' -> weight = 3;
                            case 'B' -> weight = 2;
                            case 'C' -> weight = 1;
                            case 'D' -> weight = 0;
                            default -> weight = -1;
                        }
                        if (weight >= 0) {
                            i++;
                        } else {
                            weight = 0;
                        }
                    }
                    if (count == read.length) {
                        read = Arrays.copyOf(read, count * 2);
                    }
                    read[count++] = (short) (weight << 14 | position);
                    if (i < length && text.charAt(i) == ',') {
                        i++;
                    } else {
                        break;
                    }
                }
                wordPosition = Arrays.copyOf(read, count);
            }
            if (i < length && !Character.isWhitespace(text.charAt(i))) {
                throw new IllegalArgumentException("unexpected '" + text.charAt(i) + "' in tsvector: " + text);
            }
            words.add(word.toString());
            wordPositions.add(wordPosition);
            i = skipSpaces(text, i);
        }
        String[] lexemes = words.toArray(String[]::new);
        short[][] positions = wordPositions.toArray(short[][]::new);
        if (!sorted(lexemes)) {
            // PostgreSQL prints them sorted; anything else is sorted here so that lookups can search
            Integer[] order = new Integer[lexemes.length];
            Arrays.setAll(order, k -> k);
            Arrays.sort(order, (a, b) -> compareLexemes(lexemes[a], lexemes[b]));
            String[] sortedLexemes = new String[order.length];
            short[][] sortedPositions = new short[order.length][];
            for (int k = 0; k < order.length; k++) {
                sortedLexemes[k] = lexemes[order[k]];
                sortedPositions[k] = positions[order[k]];
            }
            return new TsVector(sortedLexemes, sortedPositions);
        }
        return new TsVector(lexemes, positions);
    }

    /** The number of lexemes. */
    public int size() {
        return lexemes.length;
    }

    /** The lexemes in PostgreSQL's order. */
    public List<String> lexemes() {
        return List.of(lexemes);
    }

    /**
     * The lexeme's positions ({@code WordEntryPos} values, ascending as stored), an empty array for a lexeme without
     * positions, or null if the vector lacks the lexeme.
     */
    public short[] positions(String lexeme) {
        int low = 0;
        int high = lexemes.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int comparison = compareLexemes(lexemes[middle], lexeme);
            if (comparison < 0) {
                low = middle + 1;
            } else if (comparison > 0) {
                high = middle - 1;
            } else {
                return positions[middle];
            }
        }
        return null;
    }

    /** The weight of a {@code WordEntryPos}: 3 for A, 2 for B, 1 for C, 0 for D ({@code WEP_GETWEIGHT}). */
    public static int weight(short position) {
        return (position & 0xFFFF) >>> 14;
    }

    /** The position of a {@code WordEntryPos}, 1 … 16383 ({@code WEP_GETPOS}). */
    public static int position(short position) {
        return position & 0x3FFF;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean sorted(String[] lexemes) {
        for (int k = 1; k < lexemes.length; k++) {
            if (compareLexemes(lexemes[k - 1], lexemes[k]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code tsCompareString} without prefix matching: UTF-8 byte order equals code point order. */
    static int compareLexemes(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        boolean aLeft = i < a.length();
        boolean bLeft = j < b.length();
        return aLeft == bLeft ? 0 : aLeft ? 1 : -1;
    }
}
