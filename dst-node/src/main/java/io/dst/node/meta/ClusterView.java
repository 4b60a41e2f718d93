package io.dst.node.meta;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

/**
 * A live, locally cached copy of one cluster's metadata tree (a Curator {@link CuratorCache} over
 * {@code /dst/<cluster>}), with each znode decoded once per version. Nodes, the controller and
 * clients read it on every request; it may lag ZooKeeper briefly, which is why every change goes
 * through a compare-and-set and every request carries the epoch it was routed by.
 */
public final class ClusterView implements AutoCloseable {
  private final ZkPaths paths;
  private final CuratorCache cache;
  private final CountDownLatch initialized = new CountDownLatch(1);
  private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

  private record Decoded(ChildData data, Object value) {}

  public ClusterView(CuratorFramework zk, ZkPaths paths) {
    this.paths = paths;
    this.cache = CuratorCache.build(zk, paths.root());
    cache.listenable().addListener(CuratorCacheListener.builder()
        .forInitialized(initialized::countDown).build());
  }

  /** Starts the cache and waits until it holds the whole tree. */
  public ClusterView start(Duration timeout) {
    cache.start();
    try {
      if (!initialized.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new DstException(ErrorCode.UNAVAILABLE,
            "could not read cluster metadata under " + paths.root() + " within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DstException(ErrorCode.UNAVAILABLE, "interrupted reading cluster metadata", e);
    }
    return this;
  }

  public ZkPaths paths() {
    return paths;
  }

  /** Calls {@code onChange} with the path of every created, changed or deleted znode. */
  public void onChange(Consumer<String> onChange) {
    cache.listenable().addListener((type, oldData, data) ->
        onChange.accept(data != null ? data.getPath() : oldData.getPath()));
  }

  public Map<Integer, NodeInfo> liveNodes() {
    Map<Integer, NodeInfo> out = new TreeMap<>();
    String prefix = paths.nodes() + "/";
    cache.stream().filter(d -> d.getPath().startsWith(prefix)).forEach(d -> {
      int id = Integer.parseInt(d.getPath().substring(prefix.length()));
      out.put(id, decode(d, x -> NodeInfo.decode(id, x)));
    });
    return out;
  }

  public Optional<NodeInfo> node(int id) {
    return cache.get(paths.node(id)).map(d -> decode(d, x -> NodeInfo.decode(id, x)));
  }

  public Map<String, Versioned<TableMeta>> tables() {
    Map<String, Versioned<TableMeta>> out = new TreeMap<>();
    String prefix = paths.tables() + "/";
    cache.stream().filter(d -> d.getPath().startsWith(prefix) && d.getData() != null)
        .forEach(d -> out.put(d.getPath().substring(prefix.length()), versioned(d, TableMeta::decode)));
    return out;
  }

  public Optional<Versioned<TableMeta>> table(String name) {
    return cache.get(paths.table(name)).filter(d -> d.getData() != null)
        .map(d -> versioned(d, TableMeta::decode));
  }

  /**
   * The zxid that created the table's znode: it tells a table apart from an earlier one of the
   * same name (dropped and created again).
   */
  public java.util.OptionalLong tableCreation(String name) {
    return cache.get(paths.table(name)).map(d -> java.util.OptionalLong.of(d.getStat().getCzxid()))
        .orElse(java.util.OptionalLong.empty());
  }

  public Optional<Versioned<PartitionState>> partition(PartitionId p) {
    return cache.get(paths.partition(p)).filter(d -> d.getData() != null && d.getData().length > 0)
        .map(d -> versioned(d, PartitionState::decode));
  }

  /**
   * The configuration of every partition of every table that has one, by table, then partition
   * number; the controller's and the admin's picture of placement.
   */
  public Map<PartitionId, PartitionState> partitionStates() {
    Map<PartitionId, PartitionState> out = new LinkedHashMap<>();
    for (Versioned<TableMeta> t : tables().values()) {
      for (int p = 0; p < t.value().partitions(); p++) {
        PartitionId id = new PartitionId(t.value().name(), p);
        partition(id).ifPresent(v -> out.put(id, v.value()));
      }
    }
    return out;
  }

  /** Tables that have partition znodes (a dropped table's linger until the controller removes them). */
  public Set<String> partitionTables() {
    Set<String> out = new TreeSet<>();
    String prefix = paths.partitions() + "/";
    cache.stream().map(ChildData::getPath).filter(p -> p.startsWith(prefix))
        .map(p -> p.substring(prefix.length()))
        .filter(rest -> !rest.contains("/")).forEach(out::add);
    return out;
  }

  /** The requested partition moves, by partition. */
  public Map<PartitionId, PartitionMove> moves() {
    Map<PartitionId, PartitionMove> out = new LinkedHashMap<>();
    String prefix = paths.moves() + "/";
    cache.stream().filter(d -> d.getPath().startsWith(prefix) && d.getData() != null
        && d.getData().length > 0).forEach(d -> {
          String[] parts = d.getPath().substring(prefix.length()).split("/");
          if (parts.length == 2) {
            PartitionId p = new PartitionId(parts[0], Integer.parseInt(parts[1]));
            out.put(p, decode(d, x -> PartitionMove.decode(p, x)));
          }
        });
    return out;
  }

  /** Nodes marked as draining (being decommissioned), live or not. */
  public Set<Integer> drainingNodes() {
    Set<Integer> out = new TreeSet<>();
    String prefix = paths.draining() + "/";
    cache.stream().map(ChildData::getPath).filter(p -> p.startsWith(prefix))
        .forEach(p -> out.add(Integer.parseInt(p.substring(prefix.length()))));
    return out;
  }

  private <T> Versioned<T> versioned(ChildData d, Function<byte[], T> decoder) {
    return new Versioned<>(decode(d, decoder), d.getStat().getVersion());
  }

  @SuppressWarnings("unchecked")
  private <T> T decode(ChildData d, Function<byte[], T> decoder) {
    Decoded cached = decoded.get(d.getPath());
    if (cached != null && cached.data() == d) {
      return (T) cached.value();
    }
    T value = decoder.apply(d.getData());
    decoded.put(d.getPath(), new Decoded(d, value));
    return value;
  }

  @Override
  public void close() {
    cache.close();
  }
}
