package io.dst.it.linearizability;

import io.dst.it.history.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The search for a linearization of one register's sub-history: Wing &amp; Gong's algorithm with
 * Lowe's just-in-time refinement and memoisation (as in Knossos and Porcupine).
 *
 * <p>Terms: the history is a list of <em>entries</em>, one <em>call</em> and one <em>return</em> per
 * operation, in time order. The search walks the list; at a call it tries to <em>linearize</em> the
 * operation (apply it to the model now), removing ("lifting") its call and return from the list; at a
 * return whose operation is still unlinearized it has gone too far, so it <em>backtracks</em>: pops the
 * last linearized operation, restores the list and state, and tries the next candidate. The
 * <em>cache</em> holds every (linearized set, model state) pair already explored; reaching one again
 * cannot lead anywhere new, which is what makes the search practical.
 *
 * <p>Indeterminate operations return at infinity, after every other entry, so the search may put
 * them anywhere after their invocation, including after everything else, where they are invisible:
 * that is "may or may not have taken effect".
 */
final class RegisterSearch {

    private static final Comparator<Operation> BY_INVOCATION =
            Comparator.comparingLong(Operation::invokeNanos).thenComparingLong(Operation::id);

    private final String key;
    private final List<Operation> ops;
    private final SearchBudget budget;

    RegisterSearch(String key, List<Operation> ops, SearchBudget budget) {
        this.key = key;
        this.ops = new ArrayList<>(ops);
        this.ops.sort(BY_INVOCATION);
        this.budget = budget;
    }

    private static final class Entry {
        final int op;
        final boolean call;
        final long time;
        Entry match;
        Entry prev;
        Entry next;

        Entry(int op, boolean call, long time) {
            this.op = op;
            this.call = call;
            this.time = time;
        }
    }

    /**
     * One linearized operation on the search stack. Frames form an immutable linked list (each points
     * to the one below), so remembering the deepest stack seen so far is keeping one reference, not
     * copying the stack: copying made long histories quadratic.
     */
    private record Frame(Entry call, Object stateBefore, LinearizedSet linearizedBefore, Frame below, int depth) {
    }

    private record CacheKey(LinearizedSet linearized, Object state) {
    }

    KeyResult run() {
        Entry head = buildEntries();
        Object state = null;
        LinearizedSet linearized = LinearizedSet.EMPTY;
        Set<CacheKey> cache = new HashSet<>();
        Frame top = null;
        Frame deepest = null;
        Operation stuckAt = null;
        long deadline = System.nanoTime() + budget.maxTime().toNanos();
        long steps = 0;
        Entry entry = head.next;
        while (head.next != null) {
            steps++;
            if (steps > budget.maxSteps() || ((steps & 1023) == 0 && System.nanoTime() - deadline > 0)) {
                return new KeyResult(key, Verdict.UNKNOWN, steps,
                        "search budget exhausted (" + budget + ") before an answer was found", ops, List.of(), null);
            }
            if (entry.call) {
                Object next = RegisterModel.step(state, ops.get(entry.op));
                if (next != RegisterModel.ILLEGAL) {
                    LinearizedSet candidate = linearized.with(entry.op);
                    if (cache.add(new CacheKey(candidate, next))) {
                        top = new Frame(entry, state, linearized, top, depth(top) + 1);
                        state = next;
                        linearized = candidate;
                        lift(entry);
                        entry = head.next;
                        continue;
                    }
                }
                entry = entry.next;
            } else {
                // This operation returned without having been linearized on this branch: backtrack.
                if (stuckAt == null || depth(top) > depth(deepest)) {
                    deepest = top;
                    stuckAt = ops.get(entry.op);
                }
                if (top == null) {
                    List<Operation> longest = linearizedOrder(deepest);
                    return new KeyResult(key, Verdict.NOT_LINEARIZABLE, steps,
                            "no order of the operations respects both real time and register semantics; at best "
                                    + longest.size() + " of " + ops.size() + " could be ordered before #"
                                    + stuckAt.id() + " had to take effect and could not",
                            ops, longest, stuckAt);
                }
                Frame popped = top;
                top = popped.below();
                state = popped.stateBefore();
                linearized = popped.linearizedBefore();
                unlift(popped.call());
                entry = popped.call().next;
            }
        }
        return new KeyResult(key, Verdict.LINEARIZABLE, steps, null, ops, List.of(), null);
    }

    private static int depth(Frame frame) {
        return frame == null ? 0 : frame.depth();
    }

    private List<Operation> linearizedOrder(Frame top) {
        List<Operation> order = new ArrayList<>(depth(top));
        for (Frame f = top; f != null; f = f.below()) {
            order.add(ops.get(f.call().op));
        }
        Collections.reverse(order);
        return List.copyOf(order);
    }

    /**
     * Builds the entry list behind a sentinel head. At equal timestamps calls sort before returns, so
     * operations that touch in time count as concurrent: the lenient reading, which can only hide a
     * violation on a clock tie, never invent one.
     */
    private Entry buildEntries() {
        List<Entry> entries = new ArrayList<>(ops.size() * 2);
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            Entry call = new Entry(i, true, op.invokeNanos());
            Entry ret = new Entry(i, false, op.completeNanos());
            call.match = ret;
            ret.match = call;
            entries.add(call);
            entries.add(ret);
        }
        entries.sort(Comparator.<Entry>comparingLong(e -> e.time)
                .thenComparing(e -> !e.call)
                .thenComparingInt(e -> e.op));
        Entry head = new Entry(-1, false, Long.MIN_VALUE);
        Entry last = head;
        for (Entry e : entries) {
            last.next = e;
            e.prev = last;
            last = e;
        }
        return head;
    }

    private static void lift(Entry call) {
        call.prev.next = call.next;
        call.next.prev = call.prev;
        Entry ret = call.match;
        ret.prev.next = ret.next;
        if (ret.next != null) {
            ret.next.prev = ret.prev;
        }
    }

    private static void unlift(Entry call) {
        Entry ret = call.match;
        ret.prev.next = ret;
        if (ret.next != null) {
            ret.next.prev = ret;
        }
        call.prev.next = call;
        call.next.prev = call;
    }
}
