package io.dst.node.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedLogTest {
  @TempDir
  Path dir;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> payloads(SegmentedLog log) {
    return log.read(log.start(), Integer.MAX_VALUE).stream()
        .map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void shouldReadBackEveryEntryAfterReopenAcrossSegments() {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 100)) {
      for (int i = 0; i < 20; i++) {
        assertThat(log.append(i < 10 ? 1 : 2, bytes("e" + i))).isEqualTo(i);
      }
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 100)) {
      assertThat(log.start()).isZero();
      assertThat(log.end()).isEqualTo(20);
      assertThat(log.get(15).epoch()).isEqualTo(2);
      assertThat(payloads(log)).startsWith("e0", "e1").endsWith("e19");
      assertThat(log.append(3, bytes("e20"))).isEqualTo(20);
    }
  }

  @Test
  void shouldCutATornTailOnRecovery() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      for (int i = 0; i < 3; i++) {
        log.append(1, bytes("entry-" + i));
      }
    }
    Path seg = onlySegment();
    try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
      f.setLength(f.length() - 3);
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      assertThat(payloads(log)).containsExactly("entry-0", "entry-1");
      assertThat(log.append(1, bytes("again"))).isEqualTo(2);
    }
  }

  @Test
  void shouldDropEntriesFromTheFirstCrcMismatch() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      for (int i = 0; i < 3; i++) {
        log.append(1, bytes("entry-" + i));
      }
    }
    Path seg = onlySegment();
    try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
      long second = SegmentedLog.HEADER + "entry-0".length();
      f.seek(second + SegmentedLog.HEADER + 2);
      f.write('X');
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      assertThat(payloads(log)).containsExactly("entry-0");
    }
  }

  @Test
  void shouldTruncateAcrossSegmentsDurably() {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 60)) {
      for (int i = 0; i < 10; i++) {
        log.append(1, bytes("e" + i));
      }
      log.truncate(3);
      assertThat(log.end()).isEqualTo(3);
      log.append(2, bytes("x3"));
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 60)) {
      assertThat(payloads(log)).containsExactly("e0", "e1", "e2", "x3");
      assertThat(log.lastEpoch()).isEqualTo(2);
    }
  }

  @Test
  void shouldForgetEntriesCoveredByASnapshot() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      for (int i = 0; i < 10; i++) {
        log.append(1, bytes("e" + i));
      }
      log.deleteBefore(6);
      log.append(1, bytes("e10"));
      log.deleteBefore(11);
      assertThat(log.start()).isEqualTo(11);
      log.append(1, bytes("e11"));
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 11, 1 << 20)) {
      assertThat(log.start()).isEqualTo(11);
      assertThat(payloads(log)).containsExactly("e11");
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.count()).as("older segments deleted").isLessThanOrEqualTo(2);
    }
  }

  @Test
  void shouldRestartAtTheSnapshotOffsetAfterReset() {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      log.append(1, bytes("old"));
      log.resetTo(500);
      assertThat(log.append(4, bytes("new"))).isEqualTo(500);
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 500, 1 << 20)) {
      assertThat(log.start()).isEqualTo(500);
      assertThat(payloads(log)).containsExactly("new");
    }
  }

  private Path onlySegment() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
    }
  }

  @Test
  void shouldSkipTheFsyncWhenNothingWasAppendedSinceTheLastOne() {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      log.force();
      assertThat(log.fsyncsIssued()).isZero();
      log.append(1, bytes("a"));
      log.force();
      log.force();
      assertThat(log.fsyncsIssued()).isEqualTo(1);
      log.append(1, bytes("b"));
      log.force();
      assertThat(log.fsyncsIssued()).isEqualTo(2);
    }
  }

  @Test
  void shouldKeepAppendingAtTheRightPlaceAfterATruncateAndAReopen() {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      for (int i = 0; i < 5; i++) {
        log.append(1, bytes("e" + i));
      }
      log.truncate(3);
      log.append(2, bytes("x3"));
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      assertThat(payloads(log)).containsExactly("e0", "e1", "e2", "x3");
      log.append(2, bytes("x4"));
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      assertThat(payloads(log)).containsExactly("e0", "e1", "e2", "x3", "x4");
    }
  }

  @Test
  void shouldKeepAppendsInMemoryUntilWrittenOut() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 20)) {
      log.append(1, bytes("a"));
      log.append(1, bytes("b"));
      assertThat(log.get(1).payload()).isEqualTo(bytes("b"));
      assertThat(segmentBytes()).isZero();
      log.writeOut();
      assertThat(segmentBytes()).isEqualTo(2L * (SegmentedLog.HEADER + 1));
    }
  }

  @Test
  void shouldWriteOutBySelfOnceTheBufferIsFull() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 1 << 30)) {
      byte[] big = new byte[SegmentedLog.BUFFER_LIMIT / 4];
      for (int i = 0; i < 5; i++) {
        log.append(1, big);
      }
      assertThat(segmentBytes()).isPositive();
    }
  }

  @Test
  void shouldWriteOutBeforeRollingASegmentAndOnClose() {
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 100)) {
      for (int i = 0; i < 20; i++) {
        log.append(1, bytes("entry-" + i));
      }
    }
    try (SegmentedLog log = SegmentedLog.open(dir, 0, 100)) {
      assertThat(log.end()).isEqualTo(20);
      assertThat(payloads(log)).endsWith("entry-19");
    }
  }

  private long segmentBytes() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path p : files.filter(p -> p.toString().endsWith(SegmentedLog.SUFFIX)).toList()) {
        total += Files.size(p);
      }
      return total;
    }
  }
}
