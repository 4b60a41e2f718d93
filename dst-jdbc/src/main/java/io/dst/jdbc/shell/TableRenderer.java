package io.dst.jdbc.shell;

import java.util.List;

/**
 * Lays out rows as the aligned, borderless table of DESIGN.md: a header line of column names, then
 * one line per row, each column left-aligned and padded to its widest cell, two spaces apart, the
 * whole indented by two spaces.
 */
public final class TableRenderer {
  static final String INDENT = "  ";
  static final String GAP = "  ";

  private TableRenderer() {}

  public static String render(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers, widths);
    for (List<String> row : rows) {
      line(sb, row, widths);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder(INDENT);
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append(GAP);
      }
      String cell = cells.get(c);
      line.append(cell);
      if (c < cells.size() - 1) {
        line.append(" ".repeat(widths[c] - cell.length()));
      }
    }
    sb.append(line).append('\n');
  }
}
