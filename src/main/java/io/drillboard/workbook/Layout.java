package io.drillboard.workbook;

import static io.drillboard.workbook.CellKind.BOOLEAN;
import static io.drillboard.workbook.CellKind.DURATION;
import static io.drillboard.workbook.CellKind.ID;
import static io.drillboard.workbook.CellKind.IDS;
import static io.drillboard.workbook.CellKind.INTEGER;
import static io.drillboard.workbook.CellKind.NUMBER;
import static io.drillboard.workbook.CellKind.TEXT;
import static io.drillboard.workbook.CellKind.TIME;
import static io.drillboard.workbook.Column.choice;
import static io.drillboard.workbook.Column.of;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workbook's sheets, in order, and their columns: one sheet per list of the scenario format, one row per entry, a
 * column per key. Sheets that need another are read after it (Tasks names its team on Teams).
 */
final class Layout {
  private static final String[] STEPS = {"triggered", "acknowledged", "started", "done"};

  static final List<Table> TABLES = List.of(
      new Table.Single("Scenario", "", columns(
          of("id", ID, "场景编号", "Scenario id"),
          twin("title", "标题", "Title"),
          twin("description", "背景", "Description"),
          choice("language", "语言", "Language", "zh", "en"),
          of("clock.start", TIME, "开始时间", "Starts at"),
          of("clock.end", TIME, "结束时间", "Ends at"),
          of("version", TEXT, "格式版本", "Format version"))),
      new Table.Rows("Objectives", "objectives", columns(
          of("id", ID, "编号", "Id"),
          twin("text", "演练目标", "Objective"))),
      new Table.Rows("Teams", "teams", columns(
          of("id", ID, "编号", "Id"),
          twin("name", "小组名称", "Team name"),
          shortNames(),
          of("lead", TEXT, "负责人", "Lead"))),
      new Table.Children("Tasks", "teams", "tasks", of("team", ID, "所属小组", "the id of a team on Teams"), columns(
          of("id", ID, "编号", "Id"),
          twin("title", "任务", "Task"),
          shortNames(),
          of("trigger.inject", ID, "由注入触发", "Triggered by inject"),
          of("trigger.task", ID, "由任务完成触发", "Triggered when task done"),
          of("deadline", DURATION, "时限", "Deadline"),
          of("critical", BOOLEAN, "关键任务", "Critical"),
          of("objectives", IDS, "服务目标(逗号分隔)", "Objectives (comma-separated)"),
          of("script.ack", TIME, "脚本:确认", "Script: acknowledged"),
          of("script.start", TIME, "脚本:开始", "Script: started"),
          of("script.done", TIME, "脚本:完成", "Script: done"),
          twin("script.statement.text", "脚本:声明", "Script: statement"),
          of("effect.branching", NUMBER, "效果:传播系数", "Effect: branching"),
          of("effect.sentimentShift", NUMBER, "效果:情绪转向", "Effect: sentiment shift"))),
      new Table.Rows("Injects", "injects", columns(
          of("id", ID, "编号", "Id"),
          of("at", TIME, "时间", "At"),
          of("held", BOOLEAN, "待命(导演触发)", "Held for the director"),
          of("when.taskOverdue", ID, "条件:任务超时", "When: task overdue"),
          of("when.taskReached", ID, "条件:任务到达", "When: task reaches"),
          choice("when.step", "条件:到达步骤", "When: step", STEPS),
          of("when.criterionMissed", ID, "条件:标准未达", "When: criterion missed"),
          of("when.postsOver", INTEGER, "条件:帖子数超过", "When: posts over"),
          of("when.negativeShareOver", NUMBER, "条件:负面占比超过", "When: negative share over"),
          of("when.within", DURATION, "条件:统计时长", "When: within"),
          of("when.platform", ID, "条件:平台", "When: platform"),
          of("delay", DURATION, "延迟", "Delay"),
          of("channel", ID, "渠道", "Channel"),
          twin("title", "标题", "Title"),
          shortNames(),
          twin("text", "内容", "Text"),
          of("opinion.posts", INTEGER, "舆情:外部帖子数", "Opinion: outside posts"),
          of("opinion.platform", ID, "舆情:平台", "Opinion: platform"),
          of("opinion.spread", DURATION, "舆情:分布时长", "Opinion: spread"))),
      new Table.Rows("Criteria", "criteria", columns(
          of("id", ID, "编号", "Id"),
          twin("name", "评估标准", "Criterion"),
          shortNames(),
          of("objective", ID, "对应目标", "Objective"),
          choice("measure", "度量方式", "Measure", "interval", "before-peak", "tasks-on-time"),
          anchor("from", "起点", "From"),
          anchor("to", "终点", "To"),
          of("target", DURATION, "目标时长", "Target"),
          anchor("event", "事件", "Event"),
          of("team", ID, "小组(按时完成)", "Team (tasks on time)"))),
      new Table.Single("Opinion", "opinion", columns(
          choice("kernel", "传播核", "Kernel", "powerlaw", "exponential"),
          of("branchingRatio", NUMBER, "传播系数", "Branching ratio"),
          of("timescale", DURATION, "时间尺度", "Timescale"),
          of("theta", NUMBER, "幂律指数", "Theta"),
          of("stickiness", NUMBER, "平台黏性", "Stickiness"),
          of("sentiment.negative", NUMBER, "负面权重", "Negative weight"),
          of("sentiment.neutral", NUMBER, "中性权重", "Neutral weight"),
          of("sentiment.positive", NUMBER, "正面权重", "Positive weight"),
          of("kinds.repost", NUMBER, "转发权重", "Repost weight"),
          of("kinds.comment", NUMBER, "评论权重", "Comment weight"))),
      new Table.Keyed("Platforms", of("platform", ID, "平台", "Platform"), columns(
          of("weight", NUMBER, "权重", "Weight"),
          twin("name", "显示名称", "Display name")),
          Map.of("weight", "opinion.platforms.*", "name", "labels.platforms.*.name",
              "nameEn", "labels.platforms.*.nameEn")),
      new Table.Keyed("Channels", of("channel", ID, "渠道", "Channel"), columns(
          twin("name", "显示名称", "Display name")),
          Map.of("name", "labels.channels.*.name", "nameEn", "labels.channels.*.nameEn")),
      new Table.Single("Feed", "feed", columns(
          of("perMinute", INTEGER, "每分钟最多帖子", "Posts a minute at most"),
          twin("official.name", "官方账号", "Official account"),
          of("official.platform", ID, "官方账号平台", "Official account's platform"))),
      new Table.Keyed("FeedValues", of("value", ID, "占位符", "Placeholder"), columns(
          twin("text", "文本", "Text")),
          Map.of("text", "feed.values.*.text", "textEn", "feed.values.*.textEn")),
      new Table.Rows("FeedTemplates", "feed.templates", columns(
          of("platform", ID, "平台", "Platform"),
          choice("sentiment", "情绪", "Sentiment", "negative", "neutral", "positive"),
          choice("kind", "类型", "Kind", "post", "repost", "comment", "reply"),
          twin("text", "模板", "Template"))));

  private Layout() {
  }

  /** A text and its English twin, "title" and "titleEn". */
  private static List<Column> twin(String key, String zh, String en) {
    return List.of(of(key, TEXT, zh, en), of(key + "En", TEXT, zh + "(英文)", en + " in English"));
  }

  /** The wall's short names (docs/scenario-format.md, "short names"). */
  private static List<Column> shortNames() {
    return List.of(of("short", TEXT, "简称(≤12字)", "Short name"), of("shortEn", TEXT, "英文简称(≤24)",
        "Short name in English"));
  }

  /** An anchor: an inject, or a task at a step. */
  private static List<Column> anchor(String key, String zh, String en) {
    return List.of(of(key + ".inject", ID, zh + ":注入", en + ": inject"), of(key + ".task", ID, zh + ":任务",
        en + ": task"), choice(key + ".at", zh + ":步骤", en + ": step", STEPS));
  }

  private static List<Column> columns(Object... parts) {
    List<Column> columns = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Column column) {
        columns.add(column);
      } else {
        ((List<?>) part).forEach(c -> columns.add((Column) c));
      }
    }
    return List.copyOf(columns);
  }

  static Optional<Table> table(String sheet) {
    return TABLES.stream().filter(t -> t.sheet().equalsIgnoreCase(sheet)).findFirst();
  }

  static List<String> sheets() {
    List<String> names = new ArrayList<>();
    TABLES.forEach(t -> names.add(t.sheet()));
    return names;
  }
}
