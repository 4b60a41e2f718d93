package io.dst.it.dst;

import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.ScanSpec;
import io.dst.it.workload.StoreClient;
import io.dst.node.client.ClusterDataStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link StoreClient} over one {@link ClusterDataStore} (its own ZooKeeper session, metadata cache
 * and connections): str keys are the registers ({@code KvStore.get/put}), and rows of tables with a
 * string primary key {@code id} are the sets. Dst offers no compare-and-set on str keys, so CAS is
 * unsupported and workloads must not ask for it.
 */
final class DstStoreClient implements StoreClient {

    private final ClusterDataStore store;

    DstStoreClient(DstNodeCluster cluster, Duration timeout) {
        this.store = ClusterDataStore.connect(cluster.zkConnect(), cluster.name(), timeout);
    }

    /** A client of any cluster found through ZooKeeper (an in-process {@code LocalCluster}, say). */
    DstStoreClient(String zkConnect, String cluster, Duration timeout) {
        this.store = ClusterDataStore.connect(zkConnect, cluster, timeout);
    }

    @Override
    public String read(String key) {
        return store.kv().get(key);
    }

    @Override
    public void write(String key, String value) throws Exception {
        try {
            store.kv().put(key, value);
        } catch (RuntimeException e) {
            throw WriteRefusals.classify(e);
        }
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value) {
        throw new UnsupportedOperationException("Dst str keys have no compare-and-set");
    }

    @Override
    public void insert(String table, String row) throws Exception {
        TableData data = table(table);
        try {
            data.insert(List.<Object[]>of(new Object[] {row}));
        } catch (RuntimeException e) {
            throw WriteRefusals.classify(e);
        }
    }

    @Override
    public Set<String> rows(String table) {
        TableData data = table(table);
        Set<String> rows = new HashSet<>();
        for (int p = 0; p < data.partitionCount(); p++) {
            try (RowCursor cursor = data.scan(p, ScanSpec.all())) {
                while (cursor.hasNext()) {
                    rows.add((String) cursor.next()[0]);
                }
            }
        }
        return rows;
    }

    private TableData table(String name) {
        return store.table(name).orElseThrow(() -> new IllegalStateException("no table " + name));
    }

    /** The underlying store, for setting the cluster up. */
    ClusterDataStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
