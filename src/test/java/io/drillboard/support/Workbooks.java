package io.drillboard.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Editing an exported workbook as a planner would in a spreadsheet program. */
public final class Workbooks {
  private Workbooks() {
  }

  public static XSSFWorkbook open(byte[] xlsx) {
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The workbook after the change, saved again. */
  public static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) {
    try (XSSFWorkbook workbook = open(xlsx); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      change.accept(workbook);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
