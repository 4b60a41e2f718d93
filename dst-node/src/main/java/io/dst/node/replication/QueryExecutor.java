package io.dst.node.replication;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.api.KvStore;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.log.Mutation;
import io.dst.node.protocol.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a {@link Query} from one partition of the node's store. The store holds every partition
 * this node replicates, so answers that span keys (kv key listings, lookups) are restricted to the
 * asked partition here.
 */
public final class QueryExecutor {
  private final EmbeddedStore store;

  public QueryExecutor(EmbeddedStore store) {
    this.store = store;
  }

  public Object run(PartitionId p, Query q) {
    KvStore kv = store.kv();
    if (q instanceof Query.KvGet g) {
      return kv.get(g.key());
    } else if (q instanceof Query.KvExists e) {
      return kv.exists(e.key());
    } else if (q instanceof Query.KvType t) {
      return kv.type(t.key()).name();
    } else if (q instanceof Query.KvMultiGet m) {
      List<Object> pairs = new ArrayList<>(m.keys().size());
      for (String k : m.keys()) {
        try {
          pairs.add(java.util.Arrays.asList(null, kv.get(k)));
        } catch (io.dst.engine.DstException e) {
          pairs.add(java.util.Arrays.asList(e.code().name(), e.getMessage()));
        }
      }
      return pairs;
    } else if (q instanceof Query.KvTtl t) {
      return kv.ttlMillis(t.key());
    } else if (q instanceof Query.DictGetAll d) {
      return kv.dictGetAll(d.dict());
    } else if (q instanceof Query.DictGet d) {
      return kv.dictGet(d.dict(), d.field());
    } else if (q instanceof Query.DictKeys d) {
      return kv.dictKeys(d.dict());
    } else if (q instanceof Query.KvKeys k) {
      return ownKeys(p, k.pattern());
    } else if (q instanceof Query.KvSize) {
      return (long) ownKeys(p, "*").size();
    } else if (q instanceof Query.RowCount r) {
      List<Object[]> rows = table(r.table()).aggregate(p.partition(),
          new AggregateSpec(null, null, List.of(AggregateCall.countStar())));
      return rows.isEmpty() ? 0L : ((Number) rows.get(0)[0]).longValue();
    } else if (q instanceof Query.Scan s) {
      return drain(table(s.table()).scan(p.partition(), s.spec()));
    } else if (q instanceof Query.Aggregate a) {
      return new ArrayList<>(table(a.table()).aggregate(p.partition(), a.spec()));
    } else if (q instanceof Query.GetRow g) {
      return table(g.table()).get(g.primaryKey()).orElse(null);
    } else if (q instanceof Query.Lookup l) {
      ScanSpec spec = ScanSpec.filtered(new Predicate.Compare(l.column(), CompareOp.EQ, l.value()));
      if (l.projection() != null) {
        spec = spec.withProjection(l.projection());
      }
      return drain(table(l.table()).scan(p.partition(), spec));
    }
    throw new DstException(ErrorCode.UNSUPPORTED, "unknown query " + q);
  }

  private List<String> ownKeys(PartitionId p, String pattern) {
    List<String> out = new ArrayList<>();
    for (String k : store.kv().keys(pattern)) {
      if (Partitioner.partitionOf(k, Mutation.KV_PARTITIONS) == p.partition()) {
        out.add(k);
      }
    }
    return out;
  }

  private TableData table(String name) {
    return store.table(name).orElseThrow(() ->
        new DstException(ErrorCode.UNKNOWN_TABLE, "table " + name + " does not exist"));
  }

  private static List<Object[]> drain(RowCursor c) {
    List<Object[]> rows = new ArrayList<>();
    try (c) {
      while (c.hasNext()) {
        rows.add(c.next());
      }
    }
    return rows;
  }
}
