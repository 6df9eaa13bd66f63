package de.stadtportal.platform.text;

import java.util.Arrays;

/** Sets of ints as ascending arrays (postings of an in-memory index). */
public final class SortedInts {

    public static final int[] NONE = new int[0];

    private SortedInts() {
    }

    /** The ints in both (both ascending). */
    public static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** An ascending array without repeats; {@code sorted} is overwritten. */
    public static int[] distinct(int[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }
}
