package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedKvTest {
  private final KvStore kv = new EmbeddedStore().kv();

  @Test
  void shouldPutGetAndDeleteStr() {
    kv.put("k1", "v1");
    assertThat(kv.get("k1")).isEqualTo("v1");
    assertThat(kv.type("k1")).isEqualTo(KeyType.STR);
    assertThat(kv.exists("k1")).isTrue();
    assertThat(kv.delete("k1")).isTrue();
    assertThat(kv.delete("k1")).isFalse();
    assertThat(kv.get("k1")).isNull();
    assertThat(kv.type("k1")).isEqualTo(KeyType.NONE);
  }

  @Test
  void shouldIncrementAndAppend() {
    assertThat(kv.incrementBy("n", 5)).isEqualTo(5);
    assertThat(kv.incrementBy("n", -7)).isEqualTo(-2);
    assertThat(kv.get("n")).isEqualTo("-2");
    assertThat(kv.append("s", "ab")).isEqualTo(2);
    assertThat(kv.append("s", "é")).isEqualTo(4);
    assertThatThrownBy(() -> kv.incrementBy("s", 1))
        .hasMessage("str \"s\" holds \"abé\", which is not an integer");
    kv.put("max", Long.toString(Long.MAX_VALUE));
    assertThatThrownBy(() -> kv.incrementBy("max", 1)).hasMessageContaining("would overflow");
  }

  @Test
  void shouldKeepDictFieldsInInsertionOrder() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("k1", "v1");
    fields.put("k2", "v2");
    assertThat(kv.dictPut("dict_1", fields)).isEqualTo(2);
    assertThat(kv.dictPut("dict_1", Map.of("k1", "x"))).isZero();
    assertThat(kv.dictGetAll("dict_1")).containsExactly(Map.entry("k1", "x"), Map.entry("k2", "v2"));
    assertThat(kv.dictGet("dict_1", "k2")).isEqualTo("v2");
    assertThat(kv.dictKeys("dict_1")).containsExactly("k1", "k2");
    assertThat(kv.dictDelete("dict_1", List.of("k1", "nope"))).isEqualTo(1);
    assertThat(kv.dictDelete("dict_1", List.of("k2"))).isEqualTo(1);
    assertThat(kv.exists("dict_1")).isFalse();
  }

  @Test
  void shouldGrowLargeDictBeyondFlatLayout() {
    for (int i = 0; i < 100; i++) {
      kv.dictPut("big", Map.of("f" + i, "v" + i));
    }
    assertThat(kv.dictKeys("big")).hasSize(100).startsWith("f0", "f1").endsWith("f99");
    assertThat(kv.dictGet("big", "f50")).isEqualTo("v50");
  }

  @Test
  void shouldRejectWrongTypeWithoutChangingIt() {
    kv.put("s", "v");
    kv.dictPut("d", Map.of("f", "v"));
    assertThatThrownBy(() -> kv.dictPut("s", Map.of("a", "b")))
        .isInstanceOf(DstException.class)
        .hasMessage("key \"s\" holds a str, not a dict")
        .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.WRONG_TYPE);
    assertThatThrownBy(() -> kv.get("d")).hasMessage("key \"d\" holds a dict, not a str");
    assertThatThrownBy(() -> kv.put("d", "x")).hasMessage("key \"d\" holds a dict, not a str");
    assertThat(kv.get("s")).isEqualTo("v");
    assertThat(kv.dictGetAll("d")).containsEntry("f", "v");
  }

  @Test
  void shouldListKeysMatchingGlob() {
    kv.put("user:1", "a");
    kv.put("user:2", "b");
    kv.put("user:10", "c");
    kv.dictPut("order:1", Map.of("x", "y"));
    assertThat(kv.keys("user:?")).containsExactlyInAnyOrder("user:1", "user:2");
    assertThat(kv.keys("user:*")).hasSize(3);
    assertThat(kv.keys("*:[12]")).containsExactlyInAnyOrder("user:1", "user:2", "order:1");
    assertThat(kv.keys("*")).hasSize(4);
    assertThat(kv.size()).isEqualTo(4);
  }
}
