package io.dst.it.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultyProxyTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration PATIENT = Duration.ofSeconds(5);

    private EchoServer echo;
    private FaultyProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = FaultyProxy.start("client->echo", echo.address());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void shouldForwardBytesBothWaysWhenHealthy() throws IOException {
        try (LineClient client = new LineClient(proxy.address(), PATIENT)) {
            assertThat(client.roundTrip("hello")).isEqualTo("hello");
            assertThat(client.roundTrip("again")).isEqualTo("again");
        }
        assertThat(echo.received()).containsExactly("hello", "again");
        long expected = 2L * ("hello\n".length() + "again\n".length());
        await().atMost(PATIENT).untilAsserted(() -> assertThat(proxy.forwardedBytes()).isEqualTo(expected));
        assertThat(proxy.faults().isHealthy()).isTrue();
    }

    @Test
    void shouldResetOpenConnectionsAndRefuseNewOnesWhenCut() throws IOException {
        try (LineClient client = new LineClient(proxy.address(), PATIENT)) {
            assertThat(client.roundTrip("before")).isEqualTo("before");

            proxy.cut();

            assertThatThrownBy(() -> client.roundTrip("after")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class);
        }
        assertThat(proxy.connectionCount()).isZero();
        assertThat(LineClient.echoes(proxy.address(), PATIENT)).isFalse();
        assertThat(echo.received()).containsExactly("before");
    }

    @Test
    void shouldAcceptNewConnectionsAgainOnceHealedAfterCut() {
        proxy.cut();
        assertThat(LineClient.echoes(proxy.address(), PATIENT)).isFalse();

        proxy.heal();

        await().atMost(PATIENT).until(() -> LineClient.echoes(proxy.address(), PATIENT));
    }

    @Test
    void shouldSilentlyDropBytesWhenBlackholed() throws IOException {
        try (LineClient client = new LineClient(proxy.address(), SHORT)) {
            assertThat(client.roundTrip("before", PATIENT)).isEqualTo("before");

            proxy.blackhole();

            assertThatThrownBy(() -> client.roundTrip("lost")).isInstanceOf(SocketTimeoutException.class);
            await().atMost(PATIENT).until(() -> proxy.droppedBytes() == "lost\n".length());
            assertThat(proxy.connectionCount()).isEqualTo(1);
        }
        assertThat(echo.received()).containsExactly("before");
    }

    @Test
    void shouldCloseConnectionsThatLostBytesWhenHealedAfterBlackhole() throws IOException {
        try (LineClient damaged = new LineClient(proxy.address(), SHORT)) {
            assertThat(damaged.roundTrip("before", PATIENT)).isEqualTo("before");
            proxy.blackhole();
            assertThatThrownBy(() -> damaged.roundTrip("lost")).isInstanceOf(SocketTimeoutException.class);

            proxy.heal();

            await().atMost(PATIENT).until(() -> proxy.connectionCount() == 0);
            assertThatThrownBy(() -> damaged.roundTrip("garbled?")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class);
        }
        assertThat(LineClient.echoes(proxy.address(), PATIENT)).isTrue();
        assertThat(echo.received()).doesNotContain("lost", "garbled?");
    }

    @Test
    void shouldDropOnlyOneDirectionInOneWayBlackhole() throws IOException {
        proxy.blackhole(Direction.TO_CLIENT);

        try (LineClient client = new LineClient(proxy.address(), SHORT)) {
            assertThatThrownBy(() -> client.roundTrip("one-way")).isInstanceOf(SocketTimeoutException.class);
        }
        await().atMost(PATIENT).until(() -> echo.received().contains("one-way"));
    }

    @Test
    void shouldAddLatencyInEachDirectionWhenDelayedAndRemoveItWhenHealed() throws IOException {
        Duration latency = Duration.ofMillis(400);
        try (LineClient client = new LineClient(proxy.address(), PATIENT)) {
            assertThat(client.roundTrip("warm-up")).isEqualTo("warm-up");
            proxy.delay(latency);

            long start = System.nanoTime();
            assertThat(client.roundTrip("slow")).isEqualTo("slow");
            Duration delayed = Duration.ofNanos(System.nanoTime() - start);

            proxy.heal();
            start = System.nanoTime();
            assertThat(client.roundTrip("fast")).isEqualTo("fast");
            Duration healed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(delayed).isGreaterThanOrEqualTo(latency.multipliedBy(2));
            assertThat(healed).isLessThan(latency);
        }
    }

    @Test
    void shouldResetClientWhenTargetIsDown() throws IOException {
        echo.close();

        assertThat(LineClient.echoes(proxy.address(), PATIENT)).isFalse();
        assertThat(proxy.connectionCount()).isZero();
    }
}
