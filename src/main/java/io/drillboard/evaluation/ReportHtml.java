package io.drillboard.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The after-action report as a printable page: no scripts, the opinion curve as inline SVG, Chinese by default and
 * English on request. Every text from the drill is escaped.
 */
public final class ReportHtml {
  private static final Map<String, String[]> WORDS = Map.ofEntries(
      Map.entry("title", new String[] {"演练评估报告", "After-action report"}),
      Map.entry("summary", new String[] {"演练概况", "Summary"}),
      Map.entry("objectives", new String[] {"演练目的", "Objectives"}),
      Map.entry("timeline", new String[] {"演练过程:脚本与实际", "Timeline: script and reality"}),
      Map.entry("latency", new String[] {"响应与完成时长", "Response and completion"}),
      Map.entry("opinion", new String[] {"舆情曲线", "Public-opinion curve"}),
      Map.entry("criteria", new String[] {"评估指标", "Evaluation criteria"}),
      Map.entry("ratings", new String[] {"评定与记录", "Ratings and notes"}),
      Map.entry("lessons", new String[] {"经验与不足", "Lessons learned"}),
      Map.entry("actions", new String[] {"整改措施", "Corrective actions"}),
      Map.entry("conclusions", new String[] {"演练结论", "Conclusions"}),
      Map.entry("drill", new String[] {"演练编号", "Drill"}),
      Map.entry("state", new String[] {"状态", "State"}),
      Map.entry("events", new String[] {"事件数", "Events"}),
      Map.entry("what", new String[] {"事项", "What"}),
      Map.entry("scripted", new String[] {"脚本时间", "Scripted"}),
      Map.entry("actual", new String[] {"实际时间", "Actual"}),
      Map.entry("delta", new String[] {"偏差", "Difference"}),
      Map.entry("team", new String[] {"小组", "Team"}),
      Map.entry("task", new String[] {"任务", "Task"}),
      Map.entry("response", new String[] {"响应时长", "Response"}),
      Map.entry("completion", new String[] {"完成时长", "Completion"}),
      Map.entry("deadline", new String[] {"时限", "Deadline"}),
      Map.entry("overdue", new String[] {"超时", "Overdue"}),
      Map.entry("criterion", new String[] {"指标", "Criterion"}),
      Map.entry("value", new String[] {"实际值", "Value"}),
      Map.entry("target", new String[] {"目标", "Target"}),
      Map.entry("result", new String[] {"结果", "Result"}),
      Map.entry("evidence", new String[] {"证据(事件序号)", "Evidence (event seq)"}),
      Map.entry("met", new String[] {"达标", "Met"}),
      Map.entry("missed", new String[] {"未达标", "Missed"}),
      Map.entry("pending", new String[] {"待定", "Pending"}),
      Map.entry("rating", new String[] {"评定", "Rating"}),
      Map.entry("note", new String[] {"说明", "Note"}),
      Map.entry("by", new String[] {"记录人", "By"}),
      Map.entry("at", new String[] {"时间", "At"}),
      Map.entry("strengths", new String[] {"做得好的方面", "Strengths"}),
      Map.entry("improvements", new String[] {"存在的不足", "Areas for improvement"}),
      Map.entry("owner", new String[] {"责任人", "Owner"}),
      Map.entry("due", new String[] {"完成期限", "Due"}),
      Map.entry("none", new String[] {"暂无", "None yet"}),
      Map.entry("peak", new String[] {"峰值", "Peak"}),
      Map.entry("total", new String[] {"帖子总数", "Posts in all"}),
      Map.entry("yes", new String[] {"是", "yes"}));

  private ReportHtml() {
  }

  public static String of(JsonObject report, boolean english) {
    Page page = new Page(english);
    JsonObject drill = report.getJsonObject("drill");
    JsonObject scenario = report.getJsonObject("scenario");
    String title = page.pick(scenario, "title");
    page.raw("<!doctype html><html lang=\"").raw(english ? "en" : "zh-CN").raw("\"><head><meta charset=\"utf-8\">")
        .raw("<title>").text(title + " · " + page.word("title")).raw("</title><style>").raw(CSS).raw("</style></head>")
        .raw("<body><header><h1>").text(title).raw("</h1><p class=\"sub\">").text(page.word("title")).raw("</p></header>");

    page.section("summary").raw("<dl>");
    page.pair(page.word("drill"), drill.getString("id"));
    page.pair(page.word("state"), drill.getString("state") + (drill.getString("endReason") == null ? ""
        : " (" + drill.getString("endReason") + ")"));
    page.pair("Sim", scenario.getString("start") + " – " + drill.getString("simEnd"));
    page.pair(page.word("events"), String.valueOf(report.getLong("events")));
    page.raw("</dl><p>").text(page.pick(scenario, "description")).raw("</p></section>");

    page.section("objectives").raw("<ol>");
    for (Object o : scenario.getJsonArray("objectives")) {
      page.raw("<li>").text(page.pick((JsonObject) o, "text")).raw("</li>");
    }
    page.raw("</ol></section>");

    page.section("timeline").table("at", "what", "scripted", "actual", "delta");
    for (Object o : report.getJsonArray("timeline")) {
      JsonObject row = (JsonObject) o;
      page.row(row.getString("actual", row.getString("scripted")), page.pick(row, "title"),
          row.getString("scripted"), row.getString("actual"), minutes(row.getDouble("deltaSec")));
    }
    page.raw("</tbody></table></section>");

    JsonObject latency = report.getJsonObject("latency");
    page.section("latency").table("team", "task", "response", "completion", "deadline", "overdue");
    for (Object o : latency.getJsonArray("tasks")) {
      JsonObject task = (JsonObject) o;
      page.row(teamName(latency, task.getString("team"), page), page.pick(task, "title"),
          minutes(task.getDouble("responseSec")), minutes(task.getDouble("completionSec")),
          minutes(task.getDouble("deadlineSec")), task.getBoolean("overdue") ? page.word("yes") : "");
    }
    page.raw("</tbody></table></section>");

    JsonObject opinion = report.getJsonObject("opinion");
    page.section("opinion").raw(OpinionSvg.of(opinion, english)).raw("<p>").text(page.word("total") + ": "
        + opinion.getLong("total") + (opinion.getJsonObject("peak") == null ? "" : " · " + page.word("peak") + ": "
        + opinion.getJsonObject("peak").getString("time") + " (" + opinion.getJsonObject("peak").getInteger("count")
        + ")")).raw("</p></section>");

    page.section("criteria").table("criterion", "value", "target", "result", "evidence");
    for (Object o : report.getJsonArray("criteria")) {
      JsonObject c = (JsonObject) o;
      String result = c.getBoolean("met") == null ? page.word("pending") : c.getBoolean("met") ? page.word("met")
          : page.word("missed");
      page.raw("<tr class=\"").raw(c.getBoolean("met") == null ? "pending" : c.getBoolean("met") ? "met" : "missed")
          .raw("\">");
      String value = "tasks".equals(c.getString("unit"))
          ? (c.getDouble("value") == null ? "—" : String.valueOf(c.getDouble("value").longValue()))
          : minutes(c.getDouble("value"));
      page.cells(page.pick(c, "name"), value, minutes(c.getDouble("target")), result,
          c.getJsonArray("evidence").encode().replaceAll("[\\[\\]]", ""));
      page.raw("</tr>");
    }
    page.raw("</tbody></table></section>");

    JsonObject assessment = report.getJsonObject("assessment");
    page.section("ratings");
    page.list(assessment.getJsonArray("ratings"), r -> r.getString("rating") + " · " + r.getString("target") + " "
        + r.getString("targetId") + (r.getString("note") == null ? "" : " — " + r.getString("note")) + " ("
        + r.getString("by") + ")");
    page.list(assessment.getJsonArray("notes"), n -> n.getString("at") + " " + n.getString("text") + " ("
        + n.getString("by") + ")");
    page.raw("</section>");

    page.section("lessons").raw("<h3>").text(page.word("strengths")).raw("</h3>");
    page.list(assessment.getJsonArray("strengths"), l -> l.getString("text"));
    page.raw("<h3>").text(page.word("improvements")).raw("</h3>");
    page.list(assessment.getJsonArray("improvements"), l -> l.getString("text"));
    page.raw("</section>");

    page.section("actions").table("what", "owner", "due", "by");
    for (Object o : assessment.getJsonArray("actions")) {
      JsonObject a = (JsonObject) o;
      page.row(a.getString("text"), a.getString("owner"), a.getString("due"), a.getString("by"));
    }
    page.raw("</tbody></table></section>");

    page.section("conclusions").raw("<ol>");
    for (Object o : report.getJsonArray("conclusions")) {
      JsonObject c = (JsonObject) o;
      page.raw("<li class=\"").raw(c.getString("verdict")).raw("\">").text(english ? c.getString("textEn")
          : c.getString("text")).raw("</li>");
    }
    page.raw("</ol></section></body></html>");
    return page.toString();
  }

  private static String teamName(JsonObject latency, String teamId, Page page) {
    for (Object o : latency.getJsonArray("teams")) {
      if (((JsonObject) o).getString("id").equals(teamId)) {
        return page.pick((JsonObject) o, "name");
      }
    }
    return teamId;
  }

  static String minutes(Double seconds) {
    if (seconds == null) {
      return "—";
    }
    long total = Math.round(Math.abs(seconds) / 60);
    String sign = seconds < 0 ? "−" : "";
    return total >= 60 ? sign + total / 60 + "h" + String.format("%02d", total % 60) + "m" : sign + total + "m";
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

  /** The HTML being written, with the report's words in the chosen language. */
  private static final class Page {
    private final StringBuilder html = new StringBuilder(64 * 1024);
    private final boolean english;

    Page(boolean english) {
      this.english = english;
    }

    String word(String key) {
      return WORDS.get(key)[english ? 1 : 0];
    }

    String pick(JsonObject object, String field) {
      String en = object.getString(field + "En");
      return english && en != null ? en : object.getString(field);
    }

    Page raw(String trusted) {
      html.append(trusted);
      return this;
    }

    Page text(String untrusted) {
      html.append(escape(untrusted));
      return this;
    }

    Page section(String id) {
      return raw("<section id=\"").raw(id).raw("\"><h2>").text(word(id)).raw("</h2>");
    }

    void pair(String key, String value) {
      raw("<dt>").text(key).raw("</dt><dd>").text(value).raw("</dd>");
    }

    Page table(String... headers) {
      raw("<table><thead><tr>");
      for (String header : headers) {
        raw("<th>").text(word(header)).raw("</th>");
      }
      return raw("</tr></thead><tbody>");
    }

    void row(String... cells) {
      raw("<tr>");
      cells(cells);
      raw("</tr>");
    }

    void cells(String... cells) {
      for (String cell : cells) {
        raw("<td>").text(cell == null ? "—" : cell).raw("</td>");
      }
    }

    void list(JsonArray items, java.util.function.Function<JsonObject, String> line) {
      if (items.isEmpty()) {
        raw("<p class=\"none\">").text(word("none")).raw("</p>");
        return;
      }
      raw("<ul>");
      for (Object item : items) {
        raw("<li>").text(line.apply((JsonObject) item)).raw("</li>");
      }
      raw("</ul>");
    }

    @Override
    public String toString() {
      return html.toString();
    }
  }

  private static final String CSS = """
      body{font:14px/1.5 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1b2333;margin:24px;}
      header{border-bottom:3px solid #1f5fbf;margin-bottom:16px}h1{margin:0;font-size:24px}.sub{color:#5a6578;margin:4px 0 8px}
      h2{font-size:18px;border-left:4px solid #1f5fbf;padding-left:8px;margin:24px 0 8px}h3{font-size:15px;margin:12px 0 4px}
      table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #cfd6e2;padding:4px 6px;text-align:left;vertical-align:top}
      th{background:#eef2f8}tr.missed td{background:#fdecec}tr.met td{background:#eaf7f0}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}
      dt{color:#5a6578}dd{margin:0}li.not-achieved{color:#b3261e}.none{color:#5a6578}svg{max-width:100%;height:auto}
      section{break-inside:avoid-page}@media print{body{margin:12mm}h2{break-after:avoid}}
      """;
}
