package io.dst.jdbc.shaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loads the packaged {@code -all} jar the way a BI tool loads a driver file: through its own class
 * loader that sees nothing of this build, finding the driver with ServiceLoader. Runs in the verify
 * phase (failsafe), after the jar exists.
 */
class ShadedJarIT {

  static Path shadedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("dst-jdbc-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no target/dst-jdbc-*-all.jar; run mvn package first"));
    }
  }

  @Test
  void theShadedJarRegistersTheDriverAsAService() throws IOException {
    try (JarFile jar = new JarFile(shadedJar().toFile())) {
      var entry = jar.getEntry("META-INF/services/java.sql.Driver");
      assertThat(entry).isNotNull();
      String services = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(services.lines()).contains("io.dst.jdbc.DstDriver");
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.dst.jdbc.cli.DstCli");
    }
  }

  @Test
  void aFreshClassLoaderOverTheJarAloneConnectsAndRunsCommandsAndSql() throws Exception {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {shadedJar().toUri().toURL()}, platform)) {
      List<Driver> drivers = new ArrayList<>();
      ServiceLoader.load(Driver.class, loader).forEach(drivers::add);
      Driver driver = drivers.stream().filter(d -> d.getClass().getName().equals("io.dst.jdbc.DstDriver"))
          .findFirst().orElseThrow();
      assertThat(driver.getClass().getClassLoader()).isSameAs(loader);
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      Thread.currentThread().setContextClassLoader(loader);
      try (Connection c = driver.connect("jdbc:dst:mem:", new Properties()); Statement s = c.createStatement()) {
        assertThat(s.execute("str.put \"k\" \"v\"")).isFalse();
        s.execute("CREATE TABLE t (id VARCHAR PRIMARY KEY, n INTEGER)");
        s.executeUpdate("INSERT INTO t VALUES ('a', 1), ('b', 2)");
        try (ResultSet rs = s.executeQuery("SELECT sum(n) FROM t")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(3);
        }
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString("TABLE_NAME")).isEqualTo("t");
        }
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    }
  }
}
