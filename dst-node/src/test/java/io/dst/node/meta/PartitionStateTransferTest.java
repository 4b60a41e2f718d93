package io.dst.node.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.PartitionId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionStateTransferTest {
  @Test
  void shouldRoundTripATransferRequestAndKeepItThroughIsrChanges() {
    PartitionState s = new PartitionState(7, 1, 42, List.of(1, 2, 4), List.of(1, 4))
        .withTransferTo(4);
    PartitionState back = PartitionState.decode(s.encode());
    assertThat(back).isEqualTo(s);
    assertThat(back.withIsr(List.of(1, 2, 4)).transferTo()).isEqualTo(4);
    assertThat(new String(s.encode(), StandardCharsets.UTF_8)).contains("transfer=4");
  }

  @Test
  void shouldReadAConfigurationWrittenBeforeTransfersExisted() {
    byte[] old = "epoch=3\nprimary=2\nincarnation=9\nreplicas=1,2,3\nisr=2,3\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(PartitionState.decode(old).transferRequested()).isFalse();
    assertThat(new String(new PartitionState(3, 2, 9, List.of(1, 2, 3), List.of(2, 3)).encode(),
        StandardCharsets.UTF_8)).doesNotContain("transfer");
  }

  @Test
  void shouldRoundTripAMoveRecord() {
    PartitionMove m = new PartitionMove(new PartitionId("$kv", 3), PartitionMove.Kind.LEADER, 1, 4);
    assertThat(PartitionMove.decode(m.partition(), m.encode())).isEqualTo(m);
  }
}
