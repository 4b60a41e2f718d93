package io.dst.it.toy;

import io.dst.it.workload.StoreClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A {@link StoreClient} for a {@link ToyRegisterCluster}: routes each key or table to its node's proxy. */
final class ToyStoreClient implements StoreClient {

    private final ToyRegisterCluster cluster;
    private final Duration timeout;
    private final Map<InetSocketAddress, ToyConnection> connections = new HashMap<>();

    ToyStoreClient(ToyRegisterCluster cluster, Duration timeout) {
        this.cluster = cluster;
        this.timeout = timeout;
    }

    private String call(String name, String request) throws Exception {
        return connections.computeIfAbsent(cluster.addressFor(name), a -> new ToyConnection(a, timeout)).call(request);
    }

    @Override
    public String read(String key) throws Exception {
        String answer = call(key, "GET " + key);
        return answer.equals("NIL") ? null : answer.substring("VALUE ".length());
    }

    @Override
    public void write(String key, String value) throws Exception {
        expectOk(call(key, "PUT " + key + " " + value));
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value) throws Exception {
        return call(key, "CAS " + key + " " + (expected == null ? "-" : expected) + " " + value).equals("OK");
    }

    @Override
    public void insert(String table, String row) throws Exception {
        expectOk(call(table, "ADD " + table + " " + row));
    }

    @Override
    public Set<String> rows(String table) throws Exception {
        String body = call(table, "ROWS " + table).substring("ROWS".length()).trim();
        return body.isEmpty() ? Set.of() : Set.of(body.split(" "));
    }

    private static void expectOk(String answer) throws IOException {
        if (!answer.equals("OK")) {
            throw new IOException("unexpected answer " + answer);
        }
    }

    @Override
    public void close() {
        connections.values().forEach(ToyConnection::close);
    }
}
