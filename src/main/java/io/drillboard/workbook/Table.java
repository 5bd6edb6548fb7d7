package io.drillboard.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one sheet of the workbook holds part of a scenario's tree, both ways: the rows it exports, and how rows read back
 * are put into the tree.
 */
sealed interface Table {
  String sheet();

  List<Column> columns();

  /** The rows of this sheet, by column key; adds the path of every value shown to {@code shown}. */
  List<Map<String, Object>> rows(Map<String, Object> scenario, List<String> shown);

  /** Puts the rows read into the tree, noting where each value came from; problems found go to {@code problems}. */
  void read(Map<String, Object> scenario, List<ReadRow> rows, CellSources sources, List<String> problems);

  /** A list of mappings, one row each: objectives, injects, criteria, feed templates. */
  record Rows(String sheet, String path, List<Column> columns) implements Table {
    @Override
    public List<Map<String, Object>> rows(Map<String, Object> scenario, List<String> shown) {
      List<?> elements = Tree.listAt(scenario, segments(path));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < elements.size(); i++) {
        rows.add(flatten(elements.get(i), columns, path + "[" + i + "]", shown));
      }
      return rows;
    }

    @Override
    public void read(Map<String, Object> scenario, List<ReadRow> rows, CellSources sources, List<String> problems) {
      sources.sheet(path, sheet);
      if (rows.isEmpty()) {
        return;
      }
      List<Object> list = Tree.list(scenario, segments(path));
      for (ReadRow row : rows) {
        sources.row(path + "[" + list.size() + "]", row);
        list.add(unflatten(row, columns));
      }
    }
  }

  /** The tasks, listed under their teams in the format and here one row each with the team's id in front. */
  record Children(String sheet, String parents, String children, Column parent, List<Column> columns)
      implements Table {
    @Override
    public List<Map<String, Object>> rows(Map<String, Object> scenario, List<String> shown) {
      List<Map<String, Object>> rows = new ArrayList<>();
      List<?> owners = Tree.listAt(scenario, List.of(parents));
      for (int i = 0; i < owners.size(); i++) {
        List<?> elements = Tree.listAt(owners.get(i), List.of(children));
        for (int j = 0; j < elements.size(); j++) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put(parent.key(), Tree.get(owners.get(i), List.of("id")));
          row.putAll(flatten(elements.get(j), columns, parents + "[" + i + "]." + children + "[" + j + "]", shown));
          rows.add(row);
        }
      }
      return rows;
    }

    @Override
    public List<Column> columns() {
      return keyFirst(parent, columns);
    }

    @Override
    public void read(Map<String, Object> scenario, List<ReadRow> rows, CellSources sources, List<String> problems) {
      List<?> owners = Tree.listAt(scenario, List.of(parents));
      for (ReadRow row : rows) {
        Object owner = row.get(parent.key());
        int index = -1;
        for (int i = 0; i < owners.size() && owner != null; i++) {
          if (owner.equals(Tree.get(owners.get(i), List.of("id")))) {
            index = i;
          }
        }
        if (owner == null) {
          problems.add(missing(row, parent));
        } else if (index < 0) {
          problems.add(row.cellRef(parent.key()) + ": no row of the sheet " + capitalised(parents) + " has the id \""
              + owner + "\"");
        } else {
          @SuppressWarnings("unchecked")
          List<Object> list = Tree.list((Map<String, Object>) owners.get(index), List.of(children));
          sources.row(parents + "[" + index + "]." + children + "[" + list.size() + "]", row);
          list.add(unflatten(row, columns));
        }
      }
    }
  }

  /** One mapping on one row: the scenario's own keys, the opinion model, the feed's settings. */
  record Single(String sheet, String path, List<Column> columns) implements Table {
    @Override
    public List<Map<String, Object>> rows(Map<String, Object> scenario, List<String> shown) {
      Object node = path.isEmpty() ? scenario : Tree.get(scenario, segments(path));
      Map<String, Object> row = flatten(node, columns, path, shown);
      return row.isEmpty() ? List.of() : List.of(row);
    }

    @Override
    public void read(Map<String, Object> scenario, List<ReadRow> rows, CellSources sources, List<String> problems) {
      columns.forEach(c -> sources.sheet(Tree.path(path, c.segments().get(0)), sheet));
      sources.sheet(path, sheet);
      if (rows.isEmpty()) {
        return;
      }
      rows.stream().skip(1).forEach(extra -> problems.add(extra.rowRef() + ": the sheet " + sheet
          + " holds one row under its header; this is another"));
      ReadRow row = rows.get(0);
      sources.row(path, row);
      Map<String, Object> values = unflatten(row, columns);
      if (path.isEmpty()) {
        scenario.putAll(values);
      } else if (!values.isEmpty()) {
        Tree.map(scenario, segments(path)).putAll(values);
      }
    }
  }

  /**
   * Mappings keyed by name, one row per name: the platforms with their weights and labels, the channels' labels, the
   * feed's values. Each value column goes to its own place in the tree, with "*" standing for the row's name.
   */
  record Keyed(String sheet, Column name, List<Column> columns, Map<String, String> targets) implements Table {
    @Override
    public List<Column> columns() {
      return keyFirst(name, columns);
    }

    @Override
    public List<Map<String, Object>> rows(Map<String, Object> scenario, List<String> shown) {
      Set<String> names = new LinkedHashSet<>();
      columns.forEach(column -> names.addAll(Tree.keysAt(scenario, segments(mapping(column)))));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String key : names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(name.key(), key);
        for (Column column : columns) {
          List<String> target = target(column, key);
          Object value = Tree.get(scenario, target);
          if (value != null) {
            row.put(column.key(), value);
            shown.add(String.join(".", target));
          }
        }
        rows.add(row);
      }
      return rows;
    }

    @Override
    public void read(Map<String, Object> scenario, List<ReadRow> rows, CellSources sources, List<String> problems) {
      columns.forEach(column -> sources.sheet(mapping(column), sheet));
      Map<String, ReadRow> seen = new LinkedHashMap<>();
      for (ReadRow row : rows) {
        Object key = row.get(name.key());
        if (key == null) {
          problems.add(missing(row, name));
          continue;
        }
        ReadRow earlier = seen.putIfAbsent(String.valueOf(key), row);
        if (earlier != null) {
          problems.add(row.cellRef(name.key()) + ": \"" + key + "\" is on " + earlier.rowRef() + " already");
          continue;
        }
        for (Column column : columns) {
          Object value = row.get(column.key());
          List<String> target = target(column, String.valueOf(key));
          int named = segments(mapping(column)).size() + 1;
          sources.cell(String.join(".", target.subList(0, named)), row, name.key());
          sources.cell(String.join(".", target), row, column.key());
          if (value != null) {
            Tree.put(scenario, target, value);
          }
        }
      }
    }

    /** The mapping a value column fills: "opinion.platforms" for "opinion.platforms.*". */
    private String mapping(Column column) {
      String target = targets.get(column.key());
      return target.substring(0, target.indexOf(".*"));
    }

    private List<String> target(Column column, String key) {
      return segments(targets.get(column.key())).stream().map(s -> s.equals("*") ? key : s).toList();
    }
  }

  private static List<String> segments(String path) {
    return List.of(path.split("\\."));
  }

  /** A sheet's columns: the one that names or places each row, then the rest. */
  private static List<Column> keyFirst(Column key, List<Column> columns) {
    List<Column> all = new ArrayList<>(List.of(key));
    all.addAll(columns);
    return all;
  }

  private static String missing(ReadRow row, Column column) {
    return row.cellRef(column.key()) + ": " + column.key() + " is required (" + column.en() + ")";
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** The element's values under the columns' keys, noting each one's path. */
  private static Map<String, Object> flatten(Object element, List<Column> columns, String base, List<String> shown) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Column column : columns) {
      Object value = Tree.get(element, column.segments());
      if (value != null && !(value instanceof Map<?, ?>)) {
        row.put(column.key(), value);
        shown.add(Tree.path(base, column.key()));
      }
    }
    return row;
  }

  private static Map<String, Object> unflatten(ReadRow row, List<Column> columns) {
    Map<String, Object> element = new LinkedHashMap<>();
    for (Column column : columns) {
      Object value = row.get(column.key());
      if (value != null) {
        Tree.put(element, column.segments(), value);
      }
    }
    return element;
  }
}
