package io.dst.node.metrics;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.Response;
import io.dst.node.transport.RequestHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a node's {@link RequestHandler} to time every request of the binary protocol by op and
 * kind (the mutation type of a write, the query type of a read) and count failures by error code.
 * Timers are looked up per request class through a {@link ClassValue}, so the hot path allocates
 * no meter ids and takes no lock.
 */
final class RequestMetrics implements RequestHandler {
  static final String REQUESTS = "dst.requests";
  static final String ERRORS = "dst.request.errors";

  private final RequestHandler delegate;
  private final MeterRegistry registry;
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();
  private final ClassValue<Timer> byKind = new ClassValue<>() {
    @Override
    protected Timer computeValue(Class<?> kind) {
      return timer(opOf(kind), snake(kind.getSimpleName()));
    }
  };

  RequestMetrics(RequestHandler delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public CompletableFuture<Response> handle(Message.Request request) {
    long start = System.nanoTime();
    Timer timer = timerOf(request);
    CompletableFuture<Response> answer;
    try {
      answer = delegate.handle(request);
    } catch (RuntimeException | LinkageError e) {
      timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      countError(request, codeOf(e));
      throw e;
    }
    return answer.whenComplete((response, error) -> {
      timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      if (response instanceof Response.Error e) {
        countError(request, e.code());
      } else if (error != null) {
        countError(request, codeOf(error));
      }
    });
  }

  private Timer timerOf(Message.Request request) {
    if (request instanceof DataRequest.Write w) {
      return byKind.get(w.mutation().getClass());
    }
    if (request instanceof DataRequest.Read r) {
      return byKind.get(r.query().getClass());
    }
    return byKind.get(request.getClass());
  }

  private Timer timer(String op, String kind) {
    return LatencyTimers.timer(registry, REQUESTS,
        "Requests served on the node's binary protocol, by op and mutation/query kind",
        Tags.of("op", op, "kind", kind));
  }

  /** Writes carry mutations, reads carry queries; anything else is a replication message. */
  private static String opOf(Class<?> kind) {
    if (io.dst.engine.log.Mutation.class.isAssignableFrom(kind)) {
      return "write";
    }
    if (io.dst.node.protocol.Query.class.isAssignableFrom(kind)) {
      return "read";
    }
    if (ReplicationRequest.class.isAssignableFrom(kind)) {
      return snake(kind.getSimpleName());
    }
    return "other";
  }

  private void countError(Message.Request request, ErrorCode code) {
    String op = request instanceof DataRequest.Write ? "write"
        : request instanceof DataRequest.Read ? "read" : snake(request.getClass().getSimpleName());
    errors.computeIfAbsent(op + '/' + code, k -> Counter.builder(ERRORS)
        .description("Requests on the binary protocol that failed, by op and error code")
        .tags("op", op, "code", code.name())
        .register(registry)).increment();
  }

  private static ErrorCode codeOf(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    return e instanceof DstException d ? d.code() : ErrorCode.INTERNAL;
  }

  /** {@code InstallSnapshot} -> {@code install_snapshot}. */
  static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
