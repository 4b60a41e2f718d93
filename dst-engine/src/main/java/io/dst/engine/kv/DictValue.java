package io.dst.engine.kv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one dict key in insertion order. Small dicts (the common case) are one flat
 * {@code String[]} of alternating fields and values, searched linearly, at about a quarter of a
 * LinkedHashMap's overhead; past {@link #FLAT_LIMIT} fields they switch to a LinkedHashMap.
 */
final class DictValue {
  static final int FLAT_LIMIT = 16;

  private String[] flat = new String[4];
  private int flatSize; // fields in flat
  private LinkedHashMap<String, String> map;

  int size() {
    return map != null ? map.size() : flatSize;
  }

  String get(String field) {
    if (map != null) {
      return map.get(field);
    }
    for (int i = 0; i < flatSize; i++) {
      if (flat[2 * i].equals(field)) {
        return flat[2 * i + 1];
      }
    }
    return null;
  }

  /** Sets a field; true when it was new. */
  boolean put(String field, String value) {
    if (map != null) {
      return map.put(field, value) == null;
    }
    for (int i = 0; i < flatSize; i++) {
      if (flat[2 * i].equals(field)) {
        flat[2 * i + 1] = value;
        return false;
      }
    }
    if (flatSize == FLAT_LIMIT) {
      map = new LinkedHashMap<>();
      for (int i = 0; i < flatSize; i++) {
        map.put(flat[2 * i], flat[2 * i + 1]);
      }
      flat = null;
      flatSize = 0;
      map.put(field, value);
      return true;
    }
    if (2 * flatSize + 2 > flat.length) {
      flat = java.util.Arrays.copyOf(flat, flat.length * 2);
    }
    flat[2 * flatSize] = field;
    flat[2 * flatSize + 1] = value;
    flatSize++;
    return true;
  }

  /** Removes a field; true when it existed. */
  boolean remove(String field) {
    if (map != null) {
      return map.remove(field) != null;
    }
    for (int i = 0; i < flatSize; i++) {
      if (flat[2 * i].equals(field)) {
        System.arraycopy(flat, 2 * i + 2, flat, 2 * i, 2 * (flatSize - i - 1));
        flatSize--;
        flat[2 * flatSize] = null;
        flat[2 * flatSize + 1] = null;
        return true;
      }
    }
    return false;
  }

  Map<String, String> toMap() {
    if (map != null) {
      return new LinkedHashMap<>(map);
    }
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < flatSize; i++) {
      out.put(flat[2 * i], flat[2 * i + 1]);
    }
    return out;
  }

  List<String> fields() {
    if (map != null) {
      return new ArrayList<>(map.keySet());
    }
    List<String> out = new ArrayList<>(flatSize);
    for (int i = 0; i < flatSize; i++) {
      out.add(flat[2 * i]);
    }
    return out;
  }
}
