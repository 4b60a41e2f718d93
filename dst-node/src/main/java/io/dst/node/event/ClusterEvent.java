package io.dst.node.event;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One operator-visible cluster event (a failover, an in-sync set change, a leader transfer, a step
 * of a partition move, a decommission) with its fields in the order they were given.
 */
public record ClusterEvent(String name, Map<String, String> fields) {
  public ClusterEvent {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  /** A field's value, or null when the event has none of that name. */
  public String get(String key) {
    return fields.get(key);
  }

  /** The {@code event=NAME key=value ...} line this event is logged as. */
  public String line() {
    String rest = fields.entrySet().stream().map(e -> e.getKey() + "=" + quote(e.getValue()))
        .collect(Collectors.joining(" "));
    return "event=" + name + (rest.isEmpty() ? "" : " " + rest);
  }

  private static String quote(String v) {
    if (v.isEmpty() || v.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=')) {
      return '"' + v.replace("\"", "'") + '"';
    }
    return v;
  }
}
