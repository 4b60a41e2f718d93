package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionerTest {
  @Test
  void shouldKeepPlacementStableAcrossJvmsAndReleases() {
    // Pinned values: changing the hash would move stored data; these must never change.
    assertThat(Partitioner.murmur3("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(0x248bfa47); // the reference MurmurHash3_x86_32("hello", seed 0)
    assertThat(Partitioner.partitionOf("00001", 8)).isEqualTo(Partitioner.partitionOf("00001", 8));
    assertThat(Partitioner.hash("00001")).isEqualTo(Partitioner.murmur3(new byte[] {'0', '0', '0', '0', '1'}));
  }

  @Test
  void shouldPlaceIntegralNumbersOfAnyWidthTogether() {
    assertThat(Partitioner.partitionOf(3, 16)).isEqualTo(Partitioner.partitionOf(3L, 16));
    assertThat(Partitioner.partitionOf((short) -7, 16)).isEqualTo(Partitioner.partitionOf(-7L, 16));
  }

  @Test
  void shouldSpreadKeysOverPartitions() {
    int[] counts = new int[8];
    for (int i = 0; i < 80_000; i++) {
      counts[Partitioner.partitionOf(String.format("%08d", i), 8)]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(9_000, 11_000);
    }
  }

  @Test
  void shouldRejectBadPartitionCount() {
    assertThatThrownBy(() -> Partitioner.partitionOf("k", 0)).hasMessageContaining("must be positive");
  }

  @Test
  void shouldHashAStringAsItsUtf8BytesWhateverItsLengthAndCharacters() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        sb.append(random.nextInt(8) == 0 ? (char) (0x80 + random.nextInt(0x3000))
            : (char) random.nextInt(0x80));
      }
      String s = sb.toString();
      assertThat(Partitioner.hash(s)).as("%s", s)
          .isEqualTo(Partitioner.murmur3(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
  }
}
