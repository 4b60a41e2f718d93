package io.dst.it.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Seeded generator of fuzz inputs for a text language: random token soups built from the language's
 * own vocabulary (which reach deeper into a parser than random bytes do), and mutations of valid
 * inputs (deleting, inserting, replacing, duplicating and swapping spans, splicing two inputs).
 */
final class InputMutator {

    private static final String[] NOISE = {
        "\u0000", "\t", "\n", "\r\n", "\\", "\\u", "\\x", "\"", "'", "`", "\u00e9", "\u4e2d", "\ud83d\ude00",
        "\ud800", "9999999999999999999999", "-0", "1e309", "1.", ".5", "--", "/*", "*/", "//", "..", "::",
    };

    private final Random random;
    private final List<String> seeds;
    private final List<String> vocabulary;

    InputMutator(long seed, List<String> seeds, List<String> vocabulary) {
        this.random = new Random(seed);
        this.seeds = List.copyOf(seeds);
        this.vocabulary = List.copyOf(vocabulary);
    }

    /** The next input: a third random token soups, two thirds mutated seeds. */
    String next() {
        return random.nextInt(3) == 0 ? tokenSoup() : mutate(seeds.get(random.nextInt(seeds.size())));
    }

    private String tokenSoup() {
        StringBuilder out = new StringBuilder();
        int tokens = 1 + random.nextInt(25);
        for (int i = 0; i < tokens; i++) {
            out.append(random.nextInt(8) == 0 ? NOISE[random.nextInt(NOISE.length)] : vocabulary.get(random.nextInt(vocabulary.size())));
            if (random.nextBoolean()) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private String mutate(String input) {
        StringBuilder out = new StringBuilder(input);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            int end = Math.min(out.length(), at + 1 + random.nextInt(8));
            switch (random.nextInt(8)) {
                case 0 -> out.delete(Math.min(at, out.length()), end);
                case 1 -> out.insert(at, vocabulary.get(random.nextInt(vocabulary.size())));
                case 2 -> out.insert(at, NOISE[random.nextInt(NOISE.length)]);
                case 3 -> out.replace(Math.min(at, out.length()), end, vocabulary.get(random.nextInt(vocabulary.size())));
                case 4 -> out.insert(at, out.substring(Math.min(at, out.length()), end));
                case 5 -> out.setLength(at); // truncation: the commonest real-world breakage
                case 6 -> out.insert(at, (char) random.nextInt(0x80));
                default -> {
                    String other = seeds.get(random.nextInt(seeds.size()));
                    out.insert(at, other.substring(random.nextInt(other.length() + 1)));
                }
            }
        }
        return out.toString();
    }
}
