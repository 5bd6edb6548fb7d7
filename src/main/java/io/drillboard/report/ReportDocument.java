package io.drillboard.report;

import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the after-action report says, in order, as blocks of text: written once from the report's JSON in one
 * language, then rendered as a printable page ({@link ReportHtml}) or a Word document ({@link ReportDocx}), so that the
 * two never say different things.
 */
public record ReportDocument(String title, String subtitle, boolean english, List<Block> blocks) {

  public sealed interface Block {
  }

  /** Starts a section: {@code id} names it for styles and links. */
  public record Section(String id, String heading) implements Block {
  }

  public record Subheading(String text) implements Block {
  }

  public record Definitions(List<Definition> items) implements Block {
  }

  public record Definition(String term, String value) {
  }

  /** {@code strong} leads in bold (may be empty); {@code style} says how it stands out (null: plain). */
  public record Paragraph(String strong, String text, String style) implements Block {
  }

  public record Items(boolean numbered, List<Item> items) implements Block {
  }

  public record Item(String text, String style) {
  }

  public record Table(String style, List<String> headers, List<Row> rows) implements Block {
  }

  public record Row(String style, List<Cell> cells) {
  }

  /** A cell's lines; a line with an href links to that place in the replay. */
  public record Cell(List<Line> lines) {
    static Cell of(String text) {
      return new Cell(List.of(new Line(text == null || text.isEmpty() ? "—" : text, null)));
    }
  }

  public record Line(String text, String href) {
  }

  /** The opinion curve, drawn by the renderer that can, with the sim times its axis starts and ends at. */
  public record Chart(JsonObject opinion, String from, String to) implements Block {
  }

  public static ReportDocument of(JsonObject report, boolean english) {
    JsonObject scenario = report.getJsonObject("scenario");
    Writer writer = new Writer(english, SimTime.parseTime(scenario.getString("end")) >= SimTime.DAY);
    overview(writer, report);
    executiveSummary(writer, report);
    timeline(writer, report);
    contingencies(writer, report.getJsonArray("contingencies"));
    latency(writer, report.getJsonObject("latency"));
    opinion(writer, report.getJsonObject("opinion"));
    criteria(writer, report);
    JsonObject assessment = report.getJsonObject("assessment");
    ratings(writer, assessment);
    lessons(writer, assessment);
    actions(writer, assessment);
    writer.section("conclusions");
    writer.add(new Items(true, report.getJsonArray("conclusions").stream().map(c -> (JsonObject) c)
        .map(c -> new Item(english ? c.getString("textEn") : c.getString("text"), c.getString("verdict"))).toList()));
    signOff(writer, report);
    String name = report.getJsonObject("drill").getString("name");
    return new ReportDocument(name != null ? name : writer.pick(scenario, "title"), writer.word("title"), english,
        List.copyOf(writer.blocks));
  }

  /** Who, when and where: what an audit file asks first. */
  private static void overview(Writer w, JsonObject report) {
    JsonObject drill = report.getJsonObject("drill");
    JsonObject scenario = report.getJsonObject("scenario");
    JsonObject participants = report.getJsonObject("participants");
    w.section("overview");
    String started = drill.getString("started");
    String ended = drill.getString("ended");
    String reason = drill.getString("endReason");
    w.add(new Definitions(List.of(
        new Definition(w.word("drillName"), w.orNone(drill.getString("name"))),
        new Definition(w.word("scenario"), w.pick(scenario, "title")),
        new Definition(w.word("place"), w.orNone(drill.getString("place"))),
        new Definition(w.word("drill"), drill.getString("id")),
        new Definition(w.word("wallTime"), started == null ? w.word("notStarted")
            : started + " – " + (ended == null ? w.word("stillRunning") : ended)),
        new Definition(w.word("simTime"), w.time(scenario.getString("start")) + " – "
            + w.time(drill.getString("simEnd"))),
        new Definition(w.word("speed"), speedText(drill.getDouble("speed"))),
        new Definition(w.word("mode"), w.word(drill.getBoolean("autopilot") ? "autopilot" : "teamsPlay")),
        new Definition(w.word("state"), w.word("state_" + drill.getString("state"))
            + (reason == null ? "" : w.bracketed(w.word("end_" + reason)))),
        new Definition(w.word("director"), w.orNone(participants.getString("director"))),
        new Definition(w.word("evaluators"), w.orNone(w.joined(participants.getJsonArray("evaluators")))),
        new Definition(w.word("events"), String.valueOf(report.getLong("events"))))));
    w.add(new Paragraph("", w.pick(scenario, "description"), null));
    // In an autopilot drill nobody moved the tasks: the script did.
    String nobody = w.word(drill.getBoolean("autopilot") ? "autopilotMembers" : "none");
    List<Row> rows = new ArrayList<>();
    for (Object o : participants.getJsonArray("teams")) {
      JsonObject team = (JsonObject) o;
      String members = w.joined(team.getJsonArray("members"));
      rows.add(w.row(null, w.pick(team, "name"), members.isEmpty() ? nobody : members));
    }
    w.table("members", rows, "team", "members");
  }

  /** The verdict first, then each objective with its ratings, the criteria missed and the corrective actions. */
  private static void executiveSummary(Writer w, JsonObject report) {
    JsonObject overall = report.getJsonObject("overall");
    w.section("executive");
    w.add(new Paragraph(w.word("overallIs") + (w.english ? overall.getString("verdictEn")
        : overall.getString("verdictZh")), w.word("overallRule"), "verdict " + overall.getString("verdict")));
    List<Row> rows = new ArrayList<>();
    for (Object o : report.getJsonArray("conclusions")) {
      JsonObject c = (JsonObject) o;
      String raters = c.getJsonArray("raters").stream().map(r -> (JsonObject) r)
          .map(r -> r.getString("rating") + " " + r.getString("by")).collect(Collectors.joining(w.comma()));
      rows.add(w.row(c.getString("verdict"), w.pick(c, "objective"),
          w.english ? c.getString("verdictEn") : c.getString("verdictZh"), raters));
    }
    w.table("objectives", rows, "objective", "verdict", "rating");
    w.add(new Subheading(w.word("missedCriteria")));
    w.items(report.getJsonArray("criteria"), c -> Boolean.FALSE.equals(c.getBoolean("met")) ? w.pick(c, "name") : null);
    w.add(new Subheading(w.word("actions")));
    w.items(report.getJsonObject("assessment").getJsonArray("actions"), a -> a.getString("text")
        + (w.english ? " — " + a.getString("owner") + ", by " + a.getString("due")
        : "——" + a.getString("owner") + "，" + a.getString("due") + "前完成"));
  }

  private static void timeline(Writer w, JsonObject report) {
    w.section("timeline");
    List<Row> rows = new ArrayList<>();
    for (Object o : report.getJsonArray("timeline")) {
      JsonObject row = (JsonObject) o;
      rows.add(w.row(null, w.time(row.getString("actual", row.getString("scripted"))), w.pick(row, "title"),
          w.time(row.getString("scripted")), w.time(row.getString("actual")),
          minutes(row.getDouble("deltaSec"), w.english)));
    }
    w.table("timeline", rows, "at", "what", "scripted", "actual", "delta");
  }

  /** Which contingencies came true, when and why; left out for a scenario that has none. */
  private static void contingencies(Writer w, JsonArray contingencies) {
    if (contingencies.isEmpty()) {
      return;
    }
    w.section("contingencies");
    List<Row> rows = new ArrayList<>();
    for (Object o : contingencies) {
      JsonObject c = (JsonObject) o;
      String fired = c.getString("fired") == null ? w.word("notFired")
          : w.time(c.getString("fired")) + ("director".equals(c.getString("firedBy")) ? w.word("firedByHand") : "");
      rows.add(w.row(c.getString("fired") == null ? "none" : null, w.pick(c, "title"), w.pick(c, "why"),
          c.getString("met") == null ? w.word("neverMet") : w.time(c.getString("met")), fired));
    }
    w.table("contingencies", rows, "inject", "condition", "conditionMet", "injectFired");
  }

  private static void latency(Writer w, JsonObject latency) {
    w.section("latency");
    Map<String, String> teams = new HashMap<>();
    latency.getJsonArray("teams").forEach(t -> teams.put(((JsonObject) t).getString("id"), w.pick((JsonObject) t,
        "name")));
    List<Row> rows = new ArrayList<>();
    for (Object o : latency.getJsonArray("tasks")) {
      JsonObject task = (JsonObject) o;
      // The team's note or evidence given with done (a statement's text, say) follows the task's title.
      String title = w.pick(task, "title");
      String note = task.getString("note");
      rows.add(w.row(null, teams.get(task.getString("team")), note == null ? title
          : title + (w.english ? " — Note: " : "——说明：") + note,
          minutes(task.getDouble("responseSec"), w.english), minutes(task.getDouble("completionSec"), w.english),
          minutes(task.getDouble("deadlineSec"), w.english), task.getBoolean("overdue") ? w.word("yes") : ""));
    }
    w.table("latency", rows, "team", "task", "response", "completion", "deadline", "overdue");
  }

  private static void opinion(Writer w, JsonObject opinion) {
    JsonObject peak = opinion.getJsonObject("peak");
    w.section("opinion");
    JsonArray series = opinion.getJsonArray("series");
    w.add(new Chart(opinion, series.isEmpty() ? "" : w.time(series.getJsonObject(0).getString("time")),
        series.isEmpty() ? "" : w.time(series.getJsonObject(series.size() - 1).getString("time"))));
    w.add(new Paragraph("", w.word("total") + w.colon() + opinion.getLong("total") + (peak == null ? ""
        : " · " + w.word("peak") + w.colon() + w.time(peak.getString("time")) + " " + peak.getInteger("count") + " "
            + w.word("perMinute")), null));
    if (!opinion.getJsonArray("actions").isEmpty()) {
      w.add(new Paragraph("", w.word("markers") + w.colon(), "key"));
      w.add(new Items(true, opinion.getJsonArray("actions").stream().map(a -> (JsonObject) a)
          .map(a -> new Item(w.time(a.getString("at")) + " " + w.pick(a, "title"), null)).toList()));
    }
  }

  private static void criteria(Writer w, JsonObject report) {
    Map<Long, JsonObject> moments = new HashMap<>();
    report.getJsonArray("moments").forEach(m -> moments.put(((JsonObject) m).getLong("seq"), (JsonObject) m));
    // Each piece of evidence opens the replay from its event; the reader's own sign-in applies there.
    String replay = "/?replay=1&drill=" + report.getJsonObject("drill").getString("id") + "&from=";
    w.section("criteria");
    List<Row> rows = new ArrayList<>();
    for (Object o : report.getJsonArray("criteria")) {
      JsonObject c = (JsonObject) o;
      Boolean met = c.getBoolean("met");
      String value = "tasks".equals(c.getString("unit"))
          ? (c.getDouble("value") == null ? "—" : String.valueOf(c.getDouble("value").longValue()))
          : minutes(c.getDouble("value"), w.english);
      List<Line> evidence = c.getJsonArray("evidence").stream().map(seq -> moments.get(((Number) seq).longValue()))
          .filter(m -> m != null && m.getString("at") != null)
          .map(m -> new Line(w.time(m.getString("at")) + " " + w.pick(m, "what"), replay + m.getLong("seq"))).toList();
      rows.add(new Row(met == null ? "pending" : met ? "met" : "missed", List.of(Cell.of(w.pick(c, "name")),
          Cell.of(value), Cell.of(minutes(c.getDouble("target"), w.english)),
          Cell.of(w.word(met == null ? "pending" : met ? "met" : "missed")),
          evidence.isEmpty() ? Cell.of(null) : new Cell(evidence))));
    }
    w.table("criteria", rows, "criterion", "value", "target", "result", "evidence");
  }

  private static void ratings(Writer w, JsonObject assessment) {
    w.section("ratings");
    List<Row> rows = new ArrayList<>();
    for (Object o : assessment.getJsonArray("ratings")) {
      JsonObject r = (JsonObject) o;
      String kind = w.word("objective".equals(r.getString("target")) ? "objectiveKind" : "taskKind");
      String name = w.pick(r, "targetName");
      rows.add(w.row(null, kind + w.colon() + (name == null ? r.getString("targetId") : name),
          w.word("grade_" + r.getString("rating")), r.getString("note"), r.getString("by")));
    }
    w.table("ratings", rows, "ratedItem", "rating", "note", "by");
    w.add(new Subheading(w.word("notes")));
    w.items(assessment.getJsonArray("notes"), n -> w.time(n.getString("sim")) + " " + n.getString("text")
        + w.bracketed(n.getString("by")));
    // Corrections are part of the record: what was superseded or withdrawn, by whom and why (a correction's format
    // names no reason, and String.format ignores the unused argument).
    w.add(new Subheading(w.word("corrections")));
    w.items(assessment.getJsonArray("corrections"), c -> String.format(w.word(c.getLong("replacedBy") == null
        ? "retractedEntry" : "correctedEntry"), c.getString("was"), c.getString("by"), c.getString("reason")));
  }

  private static void lessons(Writer w, JsonObject assessment) {
    w.section("lessons");
    w.add(new Subheading(w.word("strengths")));
    w.items(assessment.getJsonArray("lessons"), l -> "strength".equals(l.getString("kind"))
        ? l.getString("text") + w.bracketed(l.getString("by")) : null);
    w.add(new Subheading(w.word("improvements")));
    w.items(assessment.getJsonArray("lessons"), l -> "improvement".equals(l.getString("kind"))
        ? l.getString("text") + w.bracketed(l.getString("by")) : null);
  }

  private static void actions(Writer w, JsonObject assessment) {
    w.section("actions");
    List<Row> rows = new ArrayList<>();
    for (Object o : assessment.getJsonArray("actions")) {
      JsonObject a = (JsonObject) o;
      rows.add(w.row(null, a.getString("text"), a.getString("owner"), a.getString("due"),
          w.word("actionState_" + a.getString("state")), a.getString("by")));
    }
    w.table("actions", rows, "what", "owner", "due", "actionState", "by");
    // The improvement plan carried over: earlier drills' actions this drill showed done.
    w.add(new Subheading(w.word("closedEarlier")));
    w.items(assessment.getJsonArray("closedEarlier"), c -> c.getString("text") + (w.english ? " — " : "——")
        + c.getString("note") + w.bracketed(c.getString("by")));
  }

  /** Lines for the people who answer for the report to sign, with the names the drill already knows. */
  private static void signOff(Writer w, JsonObject report) {
    JsonObject participants = report.getJsonObject("participants");
    JsonArray evaluators = participants.getJsonArray("evaluators");
    w.section("signoff");
    w.add(new Table("signoff", List.of(w.word("role"), w.word("name"), w.word("signature"), w.word("date")), List.of(
        blankRow(w.word("leadEvaluator"), evaluators.isEmpty() ? "" : evaluators.getString(0)),
        blankRow(w.word("drillDirector"), participants.getString("director")),
        blankRow(w.word("approver"), ""))));
  }

  /** A sign-off row: its last two cells stay empty for the pen. */
  private static Row blankRow(String role, String name) {
    Cell blank = new Cell(List.of(new Line("", null)));
    return new Row(null, List.of(Cell.of(role), name == null || name.isEmpty() ? blank : Cell.of(name), blank, blank));
  }

  /** A duration as a reader says it: 5 分钟 or 1 小时 05 分 (5 min, 1 h 05 min); "—" where there is none. */
  static String minutes(Double seconds, boolean english) {
    if (seconds == null) {
      return "—";
    }
    long total = Math.round(Math.abs(seconds) / 60);
    String sign = seconds < 0 ? "−" : "";
    if (total < 60) {
      return sign + total + (english ? " min" : " 分钟");
    }
    return sign + total / 60 + (english ? " h " : " 小时 ") + String.format("%02d", total % 60)
        + (english ? " min" : " 分");
  }

  private static String speedText(Double speed) {
    double value = speed == null ? 1 : speed;
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "×";
  }

  /** Collects blocks in one language, with its punctuation. */
  private static final class Writer {
    final boolean english;
    /** Whether the scenario's clock passes midnight: then every sim time says its day, the first day's too. */
    final boolean multiDay;
    final List<Block> blocks = new ArrayList<>();

    Writer(boolean english, boolean multiDay) {
      this.english = english;
      this.multiDay = multiDay;
    }

    /**
     * A sim time as the report's reader says it: the report's JSON writes a later day as scenario files do ("D2
     * 09:00:00"), the reader sees "第2天 09:00:00" or "Day 2 09:00:00", as on the pages.
     */
    String time(String simTime) {
      if (simTime == null) {
        return null;
      }
      long at = SimTime.parseTime(simTime);
      long day = SimTime.day(at);
      String timeOfDay = SimTime.timeOfDay(at);
      return day > 1 || multiDay ? String.format(word("dayN"), day) + " " + timeOfDay : timeOfDay;
    }

    String word(String key) {
      return ReportWords.word(key, english);
    }

    String pick(JsonObject object, String field) {
      String en = object.getString(field + "En");
      return english && en != null ? en : object.getString(field);
    }

    void add(Block block) {
      blocks.add(block);
    }

    void section(String id) {
      add(new Section(id, word(id)));
    }

    Row row(String style, String... cells) {
      List<Cell> list = new ArrayList<>();
      for (String cell : cells) {
        list.add(Cell.of(cell));
      }
      return new Row(style, list);
    }

    /** A table, or "none" where it has no rows. */
    void table(String style, List<Row> rows, String... headerKeys) {
      if (rows.isEmpty()) {
        add(new Paragraph("", word("none"), "none"));
        return;
      }
      add(new Table(style, java.util.Arrays.stream(headerKeys).map(this::word).toList(), rows));
    }

    /** A bulleted list of the entries {@code line} names (null skips one), or "none". */
    void items(JsonArray entries, java.util.function.Function<JsonObject, String> line) {
      List<Item> items = entries.stream().map(e -> line.apply((JsonObject) e)).filter(java.util.Objects::nonNull)
          .map(text -> new Item(text, null)).toList();
      add(items.isEmpty() ? new Paragraph("", word("none"), "none") : new Items(false, items));
    }

    String joined(JsonArray names) {
      return names.stream().map(String::valueOf).collect(Collectors.joining(comma()));
    }

    String orNone(String text) {
      return text == null || text.isEmpty() ? word("none") : text;
    }

    String comma() {
      return english ? ", " : "、";
    }

    String colon() {
      return english ? ": " : "：";
    }

    String bracketed(String text) {
      return english ? " (" + text + ")" : "（" + text + "）";
    }
  }
}
