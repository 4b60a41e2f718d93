package io.dst.it.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SoakClockTest {

    @Test
    void shouldRunExactlyOneRoundWhenNotSoaking() {
        SoakClock clock = new SoakClock(Duration.ZERO, new AtomicLong()::get);

        assertThat(clock.anotherRound()).isTrue();
        assertThat(clock.anotherRound()).isFalse();
        assertThat(clock.rounds()).isEqualTo(1);
        assertThat(clock.isSoak()).isFalse();
    }

    @Test
    void shouldKeepStartingRoundsUntilTheSoakTimeHasPassed() {
        AtomicLong now = new AtomicLong();
        SoakClock clock = new SoakClock(Duration.ofMinutes(30), now::get);

        int rounds = 0;
        while (clock.anotherRound()) {
            rounds++;
            now.addAndGet(Duration.ofMinutes(7).toNanos()); // each round takes 7 minutes
        }

        assertThat(rounds).isEqualTo(5).isEqualTo(clock.rounds());
        assertThat(clock.isSoak()).isTrue();
    }

    @Test
    void shouldReadTheSoakDurationFromTheSystemProperty() {
        String previous = System.getProperty(SoakClock.PROPERTY);
        try {
            System.setProperty(SoakClock.PROPERTY, "2");
            assertThat(SoakClock.fromSystemProperties().isSoak()).isTrue();
            System.clearProperty(SoakClock.PROPERTY);
            assertThat(SoakClock.fromSystemProperties().isSoak()).isFalse();
        } finally {
            if (previous != null) {
                System.setProperty(SoakClock.PROPERTY, previous);
            }
        }
    }
}
