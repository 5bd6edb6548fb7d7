package io.drillboard.report;

import io.drillboard.report.ReportDocument.Block;
import io.drillboard.report.ReportDocument.Cell;
import io.drillboard.report.ReportDocument.Line;
import io.drillboard.report.ReportDocument.Row;
import io.vertx.core.json.JsonObject;

/**
 * The after-action report as a printable page: no scripts, the opinion curve as inline SVG, A4 pages with the title
 * repeated above and numbered below, Chinese by default and English on request. Every text from the drill is escaped.
 */
public final class ReportHtml {
  private ReportHtml() {
  }

  public static String of(JsonObject report, boolean english) {
    ReportDocument document = ReportDocument.of(report, english);
    String heading = document.title() + " · " + document.subtitle();
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!doctype html><html lang=\"").append(english ? "en" : "zh-CN").append("\"><head><meta charset=\"utf-8\">")
        .append("<title>").append(escape(heading)).append("</title>")
        .append("<link rel=\"stylesheet\" href=\"/fonts/noto-sans-sc/noto-sans-sc.css\"><style>").append(CSS)
        .append(pageMargins(heading, english)).append("</style></head><body><header><h1>")
        .append(escape(document.title())).append("</h1><p class=\"sub\">").append(escape(document.subtitle()))
        .append("</p></header>");
    boolean inSection = false;
    for (Block block : document.blocks()) {
      if (block instanceof ReportDocument.Section section) {
        html.append(inSection ? "</section>" : "").append("<section id=\"").append(section.id()).append("\"><h2>")
            .append(escape(section.heading())).append("</h2>");
        inSection = true;
      } else {
        render(html, block);
      }
    }
    return html.append(inSection ? "</section>" : "").append("</body></html>").toString();
  }

  private static void render(StringBuilder html, Block block) {
    if (block instanceof ReportDocument.Subheading sub) {
      html.append("<h3>").append(escape(sub.text())).append("</h3>");
    } else if (block instanceof ReportDocument.Definitions definitions) {
      html.append("<dl>");
      definitions.items().forEach(d -> html.append("<dt>").append(escape(d.term())).append("</dt><dd>")
          .append(escape(d.value())).append("</dd>"));
      html.append("</dl>");
    } else if (block instanceof ReportDocument.Paragraph paragraph) {
      html.append("<p").append(classOf(paragraph.style())).append(">");
      if (!paragraph.strong().isEmpty()) {
        html.append("<strong>").append(escape(paragraph.strong())).append("</strong>");
      }
      html.append(escape(paragraph.text())).append("</p>");
    } else if (block instanceof ReportDocument.Items items) {
      String tag = items.numbered() ? "ol" : "ul";
      html.append("<").append(tag).append(">");
      items.items().forEach(item -> html.append("<li").append(classOf(item.style())).append(">")
          .append(escape(item.text())).append("</li>"));
      html.append("</").append(tag).append(">");
    } else if (block instanceof ReportDocument.Table table) {
      html.append("<table").append(classOf(table.style())).append("><thead><tr>");
      table.headers().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
      html.append("</tr></thead><tbody>");
      for (Row row : table.rows()) {
        html.append("<tr").append(classOf(row.style())).append(">");
        row.cells().forEach(cell -> cell(html, cell));
        html.append("</tr>");
      }
      html.append("</tbody></table>");
    } else if (block instanceof ReportDocument.Chart chart) {
      html.append(OpinionSvg.of(chart));
    }
  }

  private static void cell(StringBuilder html, Cell cell) {
    html.append("<td>");
    for (Line line : cell.lines()) {
      if (line.href() == null) {
        html.append(cell.lines().size() > 1 ? "<div>" : "").append(escape(line.text()))
            .append(cell.lines().size() > 1 ? "</div>" : "");
      } else {
        html.append("<a class=\"evidence\" href=\"").append(escape(line.href())).append("\">").append(escape(line.text()))
            .append("</a>");
      }
    }
    html.append("</td>");
  }

  private static String classOf(String style) {
    return style == null ? "" : " class=\"" + escape(style) + "\"";
  }

  /**
   * A4 pages whose margins repeat the report's title at the top and number the pages at the bottom; Chromium prints
   * these margin boxes (CSS Paged Media) instead of its own header with the address.
   */
  private static String pageMargins(String title, boolean english) {
    String quoted = "\"" + title.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3C ") + "\"";
    String pages = english ? "\"Page \" counter(page) \" of \" counter(pages)"
        : "\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"";
    // Margin boxes do not inherit the body's font: they name it again, or Chinese prints as empty boxes.
    String font = "font:9pt \"Noto Sans SC\",\"Noto Sans CJK SC\",sans-serif;color:#5a6578";
    return "@page{size:A4;margin:20mm 16mm 18mm;@top-left{content:" + quoted + ";" + font + "}@bottom-center{content:"
        + pages + ";" + font + "}}";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS = """
      body{font:15px/1.6 "Noto Sans SC","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1b2333;
      margin:24px auto;max-width:60em;padding:0 16px}
      header{border-bottom:3px solid #1f5fbf;margin-bottom:16px}h1{margin:0;font-size:26px}.sub{color:#5a6578;margin:4px 0 8px}
      h2{font-size:19px;border-left:4px solid #1f5fbf;padding-left:8px;margin:28px 0 8px}h3{font-size:16px;margin:14px 0 4px}
      table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #cfd6e2;padding:4px 6px;text-align:left;vertical-align:top}
      th{background:#eef2f8;white-space:nowrap}tr.missed td{background:#fdecec}tr.met td{background:#eaf7f0}
      tr.not-achieved td,tr.partly-achieved td{background:#fdecec}tr.achieved td{background:#eaf7f0}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}dt{color:#5a6578}dd{margin:0}
      li.not-achieved,li.partly-achieved{color:#b3261e}.none{color:#5a6578}svg{max-width:100%;height:auto}
      .verdict{font-size:17px;padding:8px 12px;border-left:6px solid #1f5fbf;background:#eef2f8}
      .verdict.not-achieved,.verdict.partly-achieved{border-color:#b3261e;background:#fdecec}
      .verdict.achieved{border-color:#1e7d4f;background:#eaf7f0}
      #timeline td:not(:nth-child(2)),#criteria td:nth-child(n+2):nth-child(-n+4),#latency td:nth-child(n+3){white-space:nowrap}
      a.evidence{display:block;color:#1f5fbf;text-decoration:none}ol.key{margin:0;columns:2;font-size:14px}p.key{margin:4px 0 0}
      table.signoff td{height:40px}table.signoff td:nth-child(3){width:35%}
      thead{display:table-header-group}tr,li,dl{break-inside:avoid}
      @media print{body{margin:0;max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}h3{break-after:avoid}
      table{font-size:9.5pt}a.evidence{color:inherit}#signoff{break-inside:avoid}}
      """;
}
