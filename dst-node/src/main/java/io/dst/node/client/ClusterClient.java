package io.dst.node.client;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import io.dst.node.meta.ClusterView;
import io.dst.node.meta.NodeInfo;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.Versioned;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.Query;
import io.dst.node.protocol.Response;
import io.dst.node.protocol.Wire;
import io.dst.node.transport.ConnectionPool;
import io.dst.node.transport.LocalNode;
import io.dst.node.transport.RequestNotSentException;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

/**
 * Routes reads and writes to partition primaries using the cached cluster metadata, and retries
 * while the cluster is settling: a NOT_PRIMARY or STALE_EPOCH answer (the cache was behind), a
 * partition without a primary (failover in progress) or NOT_ENOUGH_REPLICAS is retried with
 * backoff until the timeout, then reported as UNAVAILABLE (or NOT_ENOUGH_REPLICAS) naming the
 * partition and the last problem. A write whose fate is unknown (the connection dropped after it
 * was sent, or it timed out) is never retried blindly: the caller gets the error.
 */
final class ClusterClient {
  private final ClusterView view;
  private final ConnectionPool pool;
  private final Duration timeout;
  private final java.util.concurrent.Executor fanout;
  private final LocalNode local; // null: every node through a connection

  ClusterClient(ClusterView view, ConnectionPool pool, Duration timeout,
      java.util.concurrent.Executor fanout, LocalNode local) {
    this.view = view;
    this.pool = pool;
    this.timeout = timeout;
    this.fanout = fanout;
    this.local = local;
  }

  /** Sends to {@code node}: in process when it is the node this client lives in. */
  private CompletableFuture<Response> request(NodeInfo node,
      LongFunction<? extends Message.Request> build) {
    if (local != null && node.id() == local.nodeId()) {
      return local.send(build.apply(0), timeout);
    }
    return pool.get(node.host(), node.port()).thenCompose(conn -> conn.send(build, timeout));
  }

  ClusterView view() {
    return view;
  }

  Object write(Mutation m) {
    byte[] encoded = LogEntryCodec.encode(m);
    PartitionId p = m.target();
    return call(p, true, epoch -> id -> new DataRequest.Write(id, p, epoch, m, encoded));
  }

  Object read(PartitionId p, Query q) {
    return call(p, false, epoch -> id -> new DataRequest.Read(id, p, epoch, q));
  }

  /** One routed request of {@link #sendAll}. */
  record Call(PartitionId partition, boolean write, RequestFactory factory) {
    static Call write(Mutation m) {
      byte[] encoded = LogEntryCodec.encode(m);
      PartitionId p = m.target();
      return new Call(p, true, epoch -> id -> new DataRequest.Write(id, p, epoch, m, encoded));
    }

    static Call read(PartitionId p, Query q) {
      return new Call(p, false, epoch -> id -> new DataRequest.Read(id, p, epoch, q));
    }
  }

  /**
   * Sends every call at once (pipelined on the primaries' connections) without blocking the
   * caller; the future gives the results in order, a failure as its {@link DstException} in the
   * list. A call refused before it could apply (stale route, no primary, too few in-sync replicas,
   * not sent) goes on through {@link #call}'s blocking retry loop on the fan-out pool, so only a
   * settling cluster costs a thread; a write whose fate is unknown is reported, never retried.
   */
  CompletableFuture<List<Object>> sendAll(List<Call> calls) {
    @SuppressWarnings("unchecked")
    CompletableFuture<Object>[] outcomes = new CompletableFuture[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      outcomes[i] = send(calls.get(i));
    }
    if (outcomes.length == 1) {
      return outcomes[0].thenApply(ClusterClient::listOf);
    }
    return CompletableFuture.allOf(outcomes).thenApply(v -> {
      List<Object> out = new ArrayList<>(outcomes.length);
      for (CompletableFuture<Object> f : outcomes) {
        out.add(f.join());
      }
      return out;
    });
  }

  private static List<Object> listOf(Object one) {
    List<Object> out = new ArrayList<>(1);
    out.add(one);
    return out;
  }

  /** One call's outcome: its value or its DstException; the future itself never fails. */
  private CompletableFuture<Object> send(Call c) {
    Optional<Versioned<PartitionState>> state = view.partition(c.partition());
    Optional<NodeInfo> node = state.filter(s -> s.value().hasPrimary())
        .flatMap(s -> view.node(s.value().primary()));
    if (node.isEmpty()) {
      return retrying(c);
    }
    long epoch = state.get().value().epoch();
    return request(node.get(), c.factory().forEpoch(epoch))
        .handle((r, err) -> err == null ? answer(c, r) : failure(c, err))
        .thenCompose(o -> o == RETRY ? retrying(c) : CompletableFuture.completedFuture(o));
  }

  /** Marks an outcome that must go through the retry loop. */
  private static final Object RETRY = new Object();

  private Object answer(Call c, Response r) {
    if (r instanceof Response.Ok ok) {
      try {
        return Wire.readValue(Unpooled.wrappedBuffer(ok.body()));
      } catch (DstException e) {
        return e;
      }
    }
    Response.Error e = (Response.Error) r;
    return retryable(e.code(), c.write()) ? RETRY : new DstException(e.code(), e.message());
  }

  private Object failure(Call c, Throwable thrown) {
    Throwable cause = thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
        ? thrown.getCause() : thrown;
    DstException err = cause instanceof DstException d ? d
        : new DstException(ErrorCode.UNAVAILABLE, String.valueOf(cause), cause);
    if (err.code() == ErrorCode.TIMEOUT) {
      return new DstException(ErrorCode.TIMEOUT, "partition " + c.partition() + ": no answer "
          + "within " + timeout.toMillis() + " ms" + (c.write()
              ? "; the write may or may not have been applied" : ""), err);
    }
    if (err instanceof RequestNotSentException || !c.write()) {
      return RETRY;
    }
    return new DstException(err.code(), err.getMessage() + "; the write to partition "
        + c.partition() + " may or may not have been applied", err);
  }

  private CompletableFuture<Object> retrying(Call c) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return call(c.partition(), c.write(), c.factory());
      } catch (DstException e) {
        return e;
      }
    }, fanout);
  }

  /** Runs {@code calls} in parallel and returns their results in order. */
  List<Object> all(List<java.util.function.Supplier<Object>> calls) {
    if (calls.size() == 1) {
      List<Object> one = new ArrayList<>(1);
      one.add(calls.get(0).get());
      return one;
    }
    List<CompletableFuture<Object>> fs = new ArrayList<>();
    for (var c : calls) {
      fs.add(CompletableFuture.supplyAsync(c::get, fanout));
    }
    List<Object> out = new ArrayList<>();
    for (CompletableFuture<Object> f : fs) {
      try {
        out.add(f.join());
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof DstException d) {
          throw new DstException(d.code(), d.getMessage(), d);
        }
        throw e;
      }
    }
    return out;
  }

  interface RequestFactory {
    LongFunction<? extends Message.Request> forEpoch(long epoch);
  }

  private Object call(PartitionId p, boolean write, RequestFactory factory) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long backoffMillis = 2;
    DstException last = null;
    while (true) {
      Optional<Versioned<PartitionState>> state = view.partition(p);
      Optional<NodeInfo> node = state.filter(s -> s.value().hasPrimary())
          .flatMap(s -> view.node(s.value().primary()));
      if (state.isEmpty()) {
        last = new DstException(ErrorCode.UNAVAILABLE, "partition " + p + " is not assigned yet");
      } else if (node.isEmpty()) {
        last = new DstException(ErrorCode.UNAVAILABLE, "partition " + p + " has no live primary"
            + " (in-sync replicas " + state.get().value().isr() + ")");
      } else {
        long epoch = state.get().value().epoch();
        long remaining = deadline - System.nanoTime();
        try {
          Response r = request(node.get(), factory.forEpoch(epoch))
              .get(Math.max(1, remaining), TimeUnit.NANOSECONDS);
          if (r instanceof Response.Ok ok) {
            return Wire.readValue(Unpooled.wrappedBuffer(ok.body()));
          }
          Response.Error e = (Response.Error) r;
          DstException err = new DstException(e.code(), e.message());
          if (!retryable(e.code(), write)) {
            throw err;
          }
          last = err;
        } catch (ExecutionException e) {
          DstException err = e.getCause() instanceof DstException d ? d
              : new DstException(ErrorCode.UNAVAILABLE, String.valueOf(e.getCause()), e.getCause());
          boolean safe = err instanceof RequestNotSentException || !write;
          if (!safe) {
            throw new DstException(err.code(), err.getMessage()
                + "; the write to partition " + p + " may or may not have been applied", err);
          }
          last = err;
        } catch (TimeoutException e) {
          last = new DstException(ErrorCode.TIMEOUT, "no answer from node " + node.get().id());
          if (write) {
            throw new DstException(ErrorCode.TIMEOUT, "partition " + p + ": node "
                + node.get().id() + " did not confirm the write within " + timeout.toMillis()
                + " ms; it may or may not have been applied", e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DstException(ErrorCode.UNAVAILABLE, "interrupted", e);
        }
      }
      if (System.nanoTime() + backoffMillis * 1_000_000 > deadline) {
        ErrorCode code = last.code() == ErrorCode.NOT_ENOUGH_REPLICAS
            ? ErrorCode.NOT_ENOUGH_REPLICAS : ErrorCode.UNAVAILABLE;
        throw new DstException(code, "the cluster could not serve partition " + p + " within "
            + timeout.toMillis() + " ms: " + last.getMessage(), last);
      }
      try {
        Thread.sleep(backoffMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DstException(ErrorCode.UNAVAILABLE, "interrupted", e);
      }
      backoffMillis = Math.min(backoffMillis * 2, 100);
    }
  }

  private static boolean retryable(ErrorCode code, boolean write) {
    return switch (code) {
      case NOT_PRIMARY, STALE_EPOCH, NOT_ENOUGH_REPLICAS -> true;
      case UNAVAILABLE, TIMEOUT -> !write;
      default -> false;
    };
  }
}
