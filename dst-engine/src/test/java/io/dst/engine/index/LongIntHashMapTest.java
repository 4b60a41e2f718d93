package io.dst.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntHashMapTest {
  @Test
  void shouldBehaveLikeHashMapUnderRandomPutsAndRemoves() {
    Random rnd = new Random(11);
    LongIntHashMap map = new LongIntHashMap();
    Map<Long, Integer> model = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // A small key range forces collisions, removals inside probe chains and regrowth.
      long key = rnd.nextInt(5000) * (rnd.nextBoolean() ? 1L : 1L << 40);
      if (rnd.nextInt(3) == 0) {
        Integer old = model.remove(key);
        assertThat(map.remove(key)).isEqualTo(old == null ? -1 : old);
      } else {
        int value = rnd.nextInt(Integer.MAX_VALUE - 1);
        Integer old = model.put(key, value);
        assertThat(map.put(key, value)).isEqualTo(old == null ? -1 : old);
      }
    }
    assertThat(map.size()).isEqualTo(model.size());
    for (Map.Entry<Long, Integer> e : model.entrySet()) {
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(map.get(-12345L)).isEqualTo(-1);
  }
}
