package io.dst.it.linearizability;

import java.util.Arrays;

/**
 * An immutable set of operation indices that a search branch has linearized so far, compact for the
 * usual shape of such sets: every index below {@code base} is in the set, and only a short window of
 * bits above it varies. Operations are indexed by invocation time, so the set is mostly a prefix and
 * stays small even for long histories; that keeps the search's memo cache affordable.
 */
final class LinearizedSet {

    static final LinearizedSet EMPTY = new LinearizedSet(0, new long[0]);

    private final int base;
    private final long[] words;
    private final int hash;

    private LinearizedSet(int base, long[] words) {
        this.base = base;
        this.words = words;
        this.hash = 31 * base + Arrays.hashCode(words);
    }

    boolean contains(int index) {
        if (index < base) {
            return true;
        }
        int offset = index - base;
        int word = offset >>> 6;
        return word < words.length && (words[word] & (1L << (offset & 63))) != 0;
    }

    /** This set plus {@code index}. */
    LinearizedSet with(int index) {
        if (contains(index)) {
            return this;
        }
        int offset = index - base;
        int word = offset >>> 6;
        long[] grown = Arrays.copyOf(words, Math.max(words.length, word + 1));
        grown[word] |= 1L << (offset & 63);
        return normalized(base, grown);
    }

    /** Moves fully-set leading bits into {@code base} and drops trailing empty words. */
    private static LinearizedSet normalized(int base, long[] words) {
        int full = 0;
        while (full < words.length && words[full] == -1L) {
            full++;
        }
        int newBase = base + full * 64;
        long[] rest = Arrays.copyOfRange(words, full, words.length);
        // Shift out the leading run of set bits below 64 so equal sets have one representation.
        int shift = rest.length == 0 ? 0 : Long.numberOfTrailingZeros(~rest[0]);
        if (shift > 0) {
            rest = shiftRight(rest, shift);
            newBase += shift;
        }
        int length = rest.length;
        while (length > 0 && rest[length - 1] == 0) {
            length--;
        }
        return new LinearizedSet(newBase, length == rest.length ? rest : Arrays.copyOf(rest, length));
    }

    private static long[] shiftRight(long[] words, int shift) {
        long[] out = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            long low = words[i] >>> shift;
            long high = i + 1 < words.length ? words[i + 1] << (64 - shift) : 0L;
            out[i] = low | high;
        }
        return out;
    }

    int size() {
        int count = base;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearizedSet other && base == other.base && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
