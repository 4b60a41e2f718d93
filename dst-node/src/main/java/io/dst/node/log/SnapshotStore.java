package io.dst.node.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable snapshots of a partition's applied state. A snapshot at <b>offset</b> S holds the state
 * after applying log entries 0..S-1; <b>lastEpoch</b> is the epoch of entry S-1. Files are {@code
 * <offset>.snap}: magic, offset, lastEpoch, body length, body, CRC32C of the body. Written to a temp
 * file, fsynced and renamed; the newest valid one is used and older ones are deleted.
 */
public final class SnapshotStore {
  private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);
  private static final int MAGIC = 0x44535453; // "DSTS"

  /** A loaded snapshot. */
  public record Snapshot(long offset, long lastEpoch, byte[] state) {}

  private final Path dir;

  public SnapshotStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void save(Snapshot s) {
    ByteBuffer head = ByteBuffer.allocate(24).putInt(MAGIC).putLong(s.offset())
        .putLong(s.lastEpoch()).putInt(s.state().length).flip();
    CRC32C crc = new CRC32C();
    crc.update(s.state());
    ByteBuffer tail = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
    Path file = dir.resolve(String.format("%020d.snap", s.offset()));
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(new ByteBuffer[] {head, ByteBuffer.wrap(s.state()), tail});
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write snapshot " + file, e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      for (Path old : files()) {
        if (!old.equals(file)) {
          Files.deleteIfExists(old);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install snapshot " + file, e);
    }
  }

  /** The newest snapshot that reads back intact. */
  public Optional<Snapshot> latest() {
    List<Path> all = files();
    for (int i = all.size() - 1; i >= 0; i--) {
      Path p = all.get(i);
      try {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p));
        if (b.remaining() < 28 || b.getInt() != MAGIC) {
          throw new IOException("bad header");
        }
        long offset = b.getLong();
        long lastEpoch = b.getLong();
        int n = b.getInt();
        if (n < 0 || b.remaining() != n + 4) {
          throw new IOException("bad length " + n);
        }
        byte[] state = new byte[n];
        b.get(state);
        CRC32C crc = new CRC32C();
        crc.update(state);
        if ((int) crc.getValue() != b.getInt()) {
          throw new IOException("CRC32C mismatch");
        }
        return Optional.of(new Snapshot(offset, lastEpoch, state));
      } catch (IOException e) {
        log.warn("snapshot {} is unreadable ({}); trying an older one", p, e.getMessage());
      }
    }
    return Optional.empty();
  }

  private List<Path> files() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".snap")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
