package io.drillboard.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes the rows of each sheet as an xlsx workbook a planner can edit in Excel, WPS or LibreOffice. */
final class WorkbookWriter {
  /** Rows below the data that still offer the lists of choices, so that added rows get them too. */
  private static final int SPARE_ROWS = 500;

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final CellStyle header = workbook.createCellStyle();
  private final CellStyle text = workbook.createCellStyle();
  private final CellStyle longText = workbook.createCellStyle();
  private final CellStyle number = workbook.createCellStyle();

  WorkbookWriter() {
    Font bold = workbook.createFont();
    bold.setBold(true);
    header.setFont(bold);
    header.setWrapText(true);
    header.setVerticalAlignment(VerticalAlignment.TOP);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    // "@" keeps what a planner types as text: "09:00" stays a time of the format, not a fraction of a day.
    short textFormat = workbook.createDataFormat().getFormat("@");
    text.setDataFormat(textFormat);
    text.setVerticalAlignment(VerticalAlignment.TOP);
    longText.cloneStyleFrom(text);
    longText.setWrapText(true);
    number.setVerticalAlignment(VerticalAlignment.TOP);
  }

  void sheet(Table table, List<Map<String, Object>> rows) {
    Sheet sheet = workbook.createSheet(table.sheet());
    List<Column> columns = table.columns();
    Row head = sheet.createRow(0);
    head.setHeightInPoints(3 * sheet.getDefaultRowHeightInPoints());
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      Cell cell = head.createCell(c);
      cell.setCellValue(column.header());
      cell.setCellStyle(header);
      sheet.setColumnWidth(c, 256 * (column.kind() == CellKind.TEXT && column.choices().isEmpty() ? 36 : 16));
      sheet.setDefaultColumnStyle(c, style(column.kind()));
      offerChoices(sheet, column, c, rows.size());
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      for (int c = 0; c < columns.size(); c++) {
        Object value = rows.get(r).get(columns.get(c).key());
        if (value != null) {
          write(row.createCell(c), columns.get(c).kind(), value);
        }
      }
    }
    sheet.createFreezePane(0, 1);
  }

  byte[] bytes() {
    try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as text in a CSV file, as the workbook's cell shows it. */
  static String text(CellKind kind, Object value) {
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof Number n && kind.typed()) {
      return NumberToTextConverter.toText(n.doubleValue());
    }
    return String.valueOf(value);
  }

  private void write(Cell cell, CellKind kind, Object value) {
    cell.setCellStyle(style(kind));
    if (kind.typed() && value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (kind.typed() && value instanceof Boolean b) {
      cell.setCellValue(b);
    } else {
      cell.setCellValue(text(kind, value));
    }
  }

  private CellStyle style(CellKind kind) {
    return switch (kind) {
      case TEXT -> longText;
      case NUMBER, INTEGER, BOOLEAN -> number;
      default -> text;
    };
  }

  private static void offerChoices(Sheet sheet, Column column, int c, int rows) {
    List<String> choices = column.kind() == CellKind.BOOLEAN ? List.of("TRUE", "FALSE") : column.choices();
    if (choices.isEmpty()) {
      return;
    }
    DataValidationHelper helper = sheet.getDataValidationHelper();
    var validation = helper.createValidation(helper.createExplicitListConstraint(choices.toArray(String[]::new)),
        new CellRangeAddressList(1, rows + SPARE_ROWS, c, c));
    validation.setShowErrorBox(true);
    sheet.addValidationData(validation);
  }
}
