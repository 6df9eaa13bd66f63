package de.stadtportal.platform.text;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * PostgreSQL's {@code ts_rank(tsvector, tsquery)} with the default weights ({0.1 D, 0.2 C, 0.4 B, 1.0 A}) and
 * normalization 0, for a query that is one lexeme or an AND of lexemes (what {@code plainto_tsquery} gives), with
 * PostgreSQL's float4 result bit for bit. Prepare one instance per query; it is immutable.
 */
public final class TextRank {

    /** tsrank.c's default {@code weights}, indexed by {@code WEP_GETWEIGHT}. */
    private static final float[] WEIGHTS = {0.1f, 0.2f, 0.4f, 1.0f};
    /** {@code word_distance} for 0 … 100; larger distances weigh 1e-30f. */
    private static final float[] WORD_DISTANCE = new float[101];
    /** calc_rank_and's dummy position of a lexeme without positions: weight D, position MAXENTRYPOS - 1. */
    private static final short[] POSNULL_AND = {(short) (TsVector.MAX_ENTRY_POS - 1)};
    /** calc_rank_or's dummy: weight D, position 0. */
    private static final short[] POSNULL_OR = {0};

    static {
        for (int w = 0; w < WORD_DISTANCE.length; w++) {
            // float4 arguments and result, double arithmetic in between, as in C
            WORD_DISTANCE[w] = (float) (1.0 / (1.005 + 0.05 * StrictMath.exp(((float) w) / 1.5 - 2)));
        }
    }

    private final String[] lexemes;

    private TextRank(String[] lexemes) {
        this.lexemes = lexemes;
    }

    /**
     * The query {@code lexeme1 & lexeme2 & …} (or the single lexeme), e.g. the lexemes of
     * {@code plainto_tsquery('german', …)}; sorted and de-duplicated like {@code SortAndUniqItems}.
     */
    public static TextRank forQuery(List<String> queryLexemes) {
        String[] sorted = queryLexemes.toArray(String[]::new);
        Arrays.sort(sorted, TsVector.LEXEME_ORDER);
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || TsVector.compareLexemes(sorted[i], sorted[size - 1]) != 0) {
                sorted[size++] = sorted[i];
            }
        }
        return new TextRank(Arrays.copyOf(sorted, size));
    }

    /** {@code ts_rank(document, query)} for one pair; see {@link #rank(Function)}. */
    public static float rank(List<String> queryLexemes, Function<String, short[]> positionsOf) {
        return forQuery(queryLexemes).rank(positionsOf);
    }

    /** The query's distinct lexemes in the order {@link #rank(short[][])} takes their positions. */
    public List<String> lexemes() {
        return List.of(lexemes);
    }

    /** {@code ts_rank(document, query)}. */
    public float rank(TsVector document) {
        if (document.size() == 0) {
            return 0f;
        }
        return rank(document::positions);
    }

    /**
     * {@code ts_rank(document, query)} of a document with at least one lexeme (an empty tsvector ranks 0).
     * @param positionsOf per query lexeme the document's positions as in {@link TsVector#positions}: null if absent,
     * empty if the lexeme has no positions
     */
    public float rank(Function<String, short[]> positionsOf) {
        short[][] positions = new short[lexemes.length][];
        for (int i = 0; i < lexemes.length; i++) {
            positions[i] = positionsOf.apply(lexemes[i]);
        }
        return rank(positions);
    }

    /**
     * {@code ts_rank(document, query)} of a document with at least one lexeme; the fast path, allocating nothing.
     * Port of {@code calc_rank} (src/backend/utils/adt/tsrank.c) with normalization 0.
     * @param positions per lexeme of {@link #lexemes()}, in that order, the document's positions as in
     * {@link TsVector#positions}: null if absent, empty if the lexeme has no positions
     */
    public float rank(short[][] positions) {
        if (positions.length != lexemes.length) {
            throw new IllegalArgumentException("positions for " + lexemes.length + " lexemes expected");
        }
        if (lexemes.length == 0) {
            return 0f;
        }
        // SortAndUniqItems leaves fewer than two operands: calc_rank_and falls back to calc_rank_or
        float res = lexemes.length >= 2 ? calcRankAnd(positions) : calcRankOr(positions);
        if (res < 0) {
            res = 1e-20f;
        }
        return res;
    }

    /**
     * Port of {@code calc_rank_and}: every pair of positions of two different query lexemes adds its weight, nearer
     * pairs more. The summation order (lexemes sorted, then positions as stored) is PostgreSQL's.
     */
    private static float calcRankAnd(short[][] positions) {
        float res = -1.0f;
        for (int i = 0; i < positions.length; i++) {
            short[] post = positions[i];
            if (post == null) {
                continue;
            }
            boolean iNull = post.length == 0;
            if (iNull) {
                post = POSNULL_AND;
            }
            for (int k = 0; k < i; k++) {
                short[] ct = positions[k];
                if (ct == null) {
                    continue;
                }
                boolean kNull = ct.length == 0;
                if (kNull) {
                    ct = POSNULL_AND;
                }
                for (short l : post) {
                    for (short p : ct) {
                        int dist = Math.abs(TsVector.position(l) - TsVector.position(p));
                        if (dist != 0 || iNull || kNull) {
                            if (dist == 0) {
                                dist = TsVector.MAX_ENTRY_POS;
                            }
                            float curw = (float) Math.sqrt(WEIGHTS[TsVector.weight(l)] * WEIGHTS[TsVector.weight(p)]
                                    * wordDistance(dist));
                            res = res < 0 ? curw : (float) (1.0 - (1.0 - res) * (1.0 - curw));
                        }
                    }
                }
            }
        }
        return res;
    }

    /** Port of {@code calc_rank_or}: per lexeme its weights over the squares of their ordinals. */
    private static float calcRankOr(short[][] positions) {
        float res = 0.0f;
        for (short[] post : positions) {
            if (post == null) {
                continue;
            }
            if (post.length == 0) {
                post = POSNULL_OR;
            }
            float resj = 0.0f;
            float wjm = -1.0f;
            int jm = 0;
            for (int j = 0; j < post.length; j++) {
                float weight = WEIGHTS[TsVector.weight(post[j])];
                resj = resj + weight / ((j + 1) * (j + 1));
                if (weight > wjm) {
                    wjm = weight;
                    jm = j;
                }
            }
            res = (float) (res + (wjm + resj - wjm / ((jm + 1) * (jm + 1))) / 1.64493406685);
        }
        return res / positions.length;
    }

    /** Port of {@code word_distance}: the weight of two lexemes this far apart. */
    private static float wordDistance(int w) {
        return w > 100 ? 1e-30f : WORD_DISTANCE[w];
    }
}
