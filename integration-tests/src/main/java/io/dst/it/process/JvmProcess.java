package io.dst.it.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incarnation of a {@link JvmSpec}: a child JVM started with the test's own {@code java} and
 * classpath, whose output is appended to the spec's log file. It can be killed for real
 * ({@code SIGKILL}), paused and resumed ({@code SIGSTOP}/{@code SIGCONT}), and waited on for a line
 * of output (typically a "ready" line).
 *
 * <p>"Output" always means the output of <em>this</em> incarnation: the log file's bytes from the
 * offset it had when this process started. Restarting is starting the spec again.
 */
public final class JvmProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JvmProcess.class);

    /** Children still running, killed when the test JVM exits so no node outlives its test run. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-child-jvms"));
    }

    private final JvmSpec spec;
    private final Process process;
    private final long logOffset;
    private volatile boolean paused;

    private JvmProcess(JvmSpec spec, Process process, long logOffset) {
        this.spec = spec;
        this.process = process;
        this.logOffset = logOffset;
    }

    /** Starts {@code spec} in a new JVM. */
    public static JvmProcess start(JvmSpec spec) throws IOException {
        Path log = spec.logFile().toAbsolutePath();
        Files.createDirectories(log.getParent());
        long offset = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(spec.mainClass());
        command.addAll(spec.args());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        LOG.info("started {} ({}) pid {}, output in {}", spec.name(), spec.mainClass(), process.pid(), log);
        return new JvmProcess(spec, process, offset);
    }

    /** The spec this process runs; start it again to restart. */
    public JvmSpec spec() {
        return spec;
    }

    /** The operating system's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process has not exited (a paused process is alive). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether this harness has paused the process and not yet resumed it. */
    public boolean isPaused() {
        return paused;
    }

    /** The exit code, once the process has exited. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Everything this incarnation has written so far. */
    public String output() {
        try (InputStream in = Files.newInputStream(spec.logFile())) {
            in.skipNBytes(logOffset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until this incarnation has written a line matching {@code pattern} (found anywhere in the
     * line) and returns the match; fails early, with the output, if the process exits first.
     */
    public Matcher awaitLine(Pattern pattern, Duration timeout) {
        LineScanner scanner = new LineScanner(pattern);
        return await("line /" + pattern + "/ from " + spec.name())
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .failFast("process exited", () -> {
                    if (!process.isAlive() && scanner.scan(true).isEmpty()) {
                        throw new AssertionError(spec.name() + " exited with " + process.exitValue()
                                + " before printing /" + pattern + "/; output:\n" + output());
                    }
                })
                .until(() -> scanner.scan(false), Optional::isPresent)
                .orElseThrow();
    }

    /**
     * Finds the first line of this incarnation's output matching a pattern, reading only what was
     * appended since the previous scan (a chatty node's log is not re-read every poll). Only complete
     * lines are matched until the process has exited, so a line is never matched half-written.
     */
    private final class LineScanner {
        private final Pattern pattern;
        private long position = logOffset;
        private Matcher found;

        LineScanner(Pattern pattern) {
            this.pattern = pattern;
        }

        synchronized Optional<Matcher> scan(boolean includePartialLastLine) {
            if (found != null) {
                return Optional.of(found);
            }
            byte[] fresh;
            try (InputStream in = Files.newInputStream(spec.logFile())) {
                in.skipNBytes(position);
                fresh = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int end = includePartialLastLine ? fresh.length : lastNewline(fresh) + 1;
            for (String line : new String(fresh, 0, end, StandardCharsets.UTF_8).split("\\R")) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    found = m;
                    return Optional.of(m);
                }
            }
            position += end;
            return Optional.empty();
        }

        private static int lastNewline(byte[] bytes) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Kills the process with SIGKILL (no shutdown hooks, no flushing) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        paused = false;
        LOG.info("killed {} pid {}", spec.name(), pid());
    }

    /** Asks the process to stop with SIGTERM, then kills it if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        if (paused) {
            resume(); // a stopped process cannot run its shutdown hooks
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Freezes the process with SIGSTOP: it keeps its sockets and memory but runs nothing. */
    public void pause() {
        signal("STOP");
        paused = true;
        LOG.info("paused {} pid {}", spec.name(), pid());
    }

    /** Thaws a paused process with SIGCONT. */
    public void resume() {
        signal("CONT");
        paused = false;
        LOG.info("resumed {} pid {}", spec.name(), pid());
    }

    /**
     * The kernel's run state of the process from {@code /proc} (Linux): 'T' when stopped by a signal,
     * 'S' or 'R' when sleeping or running; empty once the process is gone or off Linux.
     */
    public Optional<Character> kernelState() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // The command name is in parentheses and may contain spaces; the state follows it.
            return Optional.of(stat.charAt(stat.lastIndexOf(')') + 2));
        } catch (IOException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + spec.name(), e);
        }
    }

    /** Waits for the process to exit and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(spec.name() + " did not exit within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
        }
    }

    /** Kills the process if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return spec.name() + "[pid " + pid() + (isAlive() ? paused ? ", paused" : ", running" : ", exited") + "]";
    }
}
