package io.dst.jdbc.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRendererTest {

  @Test
  void columnsAreLeftAlignedToTheirWidestCellTwoSpacesApart() throws SQLException {
    String table = TableRenderer.render(
        List.of("task_id", "driver_id", "task_name", "return_num", "arguments"),
        List.of(List.of(ValueFormatter.format("00001"), ValueFormatter.format("22222"),
            ValueFormatter.format("my_task"), ValueFormatter.format(3), ValueFormatter.format(List.of("1", "2")))));
    assertThat(table).isEqualTo(
        "  task_id  driver_id  task_name  return_num  arguments\n"
      + "  \"00001\"  \"22222\"    \"my_task\"  3           [\"1\", \"2\"]\n");
  }

  @Test
  void valuesAreWrittenAsTheCommandLanguageReadsThem() throws SQLException {
    Map<String, String> dict = new LinkedHashMap<>();
    dict.put("k1", "v1");
    dict.put("k2", "v2");
    assertThat(ValueFormatter.format(dict)).isEqualTo("{\"k1\" : \"v1\" , \"k2\" : \"v2\"}");
    assertThat(ValueFormatter.format("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(ValueFormatter.format(null)).isEqualTo("null");
    assertThat(ValueFormatter.format(new byte[] {1, (byte) 0xff})).isEqualTo("0x01ff");
    assertThat(ValueFormatter.format(2.5)).isEqualTo("2.5");
    assertThat(ValueFormatter.format(true)).isEqualTo("true");
  }
}
