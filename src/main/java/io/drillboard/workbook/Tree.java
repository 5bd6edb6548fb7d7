package io.drillboard.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and building the plain tree (maps, lists, scalars) that a scenario's YAML loads into. */
final class Tree {
  private Tree() {
  }

  /** The value at the nested keys, or null where any of them is missing. */
  static Object get(Object node, List<String> segments) {
    Object current = node;
    for (String segment : segments) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(segment);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> root, List<String> segments) {
    Map<String, Object> current = root;
    for (String segment : segments) {
      current = (Map<String, Object>) current.computeIfAbsent(segment, k -> new LinkedHashMap<String, Object>());
    }
    return current;
  }

  static void put(Map<String, Object> root, List<String> segments, Object value) {
    map(root, segments.subList(0, segments.size() - 1)).put(segments.get(segments.size() - 1), value);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> root, List<String> segments) {
    Map<String, Object> parent = map(root, segments.subList(0, segments.size() - 1));
    return (List<Object>) parent.computeIfAbsent(segments.get(segments.size() - 1), k -> new ArrayList<>());
  }

  /** The list at the nested keys; empty where there is none. */
  static List<?> listAt(Object node, List<String> segments) {
    return get(node, segments) instanceof List<?> list ? list : List.of();
  }

  /** The keys of the mapping at the nested keys, in order; empty where there is none. */
  static List<String> keysAt(Object node, List<String> segments) {
    return get(node, segments) instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList()
        : List.of();
  }

  /** A YAML path as the parser reports it: keys joined with '.', "teams[2].tasks[0].deadline". */
  static String path(String base, String key) {
    return base.isEmpty() ? key : base + "." + key;
  }

  /** Every value of the tree with its path, where lists of plain values count as one value. */
  static void leaves(String path, Object node, List<String> into) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> leaves(path(path, String.valueOf(key)), value, into));
    } else if (node instanceof List<?> list && list.stream().anyMatch(e -> e instanceof Map<?, ?>)) {
      for (int i = 0; i < list.size(); i++) {
        leaves(path + "[" + i + "]", list.get(i), into);
      }
    } else if (node != null && !(node instanceof List<?> list && list.isEmpty())) {
      into.add(path);
    }
  }
}
