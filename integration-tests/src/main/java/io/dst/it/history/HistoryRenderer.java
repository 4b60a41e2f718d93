package io.dst.it.history;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders histories for people reading a failed test: events one per line, or operations as time
 * intervals (invocation .. completion) with chosen operations marked. Times are seconds since the
 * history began; an indeterminate operation's interval is open ({@code ..inf}).
 */
public final class HistoryRenderer {

    private HistoryRenderer() {
    }

    /** One line per event, e.g. {@code    12  +0.004100s  p3 invoke  WRITE  k1 := "v5"}. */
    public static String renderEvents(List<Event> events) {
        StringBuilder out = new StringBuilder();
        for (Event e : events) {
            if (e.type() == Event.Type.NOTE) {
                out.append(String.format(Locale.ROOT, "%6d  %s  %-13s %s%n", e.index(), seconds(e.nanos()), "note", e.value()));
                continue;
            }
            Operation asOp = new Operation(e.operationId(), e.process(), e.kind(), e.key(), e.value(),
                    e.expected(), e.outcome() == null ? Outcome.OK : e.outcome(), e.nanos(), e.nanos());
            String status = e.type() == Event.Type.INVOKE ? "invoke" : e.outcome().name().toLowerCase(Locale.ROOT);
            String body = e.type() == Event.Type.INVOKE && e.kind() == OpKind.READ
                    ? "p" + e.process() + " READ   " + e.key()
                    : asOp.describe();
            out.append(String.format(Locale.ROOT, "%6d  %s  %-13s %s%n", e.index(), seconds(e.nanos()), status, body));
        }
        return out.toString();
    }

    /**
     * Operations sorted by invocation time, one per line with id, interval and outcome; operations
     * whose ids are in {@code marked} get a trailing {@code <== note}.
     */
    public static String renderOperations(Collection<Operation> operations, Set<Long> marked, String note) {
        return renderOperations(operations, marked, note, List.of());
    }

    /**
     * As {@link #renderOperations(Collection, Set, String)}, with {@code notes} (such as injected
     * faults) interleaved at their times, limited to the span of the operations shown.
     */
    public static String renderOperations(Collection<Operation> operations, Set<Long> marked, String note, List<Event> notes) {
        StringBuilder out = new StringBuilder();
        List<Operation> sorted = operations.stream()
                .sorted(Comparator.comparingLong(Operation::invokeNanos).thenComparingLong(Operation::id))
                .toList();
        long last = sorted.stream().mapToLong(op -> op.completeNanos() == Operation.NEVER ? op.invokeNanos() : op.completeNanos())
                .max().orElse(Long.MIN_VALUE);
        List<Event> pendingNotes = notes.stream()
                .filter(n -> n.type() == Event.Type.NOTE && !sorted.isEmpty()
                        && n.nanos() >= sorted.get(0).invokeNanos() && n.nanos() <= last)
                .sorted(Comparator.comparingLong(Event::nanos))
                .toList();
        int nextNote = 0;
        for (Operation op : sorted) {
            while (nextNote < pendingNotes.size() && pendingNotes.get(nextNote).nanos() <= op.invokeNanos()) {
                appendNote(out, pendingNotes.get(nextNote++));
            }
            String end = op.completeNanos() == Operation.NEVER ? "inf      " : seconds(op.completeNanos());
            out.append(String.format(Locale.ROOT, "  #%-6d [%s .. %s] %-13s %s%s%n", op.id(),
                    seconds(op.invokeNanos()), end, op.outcome().name().toLowerCase(Locale.ROOT),
                    op.describe(), marked.contains(op.id()) ? "   <== " + note : ""));
        }
        pendingNotes.subList(nextNote, pendingNotes.size()).forEach(n -> appendNote(out, n));
        return out.toString();
    }

    private static void appendNote(StringBuilder out, Event note) {
        out.append(String.format(Locale.ROOT, "  ------- %s  %s%n", seconds(note.nanos()), note.value()));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "+%.6fs", nanos / 1e9);
    }
}
