package io.dst.node.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition's epoch history, after Kafka's LeaderEpochFileCache: for each epoch in which this
 * replica's log received entries, the <b>start offset</b> of that epoch's first entry. The history
 * answers "where does epoch e end in my log?" ({@link #endOffsetFor}), which is where a replica whose
 * last entry is from epoch e must cut its log to match this one (replication rule 7). Every change is
 * written to the file {@code epochs} (write to a temp file, fsync, atomic rename) before it is used,
 * so the history survives crashes (rule 9). Epochs only increase.
 */
public final class EpochHistory {
  /** One epoch and the offset of its first entry. */
  public record EpochStart(long epoch, long startOffset) {}

  private final Path file;
  private final List<EpochStart> starts = new ArrayList<>();

  private EpochHistory(Path file) {
    this.file = file;
  }

  public static EpochHistory open(Path dir) {
    EpochHistory h = new EpochHistory(dir.resolve("epochs"));
    try {
      Files.createDirectories(dir);
      if (Files.exists(h.file)) {
        for (String line : Files.readAllLines(h.file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            String[] parts = line.trim().split(" ");
            h.starts.add(new EpochStart(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read epoch history " + h.file, e);
    }
    return h;
  }

  /** The newest epoch recorded, or -1. */
  public synchronized long latestEpoch() {
    return starts.isEmpty() ? -1 : starts.get(starts.size() - 1).epoch();
  }

  public synchronized List<EpochStart> entries() {
    return List.copyOf(starts);
  }

  /**
   * Records that {@code epoch} starts at {@code startOffset}. Re-recording the latest epoch is a
   * no-op; an epoch older than the latest is refused, since epochs only increase.
   */
  public synchronized void assign(long epoch, long startOffset) {
    long latest = latestEpoch();
    if (epoch == latest) {
      return;
    }
    if (epoch < latest) {
      throw new IllegalStateException(
          "epoch " + epoch + " is older than the latest recorded epoch " + latest + " in " + file);
    }
    // An epoch that starts where the previous one did never received an entry; forget it.
    while (!starts.isEmpty() && starts.get(starts.size() - 1).startOffset() >= startOffset) {
      starts.remove(starts.size() - 1);
    }
    starts.add(new EpochStart(epoch, startOffset));
    persist();
  }

  /**
   * The offset at which this log stops holding entries of {@code epoch} or older: the start of the
   * first later epoch, or {@code logEnd} when no later epoch exists. A replica whose last entry is
   * from {@code epoch} keeps its entries below this offset and truncates the rest.
   */
  public synchronized long endOffsetFor(long epoch, long logEnd) {
    for (EpochStart s : starts) {
      if (s.epoch() > epoch) {
        return s.startOffset();
      }
    }
    return logEnd;
  }

  /** Forgets epochs that started at or after {@code offset}, after the log was truncated there. */
  public synchronized void truncateFromEnd(long offset) {
    boolean changed = false;
    while (!starts.isEmpty() && starts.get(starts.size() - 1).startOffset() >= offset) {
      starts.remove(starts.size() - 1);
      changed = true;
    }
    if (changed) {
      persist();
    }
  }

  /** Replaces the history with one epoch (after installing a snapshot whose last entry had it). */
  public synchronized void reset(long epoch, long startOffset) {
    starts.clear();
    if (epoch >= 0) {
      starts.add(new EpochStart(epoch, startOffset));
    }
    persist();
  }

  private void persist() {
    StringBuilder sb = new StringBuilder();
    for (EpochStart s : starts) {
      sb.append(s.epoch()).append(' ').append(s.startOffset()).append('\n');
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write epoch history " + file, e);
    }
  }
}
