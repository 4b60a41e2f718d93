package io.dst.node.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partition's log on disk, as a sequence of segment files named by the offset of their first
 * entry ({@code 00000000000000000042.seg}). Each entry is stored as {@code int payloadLength | int
 * crc32c | long offset | long epoch | payload}, the CRC covering offset, epoch and payload. On open,
 * the segments are read back and the log is cut at the first torn or corrupt entry (a crash in the
 * middle of an append). The entries from {@link #start()} to {@link #end()} are also kept in memory
 * for shipping to replicas; {@link #deleteBefore} drops what a snapshot has made redundant.
 *
 * <p>Terms: <b>start</b> is the first offset held, <b>end</b> the offset the next append gets.
 * <b>Written</b> counts the bytes ever appended through this object and <b>forced</b> how many of
 * them a completed fsync covers; {@link #force} is a no-op when the two are equal, so a periodic
 * flusher costs nothing on an idle partition.
 *
 * <p>An append only encodes the entry into a buffer in memory; {@link #writeOut} writes everything
 * buffered to the file (the page cache) in one positional write, and {@link #force} does so before
 * its fsync. A replica writes out once per round of replication rather than once per entry, which
 * at a few dozen concurrent writers saves most of the system calls. <b>Buffered</b> entries are
 * those appended but not yet written out; a process crash loses them, as it loses the unforced
 * tail under the INTERVAL and NONE policies.
 */
public final class SegmentedLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SegmentedLog.class);
  static final int HEADER = 24;
  static final String SUFFIX = ".seg";

  private final Path dir;
  private final long segmentBytes;
  private final TreeMap<Long, Path> segments = new TreeMap<>();
  private final List<LogEntry> entries = new ArrayList<>();
  private long[] positions = new long[1024];
  private long start;
  private FileChannel active;
  private long activeBase;
  /** Bytes in the active segment, the buffered ones included: where the next append goes. */
  private long activeSize;
  /** Entries appended but not yet written to the active segment, which they continue. */
  private ByteBuffer buffered = ByteBuffer.allocate(BUFFER_INITIAL);
  private static final int BUFFER_INITIAL = 16 * 1024;
  /** Past this many buffered bytes an append writes out by itself. */
  static final int BUFFER_LIMIT = 256 * 1024;
  private long written;
  /** Guarded by {@link #forceLock}, not the log's monitor, so appends go on during an fsync. */
  private volatile long forced;
  private long fsyncs;
  private final Object forceLock = new Object();

  private SegmentedLog(Path dir, long segmentBytes) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
  }

  /**
   * Opens (or creates) the log in {@code dir}. Entries below {@code floor} (the offset of the
   * snapshot the caller restored) are not loaded; an empty log starts at {@code floor}.
   */
  public static SegmentedLog open(Path dir, long floor, long segmentBytes) {
    SegmentedLog l = new SegmentedLog(dir, segmentBytes);
    try {
      Files.createDirectories(dir);
      l.recover(floor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open log in " + dir, e);
    }
    return l;
  }

  private void recover(long floor) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).forEach(p -> {
        String name = p.getFileName().toString();
        segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), p);
      });
    }
    start = floor;
    long expected = -1;
    boolean cut = false;
    for (Map.Entry<Long, Path> seg : new ArrayList<>(segments.entrySet())) {
      if (cut) {
        log.warn("log {}: deleting segment {} after a corrupt entry", dir, seg.getValue());
        Files.delete(seg.getValue());
        segments.remove(seg.getKey());
        continue;
      }
      if (expected >= 0 && seg.getKey() != expected) {
        log.warn("log {}: segment {} does not continue at offset {}; dropping it and later ones",
            dir, seg.getValue(), expected);
        cut = true;
        Files.delete(seg.getValue());
        segments.remove(seg.getKey());
        continue;
      }
      expected = seg.getKey();
      long validBytes = 0;
      try (FileChannel ch = FileChannel.open(seg.getValue(), StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        long size = ch.size();
        ByteBuffer head = ByteBuffer.allocate(HEADER);
        while (validBytes < size) {
          head.clear();
          if (readFully(ch, head, validBytes) < HEADER) {
            break;
          }
          head.flip();
          int length = head.getInt();
          int crc = head.getInt();
          long offset = head.getLong();
          long epoch = head.getLong();
          if (length < 0 || validBytes + HEADER + length > size || offset != expected) {
            break;
          }
          ByteBuffer body = ByteBuffer.allocate(length);
          readFully(ch, body, validBytes + HEADER);
          byte[] payload = body.array();
          if (Crc.of(offset, epoch, payload) != crc) {
            break;
          }
          if (offset >= floor) {
            if (entries.isEmpty()) {
              start = offset;
            }
            remember(new LogEntry(offset, epoch, payload), validBytes);
          }
          validBytes += HEADER + length;
          expected++;
        }
        if (validBytes < size) {
          log.warn("log {}: cutting torn or corrupt tail of {} at byte {} of {} (offset {})", dir,
              seg.getValue().getFileName(), validBytes, size, expected);
          ch.truncate(validBytes);
          ch.force(true);
          cut = true;
        }
      }
    }
    long diskEnd = expected;
    if (entries.isEmpty()) {
      start = floor;
      if (diskEnd != floor && !segments.isEmpty()) {
        // The snapshot is ahead of what the disk holds: the old segments are useless.
        log.warn("log {}: segments end at {} but the snapshot is at {}; starting over there", dir,
            diskEnd, floor);
        for (Path p : segments.values()) {
          Files.deleteIfExists(p);
        }
        segments.clear();
      }
    }
    if (segments.isEmpty()) {
      startSegment(start);
    } else {
      Map.Entry<Long, Path> last = segments.lastEntry();
      activeBase = last.getKey();
      active = FileChannel.open(last.getValue(), StandardOpenOption.WRITE);
      activeSize = active.size();
    }
  }

  private static int readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private void startSegment(long base) throws IOException {
    writeBuffered();
    if (active != null) {
      // The flusher only ever forces the active segment, so the one being left is forced here.
      active.force(false);
      active.close();
    }
    Path p = dir.resolve(String.format("%020d%s", base, SUFFIX));
    active = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    activeBase = base;
    activeSize = 0;
    segments.put(base, p);
  }

  private void remember(LogEntry e, long position) {
    int i = entries.size();
    if (i == positions.length) {
      positions = java.util.Arrays.copyOf(positions, i * 2);
    }
    positions[i] = position;
    entries.add(e);
  }

  public synchronized long start() {
    return start;
  }

  public synchronized long end() {
    return start + entries.size();
  }

  /** Epoch of the last entry, or -1 when the log holds none. */
  public synchronized long lastEpoch() {
    return entries.isEmpty() ? -1 : entries.get(entries.size() - 1).epoch();
  }

  /** Appends an entry at {@link #end()} and returns its offset. Not forced to disk: see {@link #force}. */
  public synchronized long append(long epoch, byte[] payload) {
    long offset = end();
    try {
      if (activeSize >= segmentBytes) {
        startSegment(offset);
      }
      int size = HEADER + payload.length;
      if (buffered.remaining() < size) {
        if (buffered.position() > 0 && buffered.position() + size > BUFFER_LIMIT) {
          writeBuffered();
        }
        if (buffered.remaining() < size) {
          ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffered.capacity() * 2,
              buffered.position() + size));
          buffered.flip();
          buffered = bigger.put(buffered);
        }
      }
      buffered.putInt(payload.length).putInt(Crc.of(offset, epoch, payload)).putLong(offset)
          .putLong(epoch).put(payload);
      long position = activeSize;
      activeSize = position + size;
      written += size;
      remember(new LogEntry(offset, epoch, payload), position);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to log " + dir, e);
    }
    return offset;
  }

  /** Writes the buffered entries to the file (not forced to disk: see {@link #force}). */
  public synchronized void writeOut() {
    try {
      writeBuffered();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to log " + dir, e);
    }
  }

  private void writeBuffered() throws IOException {
    if (buffered.position() == 0) {
      return;
    }
    buffered.flip();
    long position = activeSize - buffered.remaining();
    while (buffered.hasRemaining()) {
      active.write(buffered, position + buffered.position());
    }
    buffered.clear();
    if (buffered.capacity() > BUFFER_LIMIT) {
      buffered = ByteBuffer.allocate(BUFFER_INITIAL); // a one-off huge entry keeps no memory
    }
  }

  /** The entry at {@code offset} (start ≤ offset &lt; end). */
  public synchronized LogEntry get(long offset) {
    return entries.get(Math.toIntExact(offset - start));
  }

  /** Up to {@code max} entries from {@code from} (start ≤ from ≤ end). */
  public synchronized List<LogEntry> read(long from, int max) {
    int i = Math.toIntExact(from - start);
    int j = (int) Math.min(entries.size(), (long) i + max);
    return new ArrayList<>(entries.subList(i, j));
  }

  /** Removes every entry at or after {@code offset}, on disk too. */
  public synchronized void truncate(long offset) {
    if (offset >= end()) {
      return;
    }
    if (offset < start) {
      throw new IllegalArgumentException("cannot truncate log " + dir + " to " + offset
          + ", below its start " + start);
    }
    try {
      writeBuffered();
      int keep = Math.toIntExact(offset - start);
      long cutPosition = positions[keep];
      Long base = segments.floorKey(offset);
      for (Long later : new ArrayList<>(segments.tailMap(base, false).keySet())) {
        Files.deleteIfExists(segments.remove(later));
      }
      if (base != activeBase) {
        active.close();
        active = FileChannel.open(segments.get(base), StandardOpenOption.WRITE);
        activeBase = base;
      }
      active.truncate(cutPosition);
      activeSize = cutPosition;
      active.force(true);
      entries.subList(keep, entries.size()).clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot truncate log " + dir, e);
    }
  }

  /**
   * Drops the entries below {@code offset} that a durable snapshot now covers: whole segment files
   * below it are deleted, and a new segment is started so that the next snapshot can free this one.
   */
  public synchronized void deleteBefore(long offset) {
    if (offset <= start) {
      return;
    }
    long cut = Math.min(offset, end());
    int drop = Math.toIntExact(cut - start);
    entries.subList(0, drop).clear();
    System.arraycopy(positions, drop, positions, 0, entries.size());
    start = cut;
    try {
      if (activeBase < end() && activeSize > 0) {
        startSegment(end());
      }
      Long keepFrom = segments.floorKey(start);
      for (Long older : new ArrayList<>(segments.headMap(keepFrom, false).keySet())) {
        Files.deleteIfExists(segments.remove(older));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete old segments of log " + dir, e);
    }
  }

  /** Empties the log and restarts it at {@code offset} (after installing a snapshot taken there). */
  public synchronized void resetTo(long offset) {
    try {
      buffered.clear(); // entries about to be deleted
      active.close();
      for (Path p : segments.values()) {
        Files.deleteIfExists(p);
      }
      segments.clear();
      entries.clear();
      start = offset;
      active = null;
      startSegment(offset);
      active.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reset log " + dir, e);
    }
  }

  /**
   * Forces every entry appended before the call to disk. Returns at once when nothing was appended
   * since the last fsync. The fsync itself runs outside the log's monitor, so appends (and the
   * replication that waits on them) are not stalled behind the disk; concurrent callers share one.
   */
  public void force() {
    FileChannel ch;
    long target;
    synchronized (this) {
      writeOut();
      target = written;
      ch = active;
    }
    synchronized (forceLock) {
      if (forced >= target) {
        return;
      }
      try {
        fsyncs++;
        ch.force(false);
      } catch (java.nio.channels.ClosedChannelException e) {
        // The segment was rolled (forced before closing) or the log closed meanwhile.
      } catch (IOException e) {
        throw new UncheckedIOException("cannot fsync log " + dir, e);
      }
      forced = Math.max(forced, target);
    }
  }

  /** How many fsyncs {@link #force} has issued; for tests. */
  long fsyncsIssued() {
    synchronized (forceLock) {
      return fsyncs;
    }
  }

  @Override
  public synchronized void close() {
    try {
      writeBuffered();
      if (written > forced) {
        active.force(false); // a clean shutdown leaves nothing to the interval flusher
      }
      active.close();
    } catch (IOException e) {
      log.warn("closing log {}: {}", dir, e.toString());
    }
  }
}
