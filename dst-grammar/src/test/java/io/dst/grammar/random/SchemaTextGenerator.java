package io.dst.grammar.random;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Generates valid `.sc` files: several tables, markers, every type, comments and optional semicolons. */
public final class SchemaTextGenerator {
  private static final String[] TYPES = {"string", "int", "long", "double", "bool", "bytes", "timestamp"};

  private final Random random;

  public SchemaTextGenerator(Random random) {
    this.random = random;
  }

  public String schemaFile() {
    StringBuilder out = new StringBuilder();
    if (random.nextInt(4) == 0) {
      out.append("// generated\n");
    }
    int tables = random.nextInt(4);
    Set<String> tableNames = new HashSet<>();
    for (int t = 0; t < tables; t++) {
      String tableName = uniqueName("t", tableNames);
      out.append(random.nextInt(5) == 0 ? "TABLE " : "table ").append(tableName).append(" {\n");
      int columns = 1 + random.nextInt(6);
      int primaryKey = random.nextInt(columns + 1); // == columns: no primary key
      Set<String> columnNames = new HashSet<>();
      for (int c = 0; c < columns; c++) {
        out.append("  ");
        if (c == primaryKey) {
          out.append(random.nextBoolean() ? "[p]" : "[ P ]");
        } else if (random.nextInt(3) == 0) {
          out.append("[i]");
        }
        out.append(uniqueName("c", columnNames)).append(random.nextBoolean() ? ": " : " :");
        String type = TYPES[random.nextInt(TYPES.length)];
        if (random.nextInt(4) == 0) {
          type = type.toUpperCase(java.util.Locale.ROOT);
        }
        out.append(random.nextInt(4) == 0 ? "[" + type + "]" : type);
        boolean last = c == columns - 1;
        if (!last || random.nextBoolean()) {
          out.append(';');
        }
        if (random.nextInt(6) == 0) {
          out.append(" /* note */");
        }
        out.append('\n');
      }
      out.append('}').append(random.nextBoolean() ? ";" : "").append('\n');
    }
    return out.toString();
  }

  private String uniqueName(String prefix, Set<String> used) {
    String name;
    do {
      name = prefix + random.nextInt(50) + (random.nextBoolean() ? "_x" : "");
    } while (!used.add(name));
    return name;
  }
}
