package io.dst.node.log;

import java.time.Duration;
import java.util.Locale;

/**
 * When log appends are forced to disk. ALWAYS: before a write is acknowledged (by the primary) or an
 * append is confirmed (by a replica). INTERVAL: by a background flusher every {@code interval}.
 * NONE: whenever the OS decides; acknowledged writes then survive a process crash but not a power
 * loss of every replica at once.
 */
public record FsyncPolicy(Mode mode, Duration interval) {
  /** The three policies. */
  public enum Mode { ALWAYS, INTERVAL, NONE }

  public static FsyncPolicy always() {
    return new FsyncPolicy(Mode.ALWAYS, Duration.ZERO);
  }

  public static FsyncPolicy none() {
    return new FsyncPolicy(Mode.NONE, Duration.ZERO);
  }

  public static FsyncPolicy every(Duration interval) {
    return new FsyncPolicy(Mode.INTERVAL, interval);
  }

  /** Parses "always", "none" or "interval:&lt;millis&gt;" (as given on a command line). */
  public static FsyncPolicy parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("always")) {
      return always();
    }
    if (t.equals("none")) {
      return none();
    }
    if (t.startsWith("interval:")) {
      return every(Duration.ofMillis(Long.parseLong(t.substring("interval:".length()))));
    }
    throw new IllegalArgumentException(
        "fsync policy must be always, none or interval:<millis>, got " + text);
  }
}
