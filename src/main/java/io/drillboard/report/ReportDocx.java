package io.drillboard.report;

import io.drillboard.report.ReportDocument.Block;
import io.drillboard.report.ReportDocument.Cell;
import io.drillboard.report.ReportDocument.Line;
import io.drillboard.report.ReportDocument.Row;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The after-action report as a Word document (.docx), since banks file Word documents: the same blocks as the
 * printable page, on A4 with the title in every page's header and "page n of m" in its footer. The opinion curve is
 * told in figures (total, peak, numbered actions), and evidence as text without its replay links: Word gets neither a
 * chart nor links into a signed-in page.
 */
public final class ReportDocx {
  /** A4 in twentieths of a point, and 2 cm margins. */
  private static final long A4_WIDTH = 11906;
  private static final long A4_HEIGHT = 16838;
  private static final long MARGIN = 1134;
  private static final String EAST_ASIAN_FONT = "Microsoft YaHei";
  private static final String LATIN_FONT = "Calibri";

  private ReportDocx() {
  }

  /** @param report the report's JSON, as {@link Report#of} gives it */
  public static byte[] of(JsonObject report, boolean english) {
    return write(ReportDocument.of(report, english));
  }

  private static byte[] write(ReportDocument document) {
    try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      a4(docx);
      String heading = document.title() + " · " + document.subtitle();
      XWPFHeader header = docx.createHeader(HeaderFooterType.DEFAULT);
      run(header.createParagraph(), heading, 9, false);
      pageNumbers(docx.createFooter(HeaderFooterType.DEFAULT), document.english());
      docx.getProperties().getCoreProperties().setTitle(heading);
      run(docx.createParagraph(), document.title(), 20, true);
      run(docx.createParagraph(), document.subtitle(), 12, false);
      for (Block block : document.blocks()) {
        render(docx, block);
      }
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the Word report could not be written", e);
    }
  }

  private static void a4(XWPFDocument docx) {
    CTSectPr section = docx.getDocument().getBody().isSetSectPr() ? docx.getDocument().getBody().getSectPr()
        : docx.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
    size.setW(BigInteger.valueOf(A4_WIDTH));
    size.setH(BigInteger.valueOf(A4_HEIGHT));
    CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(MARGIN));
    margins.setBottom(BigInteger.valueOf(MARGIN));
    margins.setLeft(BigInteger.valueOf(MARGIN));
    margins.setRight(BigInteger.valueOf(MARGIN));
  }

  /** "第 n 页，共 m 页" (Page n of m) from Word's own PAGE and NUMPAGES fields. */
  private static void pageNumbers(XWPFFooter footer, boolean english) {
    XWPFParagraph paragraph = footer.createParagraph();
    paragraph.setAlignment(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
    run(paragraph, english ? "Page " : "第 ", 9, false);
    paragraph.getCTP().addNewFldSimple().setInstr("PAGE");
    run(paragraph, english ? " of " : " 页，共 ", 9, false);
    paragraph.getCTP().addNewFldSimple().setInstr("NUMPAGES");
    if (!english) {
      run(paragraph, " 页", 9, false);
    }
  }

  private static void render(XWPFDocument docx, Block block) {
    if (block instanceof ReportDocument.Section section) {
      XWPFParagraph paragraph = docx.createParagraph();
      paragraph.setSpacingBefore(240);
      run(paragraph, section.heading(), 14, true);
    } else if (block instanceof ReportDocument.Subheading sub) {
      run(docx.createParagraph(), sub.text(), 11, true);
    } else if (block instanceof ReportDocument.Definitions definitions) {
      definitions.items().forEach(d -> {
        XWPFParagraph paragraph = docx.createParagraph();
        run(paragraph, d.term() + "：", 10.5, true);
        run(paragraph, d.value(), 10.5, false);
      });
    } else if (block instanceof ReportDocument.Paragraph text) {
      XWPFParagraph paragraph = docx.createParagraph();
      if (!text.strong().isEmpty()) {
        run(paragraph, text.strong(), 12, true);
      }
      run(paragraph, text.text(), 10.5, false);
    } else if (block instanceof ReportDocument.Items items) {
      int number = 0;
      for (ReportDocument.Item item : items.items()) {
        number++;
        run(docx.createParagraph(), (items.numbered() ? number + ". " : "• ") + item.text(), 10.5, false);
      }
    } else if (block instanceof ReportDocument.Table table) {
      table(docx, table.headers(), table.rows());
    }
  }

  private static void table(XWPFDocument docx, List<String> headers, List<Row> rows) {
    XWPFTable table = docx.createTable(rows.size() + 1, headers.size());
    table.setWidth("100%");
    XWPFTableRow head = table.getRow(0);
    // Long tables go on over pages; their header row repeats on each.
    head.setRepeatHeader(true);
    for (int c = 0; c < headers.size(); c++) {
      fill(head.getCell(c), List.of(new Line(headers.get(c), null)), true);
      head.getCell(c).setColor("EEF2F8");
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Cell> cells = rows.get(r).cells();
      for (int c = 0; c < cells.size(); c++) {
        fill(table.getRow(r + 1).getCell(c), cells.get(c).lines(), false);
      }
    }
  }

  private static void fill(XWPFTableCell cell, List<Line> lines, boolean bold) {
    XWPFParagraph first = cell.getParagraphs().get(0);
    for (int i = 0; i < lines.size(); i++) {
      XWPFParagraph paragraph = i == 0 ? first : cell.addParagraph();
      run(paragraph, lines.get(i).text(), 9.5, bold);
    }
  }

  private static XWPFRun run(XWPFParagraph paragraph, String text, double size, boolean bold) {
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setBold(bold);
    run.setFontSize(size);
    run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
    run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
    run.setFontFamily(EAST_ASIAN_FONT, XWPFRun.FontCharRange.eastAsia);
    return run;
  }
}
