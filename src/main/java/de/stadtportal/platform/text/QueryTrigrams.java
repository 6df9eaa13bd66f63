package de.stadtportal.platform.text;

import java.util.Arrays;

/** A search pattern's distinct trigrams, prepared once per query; immutable, so shareable between threads. */
public final class QueryTrigrams {

    private final long[] sorted;
    // one bit per hash of a query trigram: most of a text's trigrams are rejected without a search
    private final long[] filter = new long[64];

    private QueryTrigrams(long[] sorted) {
        this.sorted = sorted;
        for (long trigram : sorted) {
            int bit = bit(trigram);
            filter[bit >>> 6] |= 1L << bit;
        }
    }

    /** The distinct trigrams of the query, as {@code generate_trgm} makes them (contrib/pg_trgm/trgm_op.c). */
    public static QueryTrigrams of(String query) {
        return new QueryTrigrams(Trigrams.unique(Trigrams.of(query)));
    }

    /** From a trigram sequence of {@link Trigrams#of}, in any order and with duplicates. */
    public static QueryTrigrams of(long[] trigrams) {
        return new QueryTrigrams(Trigrams.unique(trigrams));
    }

    /** The number of distinct trigrams ({@code ulen1} in calc_word_similarity). */
    public int size() {
        return sorted.length;
    }

    public boolean contains(long trigram) {
        int bit = bit(trigram);
        return (filter[bit >>> 6] & 1L << bit) != 0 && Arrays.binarySearch(sorted, trigram) >= 0;
    }

    /** The distinct trigrams, sorted. */
    public long[] toArray() {
        return sorted.clone();
    }

    private static int bit(long trigram) {
        return (int) ((trigram * 0x9E3779B97F4A7C15L) >>> 52);
    }
}
