package io.dst.node.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small parser for the Prometheus text exposition format (0.0.4): every sample line becomes a
 * {@link Sample} with its labels unescaped; comment lines are checked only for their TYPE/HELP
 * shape. A line that does not parse fails with its line number, so a malformed scrape fails the
 * test that reads it.
 */
final class PrometheusText {
  record Sample(String name, Map<String, String> labels, double value) {
    boolean has(String label, String v) {
      return v.equals(labels.get(label));
    }
  }

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  static PrometheusText parse(String text) {
    List<Sample> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (!line.startsWith("# TYPE ") && !line.startsWith("# HELP ")) {
          throw new IllegalArgumentException("line " + (n + 1) + ": unexpected comment: " + line);
        }
        continue;
      }
      try {
        out.add(sample(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (n + 1) + ": " + e.getMessage() + ": " + line,
            e);
      }
    }
    return new PrometheusText(out);
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new IllegalArgumentException("bad metric name '" + name + "'");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq);
        if (line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("label value not quoted");
        }
        StringBuilder v = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char e = line.charAt(++j);
            v.append(e == 'n' ? '\n' : e);
          } else {
            v.append(c);
          }
        }
        labels.put(label.trim(), v.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    String[] rest = line.substring(i).trim().split(" ");
    return new Sample(name, labels, parseValue(rest[0]));
  }

  private static double parseValue(String s) {
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  List<Sample> samples(String name, Predicate<Sample> filter) {
    return samples.stream().filter(s -> s.name().equals(name) && filter.test(s)).toList();
  }

  /** Sum of every sample of {@code name} that passes {@code filter} (0 when there is none). */
  double sum(String name, Predicate<Sample> filter) {
    return samples(name, filter).stream().mapToDouble(Sample::value).sum();
  }
}
