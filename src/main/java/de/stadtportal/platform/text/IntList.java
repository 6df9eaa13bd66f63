package de.stadtportal.platform.text;

import java.util.Arrays;

/** A growing list of ints without boxing, for building postings (ascending where filled in order). */
public final class IntList {

    private int[] values = new int[8];
    private int size;

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public int get(int index) {
        return values[index];
    }

    public int last() {
        return values[size - 1];
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
