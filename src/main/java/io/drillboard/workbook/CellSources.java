package io.drillboard.workbook;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a scenario read from a workbook came from, so that the parser's problems, which name YAML paths
 * ("injects[5].at: ..."), can name cells instead ("Injects!C7: ...").
 */
final class CellSources {
  private final Map<String, String> refs = new HashMap<>();

  /** A whole list or mapping that one sheet holds, for problems about it as a whole ("teams: ..."). */
  void sheet(String path, String sheet) {
    refs.putIfAbsent(path, sheet);
  }

  /** A value read from a row: the element at {@code base} and each of its columns, blank or not. */
  void row(String base, ReadRow row) {
    refs.put(base, row.rowRef());
    row.columns().keySet().forEach(key -> refs.put(Tree.path(base, key), row.cellRef(key)));
  }

  void cell(String path, ReadRow row, String key) {
    refs.put(path, row.cellRef(key));
  }

  /**
   * The problem with its path replaced by the nearest place it came from: the cell, else the row (keeping the rest of
   * the path, "Tasks!7:7: trigger: ..."), else the sheet.
   */
  String locate(String problem) {
    int colon = problem.indexOf(": ");
    if (colon < 0) {
      return problem;
    }
    String path = problem.substring(0, colon);
    String message = problem.substring(colon + 2);
    for (String prefix = path; !prefix.isEmpty(); prefix = parent(prefix)) {
      String ref = refs.get(prefix);
      if (ref != null) {
        String rest = path.substring(prefix.length()).replaceFirst("^\\.", "");
        return ref + ": " + (rest.isEmpty() ? "" : rest + ": ") + message;
      }
    }
    return problem;
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
