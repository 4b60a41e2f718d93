package io.dst.it.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmProcessTest {

    private static final Pattern READY = Pattern.compile("READY pid=(\\d+)");
    private static final Duration STARTUP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private JvmProcess process;

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.close();
        }
    }

    private JvmSpec ticker(String... args) {
        return JvmSpec.of("ticker", TickerMain.class, dir.resolve("ticker.log"), args);
    }

    private static long ticks(JvmProcess p) {
        return p.output().lines().filter(l -> l.startsWith("tick ")).count();
    }

    @Test
    void shouldRunMainClassInItsOwnJvmAndWaitForReadyLine() throws IOException {
        process = JvmProcess.start(ticker("a", "b"));

        Matcher ready = process.awaitLine(READY, STARTUP);

        assertThat(Long.parseLong(ready.group(1))).isEqualTo(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(process.output()).startsWith("args a,b");
        assertThat(Files.readString(dir.resolve("ticker.log"))).contains("READY");
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void shouldFindLinesWrittenLaterAndEarlierLinesAgain() throws IOException {
        process = JvmProcess.start(ticker());

        Matcher late = process.awaitLine(Pattern.compile("^tick (40)$"), STARTUP);
        Matcher early = process.awaitLine(READY, STARTUP);

        assertThat(late.group(1)).isEqualTo("40");
        assertThat(Long.parseLong(early.group(1))).isEqualTo(process.pid());
    }

    @Test
    void shouldKillWithSigkill() throws IOException {
        process = JvmProcess.start(ticker());
        process.awaitLine(READY, STARTUP);

        process.kill();

        assertThat(process.isAlive()).isFalse();
        assertThat(process.exitCode()).contains(128 + 9);
    }

    @Test
    void shouldFreezeWithSigstopAndThawWithSigcont() throws IOException {
        process = JvmProcess.start(ticker());
        process.awaitLine(READY, STARTUP);

        process.pause();

        await().atMost(STARTUP).until(() -> process.kernelState().orElse('?') == 'T');
        assertThat(process.isPaused()).isTrue();
        long ticksWhilePaused = ticks(process);

        process.resume();

        await().atMost(STARTUP).until(() -> ticks(process) > ticksWhilePaused + 3);
        assertThat(process.kernelState()).isNotEqualTo(java.util.Optional.of('T'));
    }

    @Test
    void shouldRestartFromTheSameSpecAppendingToTheSameLog() throws IOException {
        JvmSpec spec = ticker();
        JvmProcess first = JvmProcess.start(spec);
        first.awaitLine(READY, STARTUP);
        first.kill();

        process = JvmProcess.start(first.spec());
        Matcher ready = process.awaitLine(READY, STARTUP);

        assertThat(Long.parseLong(ready.group(1))).isEqualTo(process.pid()).isNotEqualTo(first.pid());
        assertThat(process.output().lines().filter(l -> l.startsWith("READY"))).hasSize(1);
        assertThat(Files.readString(spec.logFile()).lines().filter(l -> l.startsWith("READY"))).hasSize(2);
    }

    @Test
    void shouldFailFastWithOutputWhenProcessExitsBeforeReady() throws IOException {
        process = JvmProcess.start(ticker("fail"));

        assertThatThrownBy(() -> process.awaitLine(READY, STARTUP))
                .isInstanceOf(TerminalFailureException.class)
                .hasStackTraceContaining("giving up")
                .hasStackTraceContaining("exited with 3");
    }
}
