package io.dst.it.fuzz;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a {@link SocketFuzzer} run observed. Each input ends one way: {@code answered} (the server
 * sent something back), {@code closedSilently} (it closed or reset the connection without a word),
 * {@code timedOut} (nothing within the answer timeout) or {@code refused} (could not even connect).
 * {@code rejectedAnswers} counts answers the caller's answer check did not accept. When the health
 * probe failed, {@code suspects} holds the inputs sent since the last good probe, oldest first.
 */
public record FuzzReport(
        int sent,
        int answered,
        int closedSilently,
        int timedOut,
        int refused,
        int rejectedAnswers,
        byte[] firstRejectedAnswer,
        boolean serverSurvived,
        List<byte[]> suspects) {

    public FuzzReport {
        suspects = List.copyOf(suspects);
    }

    /** One paragraph, with the suspect inputs in hex, for a failure message. */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format(
                "fuzz: %d inputs sent, %d answered, %d closed silently, %d timed out, %d refused, %d rejected answers; server %s",
                sent, answered, closedSilently, timedOut, refused, rejectedAnswers, serverSurvived ? "survived" : "BROKE"));
        if (firstRejectedAnswer != null) {
            out.append(System.lineSeparator()).append("  first rejected answer: ").append(hex(firstRejectedAnswer));
        }
        if (!suspects.isEmpty()) {
            out.append(System.lineSeparator()).append("  inputs since the last healthy probe:").append(System.lineSeparator())
                    .append(suspects.stream().map(s -> "    " + hex(s)).collect(Collectors.joining(System.lineSeparator())));
        }
        return out.toString();
    }

    private static String hex(byte[] bytes) {
        String all = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 128));
        return bytes.length > 128 ? all + " ... (" + bytes.length + " bytes)" : all;
    }
}
