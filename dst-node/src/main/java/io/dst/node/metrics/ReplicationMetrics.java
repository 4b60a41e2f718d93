package io.dst.node.metrics;

import io.dst.node.replication.PartitionReplica;
import io.dst.node.replication.ReplicaManager;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Gauges over the node's partition replicas, read from their live state at scrape time (nothing
 * runs on the write path). Replicas come and go and change role, so {@link #refresh} reconciles the
 * registered gauges with the current replicas before every scrape: every hosted replica reports
 * whether it is primary, its log end and commit offset; a primary also reports its in-sync set
 * size, its replica count and each follower's lag.
 */
final class ReplicationMetrics {
  static final String PARTITIONS = "dst.node.partitions";
  static final String PRIMARIES = "dst.node.primaries";
  static final String PRIMARY = "dst.partition.primary";
  static final String LOG_END = "dst.partition.log.end";
  static final String COMMIT = "dst.partition.commit.offset";
  static final String ISR_SIZE = "dst.partition.isr.size";
  static final String REPLICAS = "dst.partition.replicas";
  static final String FOLLOWER_LAG = "dst.partition.follower.lag";

  private final MeterRegistry registry;
  private final ReplicaManager manager;
  private final Map<PartitionReplica, PartitionMeters> byReplica = new IdentityHashMap<>();

  ReplicationMetrics(MeterRegistry registry, ReplicaManager manager) {
    this.registry = registry;
    this.manager = manager;
    Gauge.builder(PARTITIONS, manager, m -> m.replicas().size())
        .description("Partition replicas this node hosts (primaries and followers)")
        .register(registry);
    Gauge.builder(PRIMARIES, manager, ReplicationMetrics::primaries)
        .description("Partitions this node is the primary of").register(registry);
  }

  private static double primaries(ReplicaManager m) {
    int n = 0;
    for (PartitionReplica r : m.replicas()) {
      if (r.role() == PartitionReplica.Role.PRIMARY) {
        n++;
      }
    }
    return n;
  }

  /** Registers gauges for new replicas, followers and roles; removes those that are gone. */
  synchronized void refresh() {
    Set<PartitionReplica> live = Collections.newSetFromMap(new IdentityHashMap<>());
    live.addAll(manager.replicas());
    byReplica.entrySet().removeIf(e -> {
      if (live.contains(e.getKey())) {
        return false;
      }
      e.getValue().removeAll();
      return true;
    });
    for (PartitionReplica r : live) {
      byReplica.computeIfAbsent(r, PartitionMeters::new).refresh();
    }
  }

  /** The gauges of one replica object (a re-opened partition is a new object with new gauges). */
  private final class PartitionMeters {
    private final PartitionReplica replica;
    private final Tags tags;
    private final List<Meter> always = new ArrayList<>();
    private final List<Meter> asPrimary = new ArrayList<>();
    private final Map<Integer, Meter> lagByFollower = new HashMap<>();

    PartitionMeters(PartitionReplica replica) {
      this.replica = replica;
      this.tags = Tags.of("table", replica.id().table(),
          "partition", String.valueOf(replica.id().partition()));
      always.add(gauge(PRIMARY, "1 while this node is the partition's primary, else 0",
          tags, r -> r.role() == PartitionReplica.Role.PRIMARY ? 1 : 0));
      always.add(gauge(LOG_END, "Offset after the last entry in this replica's log", tags,
          PartitionReplica::logEnd));
      always.add(gauge(COMMIT, "Highest offset this replica knows to be committed", tags,
          PartitionReplica::commitOffset));
    }

    void refresh() {
      boolean primary = replica.role() == PartitionReplica.Role.PRIMARY;
      if (primary && asPrimary.isEmpty()) {
        asPrimary.add(gauge(ISR_SIZE, "In-sync replicas of the partition, primary included",
            tags, r -> r.inSyncReplicas().size()));
        asPrimary.add(gauge(REPLICAS, "Replicas the partition's configuration lists", tags,
            PartitionReplica::replicaCount));
      } else if (!primary && !asPrimary.isEmpty()) {
        asPrimary.forEach(registry::remove);
        asPrimary.clear();
      }
      Set<Integer> followers = replica.followerNodes();
      lagByFollower.entrySet().removeIf(e -> {
        boolean gone = !followers.contains(e.getKey());
        if (gone) {
          registry.remove(e.getValue());
        }
        return gone;
      });
      for (int f : followers) {
        lagByFollower.computeIfAbsent(f, node -> gauge(FOLLOWER_LAG,
            "Log entries a follower is behind the primary's log end, as it last acknowledged "
                + "(NaN before its first acknowledgement)",
            tags.and("follower", String.valueOf(node)), r -> lagOrNaN(r.followerLag(node))));
      }
    }

    void removeAll() {
      always.forEach(registry::remove);
      asPrimary.forEach(registry::remove);
      lagByFollower.values().forEach(registry::remove);
    }

    private Meter gauge(String name, String description, Tags tags,
        ToDoubleFunction<PartitionReplica> f) {
      return Gauge.builder(name, replica, f).description(description).tags(tags)
          .register(registry);
    }
  }

  private static double lagOrNaN(long lag) {
    return lag < 0 ? Double.NaN : lag;
  }
}
