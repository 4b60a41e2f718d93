package io.dst.node.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochHistoryTest {
  @TempDir
  Path dir;

  @Test
  void shouldEnforceMonotonicallyIncreasingEpochs() {
    EpochHistory h = EpochHistory.open(dir);
    h.assign(3, 0);
    h.assign(3, 5);
    assertThatThrownBy(() -> h.assign(2, 10)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("older");
    assertThat(h.latestEpoch()).isEqualTo(3);
  }

  @Test
  void shouldReportWhereAnEpochEnds() {
    EpochHistory h = EpochHistory.open(dir);
    h.assign(1, 0);
    h.assign(2, 10);
    h.assign(5, 17);
    assertThat(h.endOffsetFor(1, 30)).isEqualTo(10);
    assertThat(h.endOffsetFor(3, 30)).as("an epoch this log never saw ends where the next starts")
        .isEqualTo(17);
    assertThat(h.endOffsetFor(5, 30)).isEqualTo(30);
    assertThat(h.endOffsetFor(0, 30)).isEqualTo(0);
  }

  @Test
  void shouldSurviveReopenAndTruncation() {
    EpochHistory h = EpochHistory.open(dir);
    h.assign(1, 0);
    h.assign(2, 10);
    h.assign(3, 20);
    h.truncateFromEnd(15);
    EpochHistory again = EpochHistory.open(dir);
    assertThat(again.entries()).containsExactly(new EpochHistory.EpochStart(1, 0),
        new EpochHistory.EpochStart(2, 10));
  }

  @Test
  void shouldForgetAnEpochThatNeverReceivedAnEntry() {
    EpochHistory h = EpochHistory.open(dir);
    h.assign(1, 0);
    h.assign(2, 4);
    h.assign(3, 4);
    assertThat(h.entries()).containsExactly(new EpochHistory.EpochStart(1, 0),
        new EpochHistory.EpochStart(3, 4));
  }
}
