package io.dst.it.workload;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A correct, atomic in-memory store shared by several {@link StoreClient}s: the workload's control case. */
final class InMemoryStore {

    private final Map<String, String> registers = new HashMap<>();
    private final Map<String, Set<String>> tables = new HashMap<>();

    StoreClient client() {
        return new StoreClient() {
            @Override
            public String read(String key) {
                synchronized (InMemoryStore.this) {
                    return registers.get(key);
                }
            }

            @Override
            public void write(String key, String value) {
                synchronized (InMemoryStore.this) {
                    registers.put(key, value);
                }
            }

            @Override
            public boolean compareAndSet(String key, String expected, String value) {
                synchronized (InMemoryStore.this) {
                    if (!Objects.equals(registers.get(key), expected)) {
                        return false;
                    }
                    registers.put(key, value);
                    return true;
                }
            }

            @Override
            public void insert(String table, String row) {
                synchronized (InMemoryStore.this) {
                    tables.computeIfAbsent(table, t -> new HashSet<>()).add(row);
                }
            }

            @Override
            public Set<String> rows(String table) {
                synchronized (InMemoryStore.this) {
                    return Set.copyOf(tables.getOrDefault(table, Set.of()));
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
