package io.dst.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.api.DataStore;
import io.dst.engine.dump.DumpWriter;
import io.dst.engine.dump.StoreFixtures;
import io.dst.jdbc.driver.DstConnection;
import io.dst.node.local.LocalCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dst dump} and {@code dst load} in-process, between named in-memory stores and a real local cluster. */
class DumpLoadCommandTest {
  @TempDir
  Path dir;

  record Run(int status, String out, String err) {}

  static Run dst(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = DstCli.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static DataStore store(Connection c) throws Exception {
    return c.unwrap(DstConnection.class).database().store();
  }

  @Test
  void aDumpLoadsIntoAFreshEmbeddedStoreAndIntoAFreshCluster() throws Exception {
    Path file = dir.resolve("all.dump");
    try (Connection source = DriverManager.getConnection("jdbc:dst:mem:dump_source")) {
      StoreFixtures.fill(store(source), 3_000);
      Map<String, Object> expected = StoreFixtures.contents(store(source));

      Run dump = dst("dump", "--url", "jdbc:dst:mem:dump_source", file.toString());
      assertThat(dump.err()).isEmpty();
      assertThat(dump.status()).isZero();
      assertThat(dump.out()).startsWith("dumped 3 tables, 3,003 rows, 53 kv keys, ")
          .contains("consistency: " + DumpWriter.CONSISTENCY_SNAPSHOT);
      assertThat(dir.resolve("all.dump.partial")).doesNotExist();

      try (Connection target = DriverManager.getConnection("jdbc:dst:mem:dump_target")) {
        Run load = dst("load", "--url", "jdbc:dst:mem:dump_target", file.toString());
        assertThat(load.err()).isEmpty();
        assertThat(load.out()).startsWith("loaded 3 tables, 3,003 rows, 53 kv keys, ");
        assertThat(StoreFixtures.contents(store(target))).isEqualTo(expected);
        try (var rs = target.createStatement().executeQuery("select count(*) from all_types where s_bool")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1_200);
        }
      }

      try (LocalCluster cluster = new LocalCluster(3).start()) {
        String url = "jdbc:dst://" + cluster.zkConnect() + "/" + cluster.clusterName() + "?connectTimeout=20";
        try (Connection target = DriverManager.getConnection(url)) {
          Run load = dst("load", "--url", url, file.toString());
          assertThat(load.err()).isEmpty();
          assertThat(load.status()).isZero();
          assertThat(StoreFixtures.contents(store(target))).isEqualTo(expected);

          Path fromCluster = dir.resolve("cluster.dump");
          Run dump2 = dst("dump", "--url", url, fromCluster.toString());
          assertThat(dump2.status()).isZero();
          assertThat(dump2.out()).contains("consistency: " + DumpWriter.CONSISTENCY_PER_PARTITION);
          try (Connection again = DriverManager.getConnection("jdbc:dst:mem:dump_again")) {
            assertThat(dst("load", "--url", "jdbc:dst:mem:dump_again", fromCluster.toString()).status()).isZero();
            assertThat(StoreFixtures.contents(store(again))).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void loadRefusesANonEmptyStoreUnlessForced() throws Exception {
    Path file = dir.resolve("small.dump");
    try (Connection source = DriverManager.getConnection("jdbc:dst:mem:force_source");
        Connection target = DriverManager.getConnection("jdbc:dst:mem:force_target")) {
      StoreFixtures.fill(store(source), 10);
      assertThat(dst("dump", "--url", "jdbc:dst:mem:force_source", file.toString()).status()).isZero();
      target.createStatement().execute("str.put \"mine\" \"kept\"");

      Run refused = dst("load", "--url", "jdbc:dst:mem:force_target", file.toString());
      assertThat(refused.status()).isEqualTo(1);
      assertThat(refused.err()).contains("Error: load failed: cannot load " + file
          + ": the target is not empty (0 tables, 1 kv keys)").contains("--force");
      assertThat(store(target).tables()).isEmpty();

      Run forced = dst("load", "--url", "jdbc:dst:mem:force_target", "--force", file.toString());
      assertThat(forced.status()).isZero();
      Map<String, Object> expected = StoreFixtures.contents(store(source));
      expected.put("kv mine", "kept");
      assertThat(StoreFixtures.contents(store(target))).isEqualTo(expected);
    }
  }

  @Test
  void aDamagedDumpIsRefusedAndNothingIsLoaded() throws Exception {
    Path file = dir.resolve("bad.dump");
    try (Connection source = DriverManager.getConnection("jdbc:dst:mem:bad_source");
        Connection target = DriverManager.getConnection("jdbc:dst:mem:bad_target")) {
      StoreFixtures.fill(store(source), 100);
      assertThat(dst("dump", "--url", "jdbc:dst:mem:bad_source", file.toString()).status()).isZero();
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length - 30] ^= 4;
      Files.write(file, bytes);

      Run load = dst("load", "--url", "jdbc:dst:mem:bad_target", file.toString());
      assertThat(load.status()).isEqualTo(1);
      assertThat(load.err()).startsWith("Error: load failed: dump " + file + " is corrupt: block #")
          .contains("fails its CRC32C check");
      assertThat(store(target).tables()).isEmpty();
      assertThat(store(target).kv().size()).isZero();
    }
  }

  @Test
  void anUnknownUrlIsAClearError() {
    Run run = dst("dump", "--url", "jdbc:nope:x", dir.resolve("x.dump").toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error: dump failed: ");
    assertThat(dir.resolve("x.dump.partial")).doesNotExist();
  }
}
