package de.stadtportal.platform.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per trigram the documents (0, 1, 2 … in the order added) whose folded text holds it, ascending: pg_trgm's GIN
 * index in memory, for {@code <%} and {@code LIKE '%word%'}.
 */
public final class TrigramPostings {

    private final Map<Long, int[]> postings;
    private final int size;
    private final boolean asciiWords;

    /** Collects the texts in the order of their documents. */
    public static final class Builder {
        private final boolean asciiWords;
        private final Map<Long, IntList> trigrams = new HashMap<>();
        private int size;

        /** @param asciiWords the database takes only ASCII letters and digits for word characters (LC_CTYPE C) */
        public Builder(boolean asciiWords) {
            this.asciiWords = asciiWords;
        }

        /** Adds the next document's folded text. */
        public void add(String folded) {
            int document = size++;
            for (long trigram : Trigrams.unique(Trigrams.of(folded, asciiWords))) {
                trigrams.computeIfAbsent(trigram, t -> new IntList()).add(document);
            }
        }

        public TrigramPostings build() {
            return new TrigramPostings(this);
        }
    }

    private TrigramPostings(Builder built) {
        size = built.size;
        asciiWords = built.asciiWords;
        postings = new HashMap<>(built.trigrams.size() * 2);
        built.trigrams.forEach((trigram, list) -> postings.put(trigram, list.toArray()));
    }

    /** The documents holding this trigram, ascending. */
    public int[] holding(long trigram) {
        return postings.getOrDefault(trigram, SortedInts.NONE);
    }

    /**
     * The documents sharing at least {@code threshold} of the words' trigrams, ascending: only they can be similar
     * enough ({@code word_similarity} ≤ shared / the words' trigrams), so only they need comparing. Counted over the
     * postings, not over every document.
     */
    public int[] sharing(QueryTrigrams words, double threshold) {
        long[] wanted = words.toArray();
        if (wanted.length == 0) {
            return SortedInts.NONE;
        }
        int[] shared = new int[size];
        IntList touched = new IntList();
        for (long trigram : wanted) {
            for (int i : holding(trigram)) {
                if (shared[i]++ == 0) {
                    touched.add(i);
                }
            }
        }
        IntList enough = new IntList();
        for (int k = 0; k < touched.size(); k++) {
            int i = touched.get(k);
            if ((double) shared[i] / wanted.length >= threshold - 1e-6) {
                enough.add(i);
            }
        }
        int[] candidates = enough.toArray();
        Arrays.sort(candidates);
        return candidates;
    }

    /**
     * The documents whose text may contain the word ({@code LIKE '%word%'}), ascending; null where trigrams cannot
     * tell (fewer than three letters, or a character that is no word character), which means every document. A text
     * containing the word holds each of its three-letter pieces as a trigram of one of its words.
     */
    public int[] mayContain(String word) {
        boolean wordCharsOnly = word.codePoints().allMatch(c -> asciiWords ? c < 128 && Character.isLetterOrDigit(c) : Character.isLetterOrDigit(c));
        if (!wordCharsOnly || word.codePointCount(0, word.length()) < 3) {
            return null;
        }
        int[] from = null;
        long[] pieces = Trigrams.of(word, asciiWords);
        // the word's own trigrams without the padded ones at its ends: "  w", " wo" and "rd "
        for (int k = 2; k < pieces.length - 1; k++) {
            from = from == null ? holding(pieces[k]) : SortedInts.intersect(from, holding(pieces[k]));
        }
        return from;
    }
}
