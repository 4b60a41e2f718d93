package io.dst.it.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NemesisTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final List<String> LINKS = List.of("l1", "l2");

    @Test
    void shouldApplyEveryStepInOrderAndLeaveClusterHealthy() {
        NemesisSchedule schedule = NemesisSchedule.generate(3, NODES, LINKS, NemesisOptions.defaults(30, Duration.ofMillis(2)));
        RecordingCluster cluster = new RecordingCluster(NODES, LINKS);

        NemesisReport report = Nemesis.run(schedule, cluster);

        assertThat(cluster.received()).containsExactlyElementsOf(schedule.steps().stream().map(ScheduledFault::fault).toList());
        assertThat(cluster.misuses()).isEmpty();
        assertThat(cluster.disrupted()).isEmpty();
        assertThat(report.faultsInjected()).isEqualTo(schedule.disruptions());
        assertThat(report.failures()).isEmpty();
        assertThat(report.applied()).allSatisfy(a -> assertThat(a.appliedAt()).isGreaterThanOrEqualTo(a.plannedAt()));
    }

    @Test
    void shouldRecoverEverythingWhenStoppedEarly() throws Exception {
        NemesisSchedule schedule = new NemesisSchedule(0, List.of(
                new ScheduledFault(Duration.ZERO, Fault.of(Fault.Kind.KILL, "n1")),
                new ScheduledFault(Duration.ZERO, Fault.of(Fault.Kind.CUT, "l1")),
                new ScheduledFault(Duration.ofHours(1), Fault.of(Fault.Kind.RESTART, "n1")),
                new ScheduledFault(Duration.ofHours(1), Fault.of(Fault.Kind.HEAL, "l1"))));
        RecordingCluster cluster = new RecordingCluster(NODES, LINKS);
        Nemesis nemesis = Nemesis.start(schedule, cluster);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> cluster.received().size() == 2);

        nemesis.stop();
        NemesisReport report = nemesis.awaitCompletion(Duration.ofSeconds(10));

        assertThat(cluster.disrupted()).isEmpty();
        assertThat(cluster.received()).containsExactly(Fault.of(Fault.Kind.KILL, "n1"), Fault.of(Fault.Kind.CUT, "l1"),
                Fault.of(Fault.Kind.RESTART, "n1"), Fault.of(Fault.Kind.HEAL, "l1"));
        assertThat(report.faultsInjected()).isEqualTo(2);
    }

    @Test
    void shouldRecordFailedActionSkipItsRecoveryAndCarryOn() {
        NemesisSchedule schedule = NemesisSchedule.generate(11, NODES, LINKS,
                new NemesisOptions(40, Duration.ofMillis(1), 1, 1, Duration.ofMillis(10), EnumSet.of(Fault.Kind.KILL)));
        RecordingCluster cluster = new RecordingCluster(NODES, LINKS);
        cluster.failOn("n2");

        NemesisReport report = Nemesis.run(schedule, cluster);

        assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.fault()).isEqualTo(Fault.of(Fault.Kind.KILL, "n2")));
        assertThat(cluster.received()).noneMatch(f -> f.target().equals("n2"));
        assertThat(cluster.misuses()).isEmpty();
        assertThat(report.faultsInjected()).isEqualTo(schedule.disruptions() - report.failures().size());
        assertThat(report.describe()).contains("FAILED: java.lang.IllegalStateException: injected failure on n2");
    }
}
