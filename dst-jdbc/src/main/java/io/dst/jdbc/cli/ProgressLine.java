package io.dst.jdbc.cli;

import java.io.PrintStream;

/**
 * A one-line progress display ({@code rows, MB, MB/s}) redrawn in place with {@code \r} at most five
 * times a second. It prints nothing unless enabled, which the commands do only when their output is
 * a terminal, so piped output stays clean.
 */
final class ProgressLine {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final boolean enabled;
  private final String verb;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int lastWidth;

  ProgressLine(PrintStream out, boolean enabled, String verb) {
    this.out = out;
    this.enabled = enabled;
    this.verb = verb;
  }

  /** Shows the counts if the last redraw is old enough; bytes may be -1 when unknown. */
  void update(long rows, long bytes) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    draw(text(rows, bytes, now));
  }

  /** Clears the line, so the command's summary starts at column one. */
  void finish() {
    if (enabled && lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      out.flush();
    }
  }

  String text(long rows, long bytes, long now) {
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    StringBuilder b = new StringBuilder(String.format("%s %,d rows (%,.0f rows/s)", verb, rows, rows / seconds));
    if (bytes >= 0) {
      b.append(String.format(", %.1f MB at %.1f MB/s", bytes / 1e6, bytes / 1e6 / seconds));
    }
    return b.toString();
  }

  private void draw(String text) {
    String padded = text.length() < lastWidth ? text + " ".repeat(lastWidth - text.length()) : text;
    out.print("\r" + padded);
    out.flush();
    lastWidth = text.length();
  }
}
