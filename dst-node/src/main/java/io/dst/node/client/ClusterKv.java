package io.dst.node.client;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
import io.dst.engine.log.Mutation;
import io.dst.node.protocol.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The kv store of a cluster: each key lives in the {@code $kv} partition {@link
 * Partitioner#partitionOf} gives it among {@link Mutation#KV_PARTITIONS}, and every call goes to
 * that partition's primary; key listings and sizes ask every kv partition.
 */
final class ClusterKv implements KvStore, KvPipeline {
  private final ClusterClient client;

  ClusterKv(ClusterClient client) {
    this.client = client;
  }

  private static PartitionId partitionOf(String key) {
    return new PartitionId(PartitionId.KV_TABLE,
        Partitioner.partitionOf(key, Mutation.KV_PARTITIONS));
  }

  private Object read(String key, Query q) {
    return client.read(partitionOf(key), q);
  }

  @Override
  public String get(String key) {
    return (String) read(key, new Query.KvGet(key));
  }

  @Override
  public void put(String key, String value) {
    client.write(new Mutation.StrPut(key, value));
  }

  @Override
  public boolean delete(String key) {
    return (Boolean) client.write(new Mutation.StrDelete(key));
  }

  /**
   * The time this client decided the write at goes into the mutation, so the replicas judge NX/XX
   * on a key that may have expired by the same instant.
   */
  @Override
  public boolean set(String key, String value, SetCondition condition, long expiresAtMillis) {
    return (Boolean) client.write(new Mutation.StrSet(key, value, condition, expiresAtMillis,
        System.currentTimeMillis()));
  }

  @Override
  public boolean expireAt(String key, long expiresAtMillis) {
    return expireAt(key, expiresAtMillis, ExpiryCondition.ALWAYS);
  }

  /** The condition travels in the mutation, so the key's primary judges it as it applies. */
  @Override
  public boolean expireAt(String key, long expiresAtMillis, ExpiryCondition condition) {
    if (expiresAtMillis <= 0) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT,
          "expiry deadline must be positive epoch milliseconds, got " + expiresAtMillis);
    }
    return (Boolean) client.write(new Mutation.Expire(key, expiresAtMillis,
        System.currentTimeMillis(), condition));
  }

  @Override
  public boolean persist(String key) {
    return (Boolean) client.write(new Mutation.Expire(key, NO_EXPIRY, System.currentTimeMillis()));
  }

  @Override
  public long ttlMillis(String key) {
    return ((Number) read(key, new Query.KvTtl(key))).longValue();
  }

  @Override
  public boolean exists(String key) {
    return (Boolean) read(key, new Query.KvExists(key));
  }

  @Override
  public KeyType type(String key) {
    return KeyType.valueOf((String) read(key, new Query.KvType(key)));
  }

  @Override
  public long incrementBy(String key, long delta) {
    return ((Number) client.write(new Mutation.StrIncr(key, delta))).longValue();
  }

  @Override
  public long append(String key, String suffix) {
    return ((Number) client.write(new Mutation.StrAppend(key, suffix))).longValue();
  }

  @Override
  public int dictPut(String dict, Map<String, String> fields) {
    return ((Number) client.write(new Mutation.DictPut(dict, fields))).intValue();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, String> dictGetAll(String dict) {
    Map<String, String> m = (Map<String, String>) read(dict, new Query.DictGetAll(dict));
    return m == null ? new LinkedHashMap<>() : m;
  }

  @Override
  public String dictGet(String dict, String field) {
    return (String) read(dict, new Query.DictGet(dict, field));
  }

  @Override
  public int dictDelete(String dict, List<String> fields) {
    return ((Number) client.write(new Mutation.DictDelete(dict, fields))).intValue();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> dictKeys(String dict) {
    return (List<String>) read(dict, new Query.DictKeys(dict));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> keys(String globPattern) {
    List<String> out = new ArrayList<>();
    for (Object part : everyPartition(new Query.KvKeys(globPattern))) {
      out.addAll((List<String>) part);
    }
    return out;
  }

  @Override
  public long size() {
    long n = 0;
    for (Object part : everyPartition(new Query.KvSize())) {
      n += ((Number) part).longValue();
    }
    return n;
  }

  @Override
  public CompletableFuture<List<Object>> writeAll(List<Mutation> writes) {
    if (writes.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    int first = writes.get(0).target().partition();
    if (samePartition(writes, first)) {
      // The common case (one client's pipeline often writes one key): one call, no regrouping.
      Mutation m = writes.size() == 1 ? writes.get(0) : new Mutation.KvBatch(first, writes);
      return client.sendAll(List.of(ClusterClient.Call.write(m))).thenApply(answers ->
          writes.size() == 1 ? answers : batchItems(answers.get(0), writes.size()));
    }
    // One batch per partition, in first-seen order; each write remembers where its result goes.
    Map<Integer, List<Mutation>> byPartition = new LinkedHashMap<>();
    Map<Integer, List<Integer>> slots = new LinkedHashMap<>();
    for (int i = 0; i < writes.size(); i++) {
      int p = writes.get(i).target().partition();
      byPartition.computeIfAbsent(p, k -> new ArrayList<>()).add(writes.get(i));
      slots.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
    }
    List<ClusterClient.Call> calls = new ArrayList<>(byPartition.size());
    byPartition.forEach((p, ms) -> calls.add(ClusterClient.Call.write(ms.size() == 1 ? ms.get(0)
        : new Mutation.KvBatch(p, ms))));
    return client.sendAll(calls).thenApply(answers -> spread(answers, slots, writes.size()));
  }

  private static boolean samePartition(List<Mutation> writes, int partition) {
    for (int i = 1; i < writes.size(); i++) {
      if (writes.get(i).target().partition() != partition) {
        return false;
      }
    }
    return true;
  }

  /** The {@code n} results of a batch's answer, or its failure {@code n} times. */
  private static List<Object> batchItems(Object answer, int n) {
    Object[] out = new Object[n];
    if (answer instanceof DstException failed) {
      java.util.Arrays.fill(out, failed);
    } else {
      List<?> items = (List<?>) answer;
      for (int k = 0; k < n; k++) {
        out[k] = batchItem((List<?>) items.get(k));
      }
    }
    return java.util.Arrays.asList(out);
  }

  /** One write's result inside a batch's answer: [null, value] or [error code, message]. */
  private static Object batchItem(List<?> pair) {
    if (pair.get(0) == null) {
      return pair.get(1);
    }
    return new DstException(ErrorCode.valueOf((String) pair.get(0)), (String) pair.get(1));
  }

  @Override
  public CompletableFuture<List<Object>> getAll(List<String> keys) {
    // One request per partition: a run of GETs of one partition is one read on its primary.
    Map<Integer, List<Integer>> slots = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      slots.computeIfAbsent(partitionOf(keys.get(i)).partition(), k -> new ArrayList<>()).add(i);
    }
    List<ClusterClient.Call> calls = new ArrayList<>(slots.size());
    for (List<Integer> where : slots.values()) {
      String first = keys.get(where.get(0));
      if (where.size() == 1) {
        calls.add(ClusterClient.Call.read(partitionOf(first), new Query.KvGet(first)));
      } else {
        List<String> batch = new ArrayList<>(where.size());
        where.forEach(i -> batch.add(keys.get(i)));
        calls.add(ClusterClient.Call.read(partitionOf(first), new Query.KvMultiGet(batch)));
      }
    }
    return client.sendAll(calls).thenApply(answers -> spread(answers, slots, keys.size()));
  }

  /** Puts each partition's answer back at the positions its requests came from. */
  private static List<Object> spread(List<Object> answers, Map<Integer, List<Integer>> slots,
      int size) {
    Object[] out = new Object[size];
    int c = 0;
    for (List<Integer> where : slots.values()) {
      Object answer = answers.get(c++);
      if (where.size() == 1) {
        out[where.get(0)] = answer;
      } else {
        List<Object> items = batchItems(answer, where.size());
        for (int k = 0; k < where.size(); k++) {
          out[where.get(k)] = items.get(k);
        }
      }
    }
    return java.util.Arrays.asList(out);
  }

  private List<Object> everyPartition(Query q) {
    List<Supplier<Object>> calls = new ArrayList<>();
    for (int p = 0; p < Mutation.KV_PARTITIONS; p++) {
      PartitionId id = new PartitionId(PartitionId.KV_TABLE, p);
      calls.add(() -> client.read(id, q));
    }
    return client.all(calls);
  }
}
