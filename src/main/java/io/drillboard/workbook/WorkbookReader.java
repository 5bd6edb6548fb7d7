package io.drillboard.workbook;

import io.drillboard.scenario.SimTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a workbook back into a scenario's tree, within bounds: the file's size, each part's unzipped size and ratio (a
 * zip bomb is refused before it expands), the rows of a sheet and the cells in all. Every problem names its cell.
 */
final class WorkbookReader {
  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_ROWS = 5_000;
  static final int MAX_COLUMNS = 64;
  static final int MAX_CELLS = 200_000;
  /** A part that unzips to more than 100 times its size is a bomb, not a spreadsheet: real sheets stay under 30. */
  private static final double MIN_INFLATE_RATIO = 0.01;
  private static final long MAX_PART_BYTES = 64L * 1024 * 1024;

  static {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    IOUtils.setByteArrayMaxOverride((int) MAX_PART_BYTES);
  }

  record Result(Map<String, Object> tree, CellSources sources, List<String> problems) {
  }

  private final Map<String, Object> tree = new LinkedHashMap<>();
  private final CellSources sources = new CellSources();
  private final List<String> problems = new ArrayList<>();
  private int cells;

  private WorkbookReader() {
  }

  static Result read(byte[] bytes) {
    WorkbookReader reader = new WorkbookReader();
    if (bytes.length > MAX_BYTES) {
      reader.problems.add("(workbook): larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    } else {
      reader.readWorkbook(bytes);
    }
    return new Result(reader.tree, reader.sources, reader.problems);
  }

  private void readWorkbook(byte[] bytes) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : workbook) {
        if (Layout.table(sheet.getSheetName()).isEmpty() && sheet.getPhysicalNumberOfRows() > 0) {
          problems.add(sheet.getSheetName() + ": unknown sheet (expected " + String.join(", ", Layout.sheets())
              + "); delete it or rename it");
        }
      }
      for (Table table : Layout.TABLES) {
        Sheet sheet = sheetNamed(workbook, table.sheet());
        table.read(tree, sheet == null ? List.of() : rows(sheet, table), sources, problems);
      }
    } catch (IOException | POIXMLException | RecordFormatException | IllegalArgumentException
        | IllegalStateException e) {
      problems.add("(workbook): " + unreadable(e));
    }
  }

  private static Sheet sheetNamed(XSSFWorkbook workbook, String name) {
    for (Sheet sheet : workbook) {
      if (sheet.getSheetName().equalsIgnoreCase(name)) {
        return sheet;
      }
    }
    return null;
  }

  private static String unreadable(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Zip bomb")) {
      return "refused: a part of the file would unzip to more than " + Math.round(1 / MIN_INFLATE_RATIO)
          + " times its size (a zip bomb)";
    }
    if (message.contains("exceeds the maximum") || message.contains("Tried to allocate")) {
      return "refused: a part of the file would unzip to more than " + MAX_PART_BYTES / (1024 * 1024) + " MiB";
    }
    return "not a readable xlsx workbook (save it from Excel, WPS or LibreOffice as .xlsx): "
        + message.lines().findFirst().orElse("");
  }

  private List<ReadRow> rows(Sheet sheet, Table table) {
    String name = table.sheet();
    if (sheet.getLastRowNum() > MAX_ROWS) {
      problems.add(name + ": more than " + MAX_ROWS + " rows");
      return List.of();
    }
    Map<Integer, Column> byIndex = header(sheet, name, table.columns());
    Map<String, Integer> columnIndex = new HashMap<>();
    byIndex.forEach((index, column) -> columnIndex.put(column.key(), index));
    List<ReadRow> rows = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      ReadRow read = new ReadRow(name, r, values, columnIndex);
      for (Cell cell : row) {
        if (++cells > MAX_CELLS) {
          problems.add(name + ": the workbook has more than " + MAX_CELLS + " cells");
          return rows;
        }
        Column column = byIndex.get(cell.getColumnIndex());
        Object value;
        try {
          value = value(cell, column == null ? CellKind.TEXT : column.kind());
        } catch (IllegalArgumentException e) {
          problems.add(name + "!" + cell.getAddress().formatAsString() + ": " + e.getMessage());
          continue;
        }
        if (value != null && column == null) {
          problems.add(name + "!" + cell.getAddress().formatAsString()
              + ": this column has no key in its header; give it one of the format's keys or clear it");
        } else if (value != null) {
          values.put(column.key(), value);
        }
      }
      if (!values.isEmpty()) {
        rows.add(read);
      }
    }
    return rows;
  }

  /** The columns by index, from the first line of each header cell. */
  private Map<Integer, Column> header(Sheet sheet, String name, List<Column> columns) {
    Map<Integer, Column> byIndex = new HashMap<>();
    Row head = sheet.getRow(0);
    if (head == null) {
      return byIndex;
    }
    if (head.getLastCellNum() > MAX_COLUMNS) {
      problems.add(name + "!1:1: more than " + MAX_COLUMNS + " columns");
      return byIndex;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (Cell cell : head) {
      String ref = name + "!" + cell.getAddress().formatAsString();
      String key = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip().lines().findFirst()
          .orElse("").strip() : "";
      if (key.isEmpty()) {
        continue;
      }
      Column column = columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
      if (column == null) {
        problems.add(ref + ": unknown column \"" + key + "\" (expected one of "
            + String.join(", ", columns.stream().map(Column::key).toList()) + ")");
      } else if (seen.putIfAbsent(key, cell.getColumnIndex()) != null) {
        problems.add(ref + ": the column \"" + key + "\" is there twice");
      } else {
        byIndex.put(cell.getColumnIndex(), column);
      }
    }
    return byIndex;
  }

  /** The cell's value as the format reads it, or null for a blank cell. */
  static Object value(Cell cell, CellKind kind) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> fromText(cell.getStringCellValue(), kind);
      case NUMERIC -> fromNumber(cell.getNumericCellValue(), kind);
      case BOOLEAN -> kind == CellKind.BOOLEAN ? cell.getBooleanCellValue()
          : fromText(String.valueOf(cell.getBooleanCellValue()), kind);
      case ERROR -> throw new IllegalArgumentException("holds a formula error; give a value");
      default -> null;
    };
  }

  private static Object fromText(String text, CellKind kind) {
    if (text.isBlank()) {
      return null;
    }
    String trimmed = text.strip();
    return switch (kind) {
      case TEXT -> text;
      case IDS -> Arrays.stream(trimmed.split("[,,、\\s]+")).filter(s -> !s.isEmpty()).toList();
      case NUMBER, INTEGER -> number(trimmed);
      case BOOLEAN -> trimmed.equalsIgnoreCase("true") ? Boolean.TRUE
          : trimmed.equalsIgnoreCase("false") ? Boolean.FALSE : trimmed;
      default -> trimmed;
    };
  }

  private static Object fromNumber(double value, CellKind kind) {
    return switch (kind) {
      case NUMBER, INTEGER -> number(NumberToTextConverter.toText(value));
      case TIME -> timeOfDay(value);
      case IDS -> List.of(NumberToTextConverter.toText(value));
      default -> NumberToTextConverter.toText(value);
    };
  }

  /** A whole number as Long, a decimal as Double; text that is neither stays text for the parser to refuse. */
  private static Object number(String text) {
    try {
      BigDecimal decimal = new BigDecimal(text);
      if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
        return decimal.longValueExact();
      }
      return decimal.doubleValue();
    } catch (NumberFormatException | ArithmeticException e) {
      return text;
    }
  }

  /** A spreadsheet's time of day is a fraction of a day: 0.375 is 09:00. */
  private static String timeOfDay(double fraction) {
    long seconds = Math.round(fraction * SimTime.DAY / SimTime.SECOND);
    if (fraction < 0 || seconds >= SimTime.DAY / SimTime.SECOND) {
      throw new IllegalArgumentException("is a date or a number, not a time of day: write it as text, like \"09:00\""
          + " or \"D2 09:00\"");
    }
    String time = SimTime.format(seconds * SimTime.SECOND);
    return time.endsWith(":00") ? time.substring(0, time.length() - 3) : time;
  }
}
