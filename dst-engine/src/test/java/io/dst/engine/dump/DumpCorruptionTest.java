package io.dst.engine.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpCorruptionTest {
  private static byte[] dump;

  @BeforeAll
  static void writeDump() throws Exception {
    EmbeddedStore store = new EmbeddedStore(4);
    StoreFixtures.fill(store, 30_000);   // several row blocks
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DumpWriter(store, "test").write(out);
    dump = out.toByteArray();
  }

  private static DstException readFailure(byte[] bytes) {
    return catchThrowableOfType(DstException.class,
        () -> DumpReader.read(new ByteArrayInputStream(bytes), "d.dump", new DumpVisitor() {}));
  }

  @Test
  void theDumpHasSeveralRowBlocks() throws Exception {
    int[] rowBlocks = {0};
    DumpReader.read(new ByteArrayInputStream(dump), "d.dump", new DumpVisitor() {
      @Override
      public void rows(io.dst.engine.schema.TableSchema schema, java.util.List<Object[]> rows) {
        rowBlocks[0]++;
      }
    });
    assertThat(rowBlocks[0]).isGreaterThan(3);
  }

  @Test
  void aFlippedBitAnywhereIsRefused() {
    Random random = new Random(42);
    int offsets = 0;
    for (int at = 0; at < dump.length; at += 1 + random.nextInt(Math.max(1, dump.length / 200))) {
      byte[] bad = dump.clone();
      bad[at] ^= (byte) (1 << random.nextInt(8));
      DstException e = readFailure(bad);
      assertThat(e).as("flipped byte %d of %d", at, dump.length).isNotNull();
      assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_DATA);
      assertThat(e.getMessage()).startsWith("dump d.dump is ").containsPattern("byte \\d+|DSTDUMP");
      offsets++;
    }
    assertThat(offsets).isGreaterThan(200);
  }

  @Test
  void aCorruptRowBlockIsNamedWithItsTableAndOffset() {
    byte[] bad = dump.clone();
    bad[dump.length / 2] ^= 0x10;
    assertThat(readFailure(bad).getMessage())
        .matches("dump d\\.dump is corrupt: block #\\d+ \\(rows of table all_types\\) at byte \\d+ fails its CRC32C check .*");
  }

  @Test
  void everyTruncationIsRefused() {
    Random random = new Random(7);
    for (int len = 0; len < dump.length; len += 1 + random.nextInt(Math.max(1, dump.length / 150))) {
      DstException e = readFailure(Arrays.copyOf(dump, len));
      assertThat(e).as("truncated to %d of %d bytes", len, dump.length).isNotNull();
      assertThat(e.getMessage()).containsAnyOf("is truncated", "is not a Dst dump");
    }
    assertThat(readFailure(Arrays.copyOf(dump, dump.length - 1)).getMessage())
        .contains("is truncated: block #").contains("(kv data or trailer)");
  }

  @Test
  void bytesAfterTheTrailerAreRefused() {
    byte[] longer = Arrays.copyOf(dump, dump.length + 1);
    assertThat(readFailure(longer).getMessage()).contains("bytes after its trailer, at byte " + dump.length);
  }

  @Test
  void aFileThatIsNoDumpIsRefused() {
    assertThat(readFailure("hello, world".getBytes()).getMessage())
        .isEqualTo("dump d.dump is not a Dst dump (it does not start with the DSTDUMP marker)");
  }

  @Test
  void loadChangesNothingWhenTheFileIsDamaged(@TempDir Path dir) throws Exception {
    byte[] bad = dump.clone();
    bad[dump.length - 10] ^= 1;   // inside the trailer: every table block before it is sound
    Path file = dir.resolve("bad.dump");
    Files.write(file, bad);
    EmbeddedStore target = new EmbeddedStore();
    assertThatThrownBy(() -> new DumpLoader(target).load(file)).isInstanceOf(DstException.class)
        .hasMessageContaining("(trailer; expected kv data or trailer)");
    assertThat(target.tables()).isEmpty();
    assertThat(target.kv().size()).isZero();
  }
}
