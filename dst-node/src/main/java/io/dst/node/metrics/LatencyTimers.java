package io.dst.node.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The one histogram layout every Dst latency timer uses, so dashboards can aggregate them: a
 * percentile histogram between 50 µs and 10 s plus exact buckets at the latency objectives an
 * operator alerts on (1, 5, 10, 50, 100, 500 ms).
 */
final class LatencyTimers {
  private static final Duration[] OBJECTIVES = {
      Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(500)};

  private LatencyTimers() {}

  static Timer timer(MeterRegistry registry, String name, String description, Tags tags) {
    return Timer.builder(name)
        .description(description)
        .tags(tags)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(50_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .serviceLevelObjectives(OBJECTIVES)
        .register(registry);
  }
}
