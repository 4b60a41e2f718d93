package io.dst.node.metrics;

import io.dst.node.resp.CommandObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times the node's Redis port by command name and counts the commands that answered an error.
 * Meters are created on a command's first use and cached by name (names come from the command
 * table, so their number is bounded; every unknown name shares the tag "unknown").
 */
final class RespCommandMetrics implements CommandObserver {
  static final String COMMANDS = "dst.redis.commands";
  static final String ERRORS = "dst.redis.command.errors";

  private final MeterRegistry registry;
  private final Map<String, Meters> byName = new ConcurrentHashMap<>();

  RespCommandMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void completed(String command, long nanos, boolean failed) {
    Meters m = byName.get(command);
    if (m == null) {
      m = byName.computeIfAbsent(command, this::meters);
    }
    m.timer.record(nanos, TimeUnit.NANOSECONDS);
    if (failed) {
      m.errors.increment();
    }
  }

  private Meters meters(String command) {
    return new Meters(
        LatencyTimers.timer(registry, COMMANDS, "Redis-protocol commands served, by command",
            Tags.of("command", command)),
        Counter.builder(ERRORS).description("Redis-protocol commands that answered an error")
            .tag("command", command).register(registry));
  }

  private record Meters(Timer timer, Counter errors) {}
}
