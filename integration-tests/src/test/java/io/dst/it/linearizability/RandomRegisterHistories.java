package io.dst.it.linearizability;

import io.dst.it.history.History;
import io.dst.it.history.OpKind;
import io.dst.it.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeded generators of register histories for testing the checker.
 *
 * <p>{@link #linearizable} runs concurrent logical clients against a real in-memory register: each
 * operation is invoked, later applied atomically (its linearization point), later completed, with the
 * three steps of different clients interleaved at random. Some operations end indeterminate (applied or
 * not), some definitely fail without being applied. Every history it makes is linearizable by
 * construction. {@link #staleRead} mutates such a history so that it certainly is not.
 */
final class RandomRegisterHistories {

    private RandomRegisterHistories() {
    }

    private enum Phase { IDLE, INVOKED, APPLIED }

    private static final class Client {
        int process;
        Phase phase = Phase.IDLE;
        OpKind kind;
        String key;
        String value;
        String expected;
        String observed;
        boolean casApplied;
        History.Invocation invocation;
    }

    static List<Operation> linearizable(long seed, int clients, int operations, int keys, double indeterminateRate) {
        Random random = new Random(seed);
        AtomicLong logicalClock = new AtomicLong();
        History history = new History(logicalClock::incrementAndGet);
        Map<String, String> register = new HashMap<>();
        List<Client> pool = new ArrayList<>();
        int nextProcess = 0;
        for (int i = 0; i < clients; i++) {
            Client c = new Client();
            c.process = nextProcess++;
            pool.add(c);
        }
        int invoked = 0;
        int writes = 0;
        while (invoked < operations) {
            Client c = pool.get(random.nextInt(pool.size()));
            switch (c.phase) {
                case IDLE -> {
                    c.key = "k" + random.nextInt(keys);
                    int choice = random.nextInt(10);
                    c.kind = choice < 4 ? OpKind.READ : choice < 8 ? OpKind.WRITE : OpKind.CAS;
                    c.value = c.kind == OpKind.READ ? null : "v" + writes++;
                    c.expected = c.kind == OpKind.CAS ? recentValueOrNull(random, register, c.key, writes) : null;
                    c.invocation = switch (c.kind) {
                        case READ -> history.invokeRead(c.process, c.key);
                        case WRITE -> history.invokeWrite(c.process, c.key, c.value);
                        default -> history.invokeCas(c.process, c.key, c.expected, c.value);
                    };
                    c.phase = Phase.INVOKED;
                    invoked++;
                }
                case INVOKED -> {
                    double roll = random.nextDouble();
                    if (roll < indeterminateRate / 2) {
                        c.invocation.indeterminate(); // lost before it reached the register
                        retire(c, nextProcess++);
                    } else if (roll < indeterminateRate && c.kind != OpKind.READ) {
                        c.invocation.fail(); // refused before it reached the register
                        c.phase = Phase.IDLE;
                    } else {
                        apply(c, register);
                        c.phase = Phase.APPLIED;
                    }
                }
                case APPLIED -> {
                    if (random.nextDouble() < indeterminateRate) {
                        c.invocation.indeterminate(); // applied, but the answer was lost
                        retire(c, nextProcess++);
                    } else {
                        complete(c);
                        c.phase = Phase.IDLE;
                    }
                }
            }
        }
        return history.operations();
    }

    private static String recentValueOrNull(Random random, Map<String, String> register, String key, int writes) {
        int roll = random.nextInt(3);
        if (roll == 0) {
            return register.get(key); // likely to succeed
        }
        return roll == 1 || writes == 0 ? null : "v" + random.nextInt(writes);
    }

    private static void apply(Client c, Map<String, String> register) {
        switch (c.kind) {
            case READ -> c.observed = register.get(c.key);
            case WRITE -> register.put(c.key, c.value);
            default -> {
                c.casApplied = java.util.Objects.equals(register.get(c.key), c.expected);
                if (c.casApplied) {
                    register.put(c.key, c.value);
                }
            }
        }
    }

    private static void complete(Client c) {
        switch (c.kind) {
            case READ -> c.invocation.okRead(c.observed);
            case WRITE -> c.invocation.ok();
            default -> {
                if (c.casApplied) {
                    c.invocation.ok();
                } else {
                    c.invocation.fail();
                }
            }
        }
    }

    /** A client whose last outcome is unknown gets a fresh process id, as in Jepsen. */
    private static void retire(Client c, int newProcess) {
        c.process = newProcess;
        c.phase = Phase.IDLE;
    }

    /**
     * Makes one acknowledged read stale: it now returns a value u although another acknowledged write
     * w' started after u's write completed and itself completed before the read began. Values are
     * unique per write, so no linearization can put u back before the read.
     */
    static Optional<List<Operation>> staleRead(List<Operation> history, Random random) {
        List<Operation> ops = new ArrayList<>(history);
        List<Integer> readIndexes = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).kind() == OpKind.READ && ops.get(i).isOk()) {
                readIndexes.add(i);
            }
        }
        java.util.Collections.shuffle(readIndexes, random);
        for (int index : readIndexes) {
            Operation read = ops.get(index);
            for (Operation old : ops) {
                if (!isAcknowledgedUpdate(old, read.key())) {
                    continue;
                }
                for (Operation newer : ops) {
                    if (isAcknowledgedUpdate(newer, read.key()) && old.completeNanos() < newer.invokeNanos()
                            && newer.completeNanos() < read.invokeNanos()) {
                        ops.set(index, read.withValue(old.value()));
                        return Optional.of(ops);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAcknowledgedUpdate(Operation op, String key) {
        return op.key().equals(key) && op.isOk() && (op.kind() == OpKind.WRITE || op.kind() == OpKind.CAS);
    }
}
