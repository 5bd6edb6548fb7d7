package io.drillboard.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * A mapping in a parsed YAML document together with its path, so that every problem found while reading it is recorded
 * as "teams[2].tasks[0].deadline: ..." and reading goes on to find the next one.
 */
final class YamlNode {
  private final String path;
  private final Map<?, ?> values;
  private final List<String> problems;

  YamlNode(String path, Map<?, ?> values, List<String> problems) {
    this.path = path;
    this.values = values;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void problem(String key, String message) {
    problems.add(pathOf(key) + ": " + message);
  }

  void rejectUnknownKeys(Set<String> known) {
    for (Object key : values.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        problem(String.valueOf(key), "unknown key (expected one of " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  /** The mapping's keys, in the file's order. */
  List<String> keys() {
    return values.keySet().stream().map(String::valueOf).toList();
  }

  boolean has(String key) {
    return values.get(key) != null;
  }

  String requiredString(String key) {
    Object value = values.get(key);
    if (value == null) {
      problem(key, "is required");
      return "";
    }
    if (!(value instanceof String text) || text.isBlank()) {
      problem(key, "must be a non-empty text");
      return "";
    }
    return text;
  }

  String optionalString(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    problem(key, "must be a text");
    return null;
  }

  String id(String key) {
    String id = requiredString(key);
    if (!id.isEmpty() && !Ids.valid(id)) {
      problem(key, "\"" + id + "\" is not a valid id (lower-case letters, digits and '-', at most 64)");
    }
    return id;
  }

  long requiredTime(String key) {
    return timeLike(key, SimTime::parseTime, "a time in quotes, such as \"09:30\" or \"D2 09:30\" (day 2)");
  }

  long requiredDuration(String key) {
    return timeLike(key, SimTime::parseDuration, "a duration such as \"15m\", \"1h30m\" or \"1d\"");
  }

  /** A duration that must be longer than zero, reported once whether it is malformed or zero. */
  long positiveDuration(String key) {
    int before = problems.size();
    long duration = requiredDuration(key);
    if (problems.size() == before && duration <= 0) {
      problem(key, "must be longer than zero");
    }
    return duration;
  }

  long optionalTime(String key, long fallback) {
    return has(key) ? requiredTime(key) : fallback;
  }

  private long timeLike(String key, ToLongFunction<String> parse, String expected) {
    Object value = values.get(key);
    if (value == null) {
      problem(key, "is required (" + expected + ")");
      return 0;
    }
    if (!(value instanceof String text)) {
      problem(key, "must be " + expected);
      return 0;
    }
    try {
      return parse.applyAsLong(text);
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage());
      return 0;
    }
  }

  double number(String key, double fallback, double min, double max, boolean minExclusive) {
    Optional<Number> number = optional(key, Number.class, "must be a number");
    if (number.isEmpty()) {
      return fallback;
    }
    double v = number.get().doubleValue();
    boolean belowMin = minExclusive ? v <= min : v < min;
    if (belowMin || v > max || Double.isNaN(v)) {
      problem(key, "must be " + (minExclusive ? "above " : "at least ") + min + " and at most " + max + ", got " + v);
      return fallback;
    }
    return v;
  }

  int requiredInt(String key, int min, int max) {
    Object value = values.get(key);
    if (!(value instanceof Integer || value instanceof Long)) {
      problem(key, value == null ? "is required" : "must be a whole number");
      return min;
    }
    long v = ((Number) value).longValue();
    if (v < min || v > max) {
      problem(key, "must be between " + min + " and " + max + ", got " + v);
      return min;
    }
    return (int) v;
  }

  boolean bool(String key, boolean fallback) {
    return optional(key, Boolean.class, "must be true or false").orElse(fallback);
  }

  Optional<YamlNode> optionalMap(String key) {
    return optional(key, Map.class, "must be a mapping").map(map -> new YamlNode(pathOf(key), map, problems));
  }

  YamlNode requiredMap(String key) {
    if (!has(key)) {
      problem(key, "is required");
    }
    return optionalMap(key).orElseGet(() -> new YamlNode(pathOf(key), Map.of(), problems));
  }

  /** The mappings of a list, each with its indexed path; entries that are not mappings are reported and skipped. */
  List<YamlNode> mapList(String key, boolean required) {
    Object value = values.get(key);
    List<YamlNode> nodes = new ArrayList<>();
    if (value == null) {
      if (required) {
        problem(key, "is required and must list at least one entry");
      }
      return nodes;
    }
    if (!(value instanceof List<?> list)) {
      problem(key, "must be a list");
      return nodes;
    }
    if (required && list.isEmpty()) {
      problem(key, "must list at least one entry");
    }
    for (int i = 0; i < list.size(); i++) {
      String itemPath = pathOf(key) + "[" + i + "]";
      if (list.get(i) instanceof Map<?, ?> map) {
        nodes.add(new YamlNode(itemPath, map, problems));
      } else {
        problems.add(itemPath + ": must be a mapping");
      }
    }
    return nodes;
  }

  List<String> stringList(String key) {
    List<?> list = optional(key, List.class, "must be a list").orElse(List.of());
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof String s) {
        strings.add(s);
      } else {
        problems.add(pathOf(key) + "[" + i + "]: must be a text");
      }
    }
    return strings;
  }

  /** The value at {@code key} when it is a {@code type}: empty when absent, reported when it is something else. */
  private <T> Optional<T> optional(String key, Class<T> type, String mustBe) {
    Object value = values.get(key);
    if (value != null && !type.isInstance(value)) {
      problem(key, mustBe);
      return Optional.empty();
    }
    return Optional.ofNullable(type.cast(value));
  }

  /** A mapping of names to weights, all non-negative, at least one positive, in file order. */
  Map<String, Double> weights(String key) {
    Map<String, Double> weights = new LinkedHashMap<>();
    Optional<YamlNode> node = optionalMap(key);
    if (node.isEmpty()) {
      problem(key, "is required (names with weights)");
      return weights;
    }
    double sum = 0;
    for (Map.Entry<?, ?> entry : node.get().values.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (!(entry.getValue() instanceof Number n) || n.doubleValue() < 0 || !Double.isFinite(n.doubleValue())) {
        node.get().problem(name, "must be a non-negative number");
        continue;
      }
      weights.put(name, n.doubleValue());
      sum += n.doubleValue();
    }
    if (!weights.isEmpty() && sum <= 0) {
      problem(key, "needs at least one positive weight");
    }
    return weights;
  }
}
