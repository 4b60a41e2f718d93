package io.dst.it.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of malformed inputs for a binary protocol: a few random byte strings, and mostly
 * mutations of valid <em>seed frames</em> (bit flips, boundary bytes, 32-bit boundary integers
 * written at random offsets to hit length and count fields, truncation, duplication, splicing,
 * pipelining several frames). The same seed always yields the same sequence.
 */
public final class ByteMutator {

    private static final byte[] BOUNDARY_BYTES = {0x00, (byte) 0xFF, 0x7F, (byte) 0x80, 0x01};
    private static final int[] BOUNDARY_INTS = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 24, 0xFFFF, 0x10000};

    private final Random random;
    private final List<byte[]> seeds;

    /** A mutator over {@code seeds} (valid frames of the protocol), driven by {@code seed}. */
    public ByteMutator(long seed, List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed frame is needed");
        }
        this.random = new Random(seed);
        this.seeds = seeds.stream().map(byte[]::clone).toList();
    }

    /** The next input. */
    public byte[] next() {
        if (random.nextInt(10) == 0) {
            byte[] noise = new byte[random.nextInt(256)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] input = pick();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            input = mutate(input);
        }
        return input;
    }

    private byte[] pick() {
        return seeds.get(random.nextInt(seeds.size())).clone();
    }

    private byte[] mutate(byte[] input) {
        int length = input.length;
        switch (random.nextInt(8)) {
            case 0 -> {
                if (length > 0) {
                    input[random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
                }
                return input;
            }
            case 1 -> {
                if (length > 0) {
                    input[random.nextInt(length)] = BOUNDARY_BYTES[random.nextInt(BOUNDARY_BYTES.length)];
                }
                return input;
            }
            case 2 -> {
                if (length >= 4) {
                    int at = random.nextInt(length - 3);
                    ByteBuffer.wrap(input, at, 4).putInt(BOUNDARY_INTS[random.nextInt(BOUNDARY_INTS.length)]);
                }
                return input;
            }
            case 3 -> {
                return Arrays.copyOf(input, length == 0 ? 0 : random.nextInt(length));
            }
            case 4 -> {
                if (length == 0) {
                    return input;
                }
                int from = random.nextInt(length);
                int to = from + 1 + random.nextInt(length - from);
                return concat(Arrays.copyOf(input, to), Arrays.copyOfRange(input, from, length));
            }
            case 5 -> {
                byte[] other = pick();
                int cut = length == 0 ? 0 : random.nextInt(length);
                return concat(Arrays.copyOf(input, cut), Arrays.copyOfRange(other, random.nextInt(other.length + 1), other.length));
            }
            case 6 -> {
                byte[] extra = new byte[1 + random.nextInt(16)];
                random.nextBytes(extra);
                int at = length == 0 ? 0 : random.nextInt(length + 1);
                return concat(concat(Arrays.copyOf(input, at), extra), Arrays.copyOfRange(input, at, length));
            }
            default -> {
                ByteArrayOutputStream frames = new ByteArrayOutputStream();
                int count = 2 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    frames.writeBytes(i == 0 ? input : pick());
                }
                return frames.toByteArray();
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
