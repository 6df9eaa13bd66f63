package de.stadtportal.platform.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tsvectors of many documents (0, 1, 2 … in the order added) for {@link TextRank}, flat instead of an object per
 * lexeme and document (a hundred thousand documents would not fit the heap twice). Lexemes are numbered; document
 * i's entries are entryStart[i] … entryStart[i + 1] - 1, sorted by lexeme number, so a lexeme is found by binary
 * search; entry e's positions (WordEntryPos) are positions[positionStart[e] … positionStart[e + 1] - 1].
 */
public final class TsVectors {

    private final Map<String, Integer> lexemeNumbers;
    private final int[] entryStart;
    private final int[] entryLexeme;
    private final int[] positionStart;
    private final short[] positions;

    /** Numbers lexemes (also those a caller indexes besides the vectors) and collects the vectors in order. */
    public static final class Builder {
        private final Map<String, Integer> lexemeNumbers = new HashMap<>();
        private final IntList entryStart = new IntList();
        private final IntList entryLexeme = new IntList();
        private final IntList positionStart = new IntList();
        private short[] positions = new short[4096];
        private int positionCount;

        /** The lexeme's number: 0, 1, 2 … in the order first seen. */
        public int number(String lexeme) {
            Integer known = lexemeNumbers.get(lexeme);
            if (known != null) {
                return known;
            }
            int number = lexemeNumbers.size();
            lexemeNumbers.put(lexeme, number);
            return number;
        }

        /** Adds the next document's vector; returns its lexemes' numbers in the order of {@link TsVector#lexemes()}. */
        public int[] add(TsVector vector) {
            List<String> lexemes = vector.lexemes();
            int[] numbers = new int[lexemes.size()];
            for (int e = 0; e < numbers.length; e++) {
                numbers[e] = number(lexemes.get(e));
            }
            Integer[] order = new Integer[numbers.length];
            Arrays.setAll(order, e -> e);
            Arrays.sort(order, (a, b) -> Integer.compare(numbers[a], numbers[b]));
            entryStart.add(entryLexeme.size());
            for (int e : order) {
                entryLexeme.add(numbers[e]);
                positionStart.add(positionCount);
                short[] at = vector.positions(lexemes.get(e));
                if (positionCount + at.length > positions.length) {
                    positions = Arrays.copyOf(positions, Math.max(positions.length * 2, positionCount + at.length));
                }
                System.arraycopy(at, 0, positions, positionCount, at.length);
                positionCount += at.length;
            }
            return numbers;
        }

        public TsVectors build() {
            entryStart.add(entryLexeme.size());
            positionStart.add(positionCount);
            return new TsVectors(this);
        }
    }

    private TsVectors(Builder built) {
        lexemeNumbers = Map.copyOf(built.lexemeNumbers);
        entryStart = built.entryStart.toArray();
        entryLexeme = built.entryLexeme.toArray();
        positionStart = built.positionStart.toArray();
        positions = Arrays.copyOf(built.positions, built.positionCount);
    }

    /** The lexeme's number, -1 where no document (nor the caller's own postings) holds it. */
    public int number(String lexeme) {
        return lexemeNumbers.getOrDefault(lexeme, -1);
    }

    /** Whether the document's vector is empty. */
    public boolean isEmpty(int document) {
        return entryStart[document] == entryStart[document + 1];
    }

    /** The document's positions of each lexeme (by number, -1 unknown), null where it lacks one: {@link TextRank}'s input. */
    public short[][] positions(int document, int[] lexemes) {
        short[][] found = new short[lexemes.length][];
        int from = entryStart[document];
        int to = entryStart[document + 1];
        for (int k = 0; k < lexemes.length; k++) {
            int e = lexemes[k] < 0 ? -1 : Arrays.binarySearch(entryLexeme, from, to, lexemes[k]);
            if (e >= 0) {
                found[k] = Arrays.copyOfRange(positions, positionStart[e], positionStart[e + 1]);
            }
        }
        return found;
    }
}
