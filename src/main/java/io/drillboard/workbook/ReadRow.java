package io.drillboard.workbook;

import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * One data row of a sheet as read: its values by column key (blank cells left out) and where each column is, so that
 * every problem can name its cell.
 *
 * @param index the row's 0-based index in the sheet
 */
record ReadRow(String sheet, int index, Map<String, Object> values, Map<String, Integer> columns) {
  Object get(String key) {
    return values.get(key);
  }

  /** The whole row, as Excel names it: "Injects!7:7". */
  String rowRef() {
    return sheet + "!" + (index + 1) + ":" + (index + 1);
  }

  /** The cell of the column, "Injects!C7", or the row where the sheet has no such column. */
  String cellRef(String key) {
    Integer column = columns.get(key);
    return column == null ? rowRef() : sheet + "!" + new CellReference(index, column).formatAsString();
  }
}
