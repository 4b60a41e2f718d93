package io.dst.it.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A thread-safe recorder of client operations, in the style of a Jepsen history: each operation is
 * recorded once when invoked and once when it completes, with a monotonic timestamp.
 *
 * <p>Terms: a <em>process</em> is a logical client (a thread, one request at a time); an
 * <em>invocation</em> is the handle a client gets back from {@code invoke*} and completes exactly once
 * with {@link Invocation#ok()}, {@link Invocation#okRead(String)}, {@link Invocation#fail()} or
 * {@link Invocation#indeterminate()}. An invocation never completed counts as indeterminate.
 *
 * <p>Timestamps are taken under the same lock that appends the event, so the event order and the
 * timestamp order agree even across threads: if one operation completes before another is invoked in
 * real time, the history says so.
 */
public final class History {

    private final LongSupplier clock;
    private final long origin;
    private final List<Event> events = new ArrayList<>();
    private final Map<Long, Event> pending = new LinkedHashMap<>();
    private long nextOperationId;

    /** A history stamped with {@link System#nanoTime()}. */
    public History() {
        this(System::nanoTime);
    }

    /** A history stamped with the given monotonic clock (tests use a logical clock). */
    public History(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.origin = clock.getAsLong();
    }

    /** Records the invocation of a read of {@code key}. */
    public Invocation invokeRead(int process, String key) {
        return invoke(process, OpKind.READ, key, null, null);
    }

    /** Records the invocation of a write of {@code value} to {@code key}. */
    public Invocation invokeWrite(int process, String key, String value) {
        return invoke(process, OpKind.WRITE, key, value, null);
    }

    /** Records the invocation of a compare-and-set of {@code key} from {@code expected} to {@code value}. */
    public Invocation invokeCas(int process, String key, String expected, String value) {
        return invoke(process, OpKind.CAS, key, value, expected);
    }

    /** Records the invocation of an insert of row {@code row} into the set (table) {@code table}. */
    public Invocation invokeInsert(int process, String table, String row) {
        return invoke(process, OpKind.INSERT, table, row, null);
    }

    private synchronized Invocation invoke(int process, OpKind kind, String key, String value, String expected) {
        long id = nextOperationId++;
        Event event = new Event(events.size(), Event.Type.INVOKE, id, process, kind, key, value, expected, null,
                clock.getAsLong() - origin);
        events.add(event);
        pending.put(id, event);
        return new Invocation(this, id);
    }

    synchronized void complete(long id, Outcome outcome, String observed, boolean replaceValue) {
        Event invoked = pending.remove(id);
        if (invoked == null) {
            throw new IllegalStateException("operation " + id + " was already completed");
        }
        String value = replaceValue ? observed : invoked.value();
        events.add(new Event(events.size(), Event.Type.COMPLETE, id, invoked.process(), invoked.kind(),
                invoked.key(), value, invoked.expected(), outcome, clock.getAsLong() - origin));
    }

    /**
     * Records a note, such as a fault being injected, so that it appears in rendered histories at the
     * time it happened. Notes are not operations and no checker sees them.
     */
    public synchronized void note(String text) {
        events.add(new Event(events.size(), Event.Type.NOTE, -1, -1, null, null, text, null, null,
                clock.getAsLong() - origin));
    }

    /** The notes recorded so far, in order. */
    public synchronized List<Event> notes() {
        return events.stream().filter(e -> e.type() == Event.Type.NOTE).toList();
    }

    /** A snapshot of the events recorded so far, in recording order. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * The operations recorded so far, in invocation order, with invocations and completions paired.
     * Operations still pending are reported as {@link Outcome#INDETERMINATE}.
     */
    public synchronized List<Operation> operations() {
        Map<Long, Event> invocations = new LinkedHashMap<>();
        Map<Long, Event> completions = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.type() != Event.Type.NOTE) {
                (e.type() == Event.Type.INVOKE ? invocations : completions).put(e.operationId(), e);
            }
        }
        List<Operation> result = new ArrayList<>(invocations.size());
        for (Event inv : invocations.values()) {
            Event done = completions.get(inv.operationId());
            if (done == null) {
                result.add(new Operation(inv.operationId(), inv.process(), inv.kind(), inv.key(),
                        inv.kind() == OpKind.READ ? null : inv.value(), inv.expected(), Outcome.INDETERMINATE,
                        inv.nanos(), Operation.NEVER));
            } else {
                result.add(new Operation(inv.operationId(), inv.process(), inv.kind(), inv.key(), done.value(),
                        inv.expected(), done.outcome(), inv.nanos(), done.nanos()));
            }
        }
        return result;
    }

    /** The whole history rendered one event per line; see {@link HistoryRenderer#renderEvents}. */
    public String render() {
        return HistoryRenderer.renderEvents(events());
    }

    /**
     * The client's handle on one invoked operation; complete it exactly once.
     */
    public static final class Invocation {
        private final History history;
        private final long id;

        Invocation(History history, long id) {
            this.history = history;
            this.id = id;
        }

        /** The operation's id in the history. */
        public long id() {
            return id;
        }

        /** The operation was acknowledged (a write, CAS or insert). */
        public void ok() {
            history.complete(id, Outcome.OK, null, false);
        }

        /** The read was answered with {@code observed} ({@code null} for an absent key). */
        public void okRead(String observed) {
            history.complete(id, Outcome.OK, observed, true);
        }

        /** The operation definitely had no effect. */
        public void fail() {
            history.complete(id, Outcome.FAIL, null, false);
        }

        /** The operation may or may not have taken effect. */
        public void indeterminate() {
            history.complete(id, Outcome.INDETERMINATE, null, false);
        }
    }
}
