package io.dst.it.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to launch as a separate JVM: a main class on the current classpath, its arguments, JVM
 * options and the file its stdout and stderr are appended to. The same spec is reused to restart a
 * process, so every incarnation writes to the same log.
 */
public record JvmSpec(String name, String mainClass, List<String> args, List<String> jvmOptions, Path logFile) {

    /** Options that keep small test JVMs cheap to start and light on a shared machine. */
    public static final List<String> LEAN_JVM_OPTIONS = List.of(
            "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public JvmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(logFile, "logFile");
        args = List.copyOf(args);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A spec running {@code mainClass} with {@code args}, lean JVM options, logging to {@code logFile}. */
    public static JvmSpec of(String name, Class<?> mainClass, Path logFile, String... args) {
        return new JvmSpec(name, mainClass.getName(), List.of(args), LEAN_JVM_OPTIONS, logFile);
    }

    /** This spec with {@code options} added after the current JVM options (e.g. system properties). */
    public JvmSpec withJvmOptions(String... options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of(options));
        return new JvmSpec(name, mainClass, args, all, logFile);
    }
}
