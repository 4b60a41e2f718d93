package io.dst.node.fail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailpointsTest {

  @AfterEach
  void clear() {
    Failpoints.clear();
  }

  @Test
  void shouldBeOffByDefaultSoHitsDoNothing() {
    assertThat(System.getProperty(Failpoints.PROPERTY)).isNull();
    assertThat(Failpoints.anyEnabled()).isFalse();
    assertThatCode(() -> Failpoints.hit("log.after-append")).doesNotThrowAnyException();
  }

  @Test
  void shouldParseEveryActionWithAndWithoutOnce() {
    Map<String, FailpointAction> parsed = Failpoints.parse(
        "log.after-append=crash, isr.before-cas=pause:250,replica.after-ack=once:error");
    assertThat(parsed).containsExactly(
        Map.entry("log.after-append", new FailpointAction(FailpointAction.Kind.CRASH, 0, false)),
        Map.entry("isr.before-cas", new FailpointAction(FailpointAction.Kind.PAUSE, 250, false)),
        Map.entry("replica.after-ack", new FailpointAction(FailpointAction.Kind.ERROR, 0, true)));
    assertThat(FailpointAction.parse("once:crash").once()).isTrue();
  }

  @Test
  void shouldRejectMalformedSpecsWithTheOffendingEntry() {
    assertThatThrownBy(() -> Failpoints.parse("log.after-append")).hasMessageContaining("name=action");
    assertThatThrownBy(() -> Failpoints.parse("a=explode")).hasMessageContaining("explode");
    assertThatThrownBy(() -> Failpoints.parse("a=pause:soon")).hasMessageContaining("milliseconds");
  }

  @Test
  void shouldThrowAnInternalErrorNamingTheFailpointWhenEnabledAsError() {
    Failpoints.enable("isr.before-cas", "error");
    assertThat(Failpoints.anyEnabled()).isTrue();
    assertThatThrownBy(() -> Failpoints.hit("isr.before-cas"))
        .isInstanceOfSatisfying(DstException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
        .hasMessage("failpoint isr.before-cas");
    assertThatCode(() -> Failpoints.hit("isr.after-cas")).doesNotThrowAnyException();
  }

  @Test
  void shouldPauseTheHittingThreadForTheGivenMillis() {
    Failpoints.enable("log.before-append", "pause:120");
    long start = System.nanoTime();
    Failpoints.hit("log.before-append");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(120);
  }

  @Test
  void shouldFireAOnceFailpointOnlyOnTheFirstHit() {
    Failpoints.enable("snapshot.before-install", "once:error");
    assertThatThrownBy(() -> Failpoints.hit("snapshot.before-install")).isInstanceOf(DstException.class);
    assertThatCode(() -> Failpoints.hit("snapshot.before-install")).doesNotThrowAnyException();
  }

  @Test
  void shouldDisableEveryFailpointOnClear() {
    Failpoints.enable("controller.before-promote", "error");
    Failpoints.clear();
    assertThat(Failpoints.anyEnabled()).isFalse();
    assertThatCode(() -> Failpoints.hit("controller.before-promote")).doesNotThrowAnyException();
  }
}
