package io.dst.node;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.log.ApplyResult;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.ReplicaPosition;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.Response;
import io.dst.node.protocol.Wire;
import io.dst.node.replication.KvExpiry;
import io.dst.node.replication.PartitionReplica;
import io.dst.node.replication.QueryExecutor;
import io.dst.node.replication.ReplicaManager;
import io.dst.node.transport.RequestHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.dst.node.protocol.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Serves one node's requests: client reads and writes go to the partition's replica (which checks
 * that it is the primary of the client's epoch), replication messages to the replica they name.
 */
final class NodeRequestHandler implements RequestHandler {
  private final ReplicaManager replicas;
  private final QueryExecutor queries;
  private final long incarnation;
  private final Executor bulkReads;
  private final KvExpiry expiry;

  NodeRequestHandler(ReplicaManager replicas, QueryExecutor queries, long incarnation,
      Executor bulkReads, KvExpiry expiry) {
    this.replicas = replicas;
    this.expiry = expiry;
    this.queries = queries;
    this.incarnation = incarnation;
    this.bulkReads = bulkReads;
  }

  @Override
  public CompletableFuture<Response> handle(Message.Request request) {
    long rid = request.requestId();
    if (request instanceof DataRequest.Write w) {
      if (!w.mutation().target().equals(w.partition())) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, "the write belongs to partition "
            + w.mutation().target() + ", not " + w.partition());
      }
      PartitionReplica replica = replica(w.partition(), ErrorCode.NOT_PRIMARY);
      if (w.mutation() instanceof Mutation.KvBatch batch) {
        Mutation.KvBatch sent = expiry.withExpiries(batch);
        byte[] entry = sent == batch ? w.encoded() : LogEntryCodec.encode(sent);
        return replica.write(w.epoch(), entry, decoded(sent))
            .thenApply(result -> batchResponse(rid, result, batch, sent));
      }
      Mutation.DropExpired due = expiry.before(w.mutation());
      if (due != null) {
        // Appended ahead of the write, so the write finds its key absent; only the write answers.
        replica.write(w.epoch(), LogEntryCodec.encode(due), decoded(due));
      }
      return replica.write(w.epoch(), w.encoded(), decoded(w.mutation())).thenApply(result -> toResponse(rid, result));
    }
    if (request instanceof DataRequest.Read r) {
      PartitionReplica replica = replica(r.partition(), ErrorCode.NOT_PRIMARY);
      replica.checkServing(r.epoch());
      if (isBulk(r.query())) {
        // Scans may take a while: keep them off the event loop that also carries replication.
        return CompletableFuture.supplyAsync(() ->
            new Response.Ok(rid, value(queries.run(r.partition(), r.query()))), bulkReads);
      }
      return ok(rid, value(queries.run(r.partition(), r.query())));
    }
    ReplicationRequest rr = (ReplicationRequest) request;
    if (rr instanceof ReplicationRequest.LogEnd) {
      ReplicaPosition p = replicas.replica(rr.partition()).map(PartitionReplica::position)
          .orElse(new ReplicaPosition(-1, -1, -1, incarnation));
      return ok(rid, p.encode());
    }
    PartitionReplica replica = replica(rr.partition(), ErrorCode.UNAVAILABLE);
    ReplicaPosition p;
    if (rr instanceof ReplicationRequest.Handshake h) {
      p = replica.onHandshake(h);
    } else if (rr instanceof ReplicationRequest.Append a) {
      p = replica.onAppend(a);
    } else {
      p = replica.onInstallSnapshot((ReplicationRequest.InstallSnapshot) rr);
    }
    return ok(rid, p.encode());
  }

  /**
   * The write to hand the replica along with its bytes, so the primary skips decoding its own
   * entry; null when decoding might not give back an equal write (the replicas apply the bytes).
   */
  private static Mutation decoded(Mutation m) {
    return LogEntryCodec.roundTrips(m) ? m : null;
  }

  private static boolean isBulk(Query q) {
    return q instanceof Query.Scan || q instanceof Query.Aggregate || q instanceof Query.Lookup
        || q instanceof Query.KvKeys || q instanceof Query.KvSize || q instanceof Query.RowCount;
  }

  private PartitionReplica replica(PartitionId id, ErrorCode missing) {
    return replicas.replica(id).orElseThrow(() -> new DstException(missing,
        "this node holds no replica of partition " + id));
  }

  private static Response toResponse(long rid, ApplyResult result) {
    if (result.isOk()) {
      return new Response.Ok(rid, value(result.value()));
    }
    return new Response.Error(rid, result.error().code(), result.error().getMessage());
  }

  /**
   * A batch's answer: one [null, value] or [error code, message] pair per write the client sent
   * (the expiries the primary put in between are not answered).
   */
  private static Response batchResponse(long rid, ApplyResult result, Mutation.KvBatch asked,
      Mutation.KvBatch applied) {
    if (!result.isOk()) {
      return toResponse(rid, result);
    }
    List<?> results = (List<?>) result.value();
    List<Object> pairs = new ArrayList<>(asked.mutations().size());
    int next = 0;
    for (int i = 0; i < applied.mutations().size(); i++) {
      if (next < asked.mutations().size() && applied.mutations().get(i) == asked.mutations().get(next)) {
        ApplyResult r = (ApplyResult) results.get(i);
        pairs.add(r.isOk() ? Arrays.asList(null, r.value())
            : Arrays.asList(r.error().code().name(), r.error().getMessage()));
        next++;
      }
    }
    return new Response.Ok(rid, value(pairs));
  }

  private static CompletableFuture<Response> ok(long rid, byte[] body) {
    return CompletableFuture.completedFuture(new Response.Ok(rid, body));
  }

  static byte[] value(Object v) {
    ByteBuf buf = Unpooled.buffer(32);
    Wire.writeValue(buf, v);
    byte[] out = new byte[buf.readableBytes()];
    buf.readBytes(out);
    return out;
  }
}
