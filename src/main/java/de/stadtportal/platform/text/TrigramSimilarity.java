package de.stadtportal.platform.text;

import java.util.Arrays;

/**
 * pg_trgm's {@code word_similarity(query, text)} and {@code query <% text}, with PostgreSQL's float4
 * results bit for bit. An instance keeps scratch arrays so that matching thousands of names allocates
 * nothing: use one per thread (it is not thread-safe); the {@link QueryTrigrams} may be shared.
 */
public final class TrigramSimilarity {

    /** pg_trgm.word_similarity_threshold's default, the {@code <%} operator's limit. */
    public static final double DEFAULT_WORD_SIMILARITY_THRESHOLD = 0.6;

    // open-addressing table from trigram to its id within the text; a slot counts only if stamped with this call
    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int[] stamps = new int[64];
    private int stamp;
    // per position of the text: the trigram's id; per id: in the query?, last position
    private int[] ids = new int[32];
    private boolean[] found = new boolean[32];
    private int[] lastPositions = new int[32];

    /** {@code word_similarity(query, text)} for one pair; prepare the query and reuse an instance for many texts. */
    public static float wordSimilarity(String query, String text) {
        return new TrigramSimilarity().wordSimilarity(QueryTrigrams.of(query), Trigrams.of(text));
    }

    /** {@code query <% text} with {@code pg_trgm.word_similarity_threshold} = threshold. */
    public static boolean similar(String query, String text, double threshold) {
        return new TrigramSimilarity().similar(QueryTrigrams.of(query), Trigrams.of(text), threshold);
    }

    /**
     * The greatest similarity between the query's trigrams and a continuous extent of the text's trigrams.
     * Port of {@code calc_word_similarity} without flags (contrib/pg_trgm/trgm_op.c).
     * @param text the text's trigram sequence from {@link Trigrams#of}
     */
    public float wordSimilarity(QueryTrigrams query, long[] text) {
        int distinct = index(query, text);
        return distinct < 0 ? 0f : iterate(query.size(), text.length, false, 0);
    }

    /**
     * Whether {@code word_similarity(query, text) >= threshold}: the {@code <%} operator, which stops as soon as
     * an extent reaches the threshold. Port of {@code word_similarity_op} ({@code WORD_SIMILARITY_CHECK_ONLY}).
     * @param threshold as PostgreSQL holds {@code pg_trgm.word_similarity_threshold}: a double, e.g. 0.6
     */
    public boolean similar(QueryTrigrams query, long[] text, double threshold) {
        int distinct = index(query, text);
        float similarity = distinct < 0 ? 0f : iterate(query.size(), text.length, true, threshold);
        return similarity >= threshold;
    }

    /**
     * Numbers the text's distinct trigrams and marks those in the query, like the merge of positional trigrams
     * in {@code calc_word_similarity}: only equality and presence matter to the iteration, not the ids' order.
     * @return the number of distinct trigrams, or -1 when none is in the query (the similarity is then 0)
     */
    private int index(QueryTrigrams query, long[] text) {
        boolean any = false;
        for (long trigram : text) {
            if (query.contains(trigram)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return -1;
        }
        int length = text.length;
        if (ids.length < length) {
            int size = Math.max(length, ids.length * 2);
            ids = new int[size];
            found = new boolean[size];
            lastPositions = new int[size];
        }
        if (keys.length < 2 * length) {
            int size = Integer.highestOneBit(2 * length - 1) << 1;
            keys = new long[size];
            values = new int[size];
            stamps = new int[size];
            stamp = 0;
        }
        if (++stamp == 0) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        int mask = keys.length - 1;
        int shift = 64 - Integer.numberOfTrailingZeros(keys.length);
        int distinct = 0;
        for (int i = 0; i < length; i++) {
            long trigram = text[i];
            int slot = (int) ((trigram * 0x9E3779B97F4A7C15L) >>> shift);
            while (stamps[slot] == stamp && keys[slot] != trigram) {
                slot = (slot + 1) & mask;
            }
            if (stamps[slot] != stamp) {
                stamps[slot] = stamp;
                keys[slot] = trigram;
                values[slot] = distinct;
                found[distinct] = query.contains(trigram);
                lastPositions[distinct] = -1;
                distinct++;
            }
            ids[i] = values[slot];
        }
        return distinct;
    }

    /**
     * Port of {@code iterate_word_similarity} for plain (not strict) word similarity: each trigram present in the
     * query is an upper bound of an extent, whose lower bound is moved up while that raises the similarity.
     */
    private float iterate(int ulen1, int len2, boolean checkOnly, double threshold) {
        int[] trg2indexes = ids;
        int[] lastpos = lastPositions;
        int ulen2 = 0;
        int count = 0;
        int upper;
        int lower = -1;
        float smlrMax = 0f;
        for (int i = 0; i < len2; i++) {
            int trgindex = trg2indexes[i];
            // update last position of this trigram
            if (lower >= 0 || found[trgindex]) {
                if (lastpos[trgindex] < 0) {
                    ulen2++;
                    if (found[trgindex]) {
                        count++;
                    }
                }
                lastpos[trgindex] = i;
            }
            if (found[trgindex]) {
                upper = i;
                if (lower == -1) {
                    lower = i;
                    ulen2 = 1;
                }
                float smlrCur = calcSml(count, ulen1, ulen2);
                // also try to adjust the lower bound for greater similarity
                int tmpCount = count;
                int tmpUlen2 = ulen2;
                int prevLower = lower;
                for (int tmpLower = lower; tmpLower <= upper; tmpLower++) {
                    float smlrTmp = calcSml(tmpCount, ulen1, tmpUlen2);
                    if (smlrTmp > smlrCur) {
                        smlrCur = smlrTmp;
                        ulen2 = tmpUlen2;
                        lower = tmpLower;
                        count = tmpCount;
                    }
                    if (checkOnly && smlrCur >= threshold) {
                        break;
                    }
                    int tmpTrgindex = trg2indexes[tmpLower];
                    if (lastpos[tmpTrgindex] == tmpLower) {
                        tmpUlen2--;
                        if (found[tmpTrgindex]) {
                            tmpCount--;
                        }
                    }
                }
                smlrMax = smlrMax > smlrCur ? smlrMax : smlrCur;
                if (checkOnly && smlrMax >= threshold) {
                    break;
                }
                for (int tmpLower = prevLower; tmpLower < lower; tmpLower++) {
                    int tmpTrgindex = trg2indexes[tmpLower];
                    if (lastpos[tmpTrgindex] == tmpLower) {
                        lastpos[tmpTrgindex] = -1;
                    }
                }
            }
        }
        return smlrMax;
    }

    /** pg_trgm's {@code CALCSML} with DIVUNION: shared / (all of both - shared), in float4. */
    private static float calcSml(int count, int len1, int len2) {
        return (float) count / (float) (len1 + len2 - count);
    }
}
