package io.dst.jdbc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts the CLI as its own JVM with the classpath the build wrote for bin/dst. */
final class ChildProcess {
  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path CLASSPATH_FILE = MODULE.resolve("target/dst-classpath.txt");

  record Result(int status, String out, String err) {}

  private ChildProcess() {}

  /** The command line that runs {@code DstCli} with these arguments. */
  static List<String> command(List<String> jvmOptions, String... args) throws IOException {
    String classpath = MODULE.resolve("target/classes") + java.io.File.pathSeparator
        + Files.readString(CLASSPATH_FILE).strip();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(DstCli.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  static Result run(Path workingDirectory, String stdin, String... args) throws Exception {
    Process p = new ProcessBuilder(command(List.of(), args)).directory(workingDirectory.toFile()).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("dst did not finish within 90 s");
    }
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
