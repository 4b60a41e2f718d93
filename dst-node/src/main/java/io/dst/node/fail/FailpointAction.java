package io.dst.node.fail;

import java.util.Locale;

/**
 * What an enabled failpoint does when hit: {@code crash} halts the JVM with status 137 (as kill -9
 * would), {@code pause:MS} sleeps, {@code error} throws; a {@code once:} prefix fires it only on the
 * first hit.
 */
public record FailpointAction(Kind kind, long pauseMillis, boolean once) {

  /** The three effects a failpoint can have. */
  public enum Kind { CRASH, PAUSE, ERROR }

  public FailpointAction {
    if (pauseMillis < 0) {
      throw new IllegalArgumentException("failpoint pause must not be negative: " + pauseMillis);
    }
  }

  /** Parses {@code crash}, {@code pause:MS}, {@code error}, each optionally prefixed by {@code once:}. */
  public static FailpointAction parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    boolean once = s.startsWith("once:");
    if (once) {
      s = s.substring("once:".length());
    }
    if (s.equals("crash")) {
      return new FailpointAction(Kind.CRASH, 0, once);
    }
    if (s.equals("error")) {
      return new FailpointAction(Kind.ERROR, 0, once);
    }
    if (s.startsWith("pause:")) {
      try {
        return new FailpointAction(Kind.PAUSE, Long.parseLong(s.substring("pause:".length())), once);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("failpoint pause needs milliseconds: " + text, e);
      }
    }
    throw new IllegalArgumentException("unknown failpoint action '" + text
        + "'; expected crash, pause:MS or error, optionally prefixed by once:");
  }
}
