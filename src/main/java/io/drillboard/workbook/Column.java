package io.drillboard.workbook;

import java.util.List;

/**
 * One column of a sheet: the format's key it holds (dotted for a nested key, "trigger.inject"), its kind, its caption
 * in Chinese and English for the header, and the values a planner may pick from, if the format allows only a few.
 */
record Column(String key, CellKind kind, String zh, String en, List<String> choices) {
  static Column of(String key, CellKind kind, String zh, String en) {
    return new Column(key, kind, zh, en, List.of());
  }

  static Column choice(String key, String zh, String en, String... choices) {
    return new Column(key, CellKind.TEXT, zh, en, List.of(choices));
  }

  List<String> segments() {
    return List.of(key.split("\\."));
  }

  /** The header cell: the key on its first line, which is what import reads, then the captions. */
  String header() {
    return key + "\n" + zh + " · " + en;
  }
}
