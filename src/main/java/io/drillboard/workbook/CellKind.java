package io.drillboard.workbook;

/**
 * What a column holds, which decides how a cell is written and read back: times, durations and ids are written as text
 * so that a spreadsheet does not turn "09:00" into a fraction of a day, numbers and booleans as typed cells.
 */
enum CellKind {
  TEXT, ID, IDS, TIME, DURATION, NUMBER, INTEGER, BOOLEAN;

  boolean typed() {
    return this == NUMBER || this == INTEGER || this == BOOLEAN;
  }
}
