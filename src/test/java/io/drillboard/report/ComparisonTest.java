package io.drillboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command;
import io.drillboard.drill.DrillEngine;
import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.scenario.DefaultScenario;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs of the seed compared from their events. At speed 600 a sim minute is 100 wall ms: started at wall 1,000
 * (09:00), the detection inject fires at 13,000 (11:00), the plan is activated at 14,000 (11:10) and the leading
 * group's first meeting, a critical task, ends at 16,000 (11:30).
 */
class ComparisonTest {
  private static final long START_WALL = 1_000;
  private static final long WHOLE_DAY = 60_000;
  /** 11:20 and 11:25: the plan is active, the first meeting not over. */
  private static final long MID_MEETING = 15_000;
  private static final long LATER_MID_MEETING = 15_500;

  @Test
  void aRunThatLeftACriticalTaskUnfinishedIsNotBetterForItsShorterTimes() {
    JsonObject comparison = Comparison.ofSources(List.of(run("dwhole", WHOLE_DAY), run("dstopped", MID_MEETING)));

    JsonObject leadership = team(comparison, "leadership");
    assertThat(leadership.getInteger("tasks")).isEqualTo(2);
    assertThat(leadership.getJsonArray("done").getList()).containsExactly(2L, 1L);
    // The open meeting counts with the 20 minutes it had been open: (10 + 20) / 2, and at least that.
    assertThat(leadership.getJsonArray("completionAvgSec").getList()).containsExactly(20 * 60.0, 15 * 60.0);
    assertThat(leadership.getJsonArray("completionAtLeast").getList()).containsExactly(false, true);
    assertThat(leadership.getString("completionVerdict")).isEqualTo("worse");
    assertThat(leadership.getJsonArray("criticalUndone").getJsonArray(0)).isEmpty();
    assertThat(leadership.getJsonArray("criticalUndone").getJsonArray(1).getJsonObject(0).getString("id"))
        .isEqualTo("first-meeting");
    // Teams whose work never came due in the stopped run did none of it.
    JsonObject business = team(comparison, "business");
    assertThat(business.getJsonArray("done").getLong(1)).isZero();
    assertThat(business.getJsonArray("completionAvgSec").getValue(1)).isNull();
    assertThat(business.getString("completionVerdict")).isEqualTo("worse");

    JsonObject stopped = comparison.getJsonArray("drills").getJsonObject(1);
    assertThat(stopped.getLong("criticalDone")).isLessThan(stopped.getLong("criticalTasks"));
    assertThat(stopped.getLong("startedAt")).isEqualTo(START_WALL);
    assertThat(stopped.containsKey("seed")).as("runs are told apart by name and time, not by seed").isFalse();

    // The meeting met its 45 minutes in the whole run and never ended in the other: missed, whatever its time.
    JsonObject meeting = criterion(comparison, "first-meeting");
    assertThat(meeting.getJsonArray("met").getList()).containsExactly(true, false);
    assertThat(meeting.getJsonArray("atLeast").getList()).containsExactly(false, true);
    assertThat(meeting.getString("verdict")).isEqualTo("worse");
    assertThat(meeting.getString("verdictBy")).isEqualTo("met");
    // Missed in both, but the stopped run never made its statement: its shorter time proves nothing.
    JsonObject golden = criterion(comparison, "golden-4-hours");
    assertThat(golden.getJsonArray("met").getList()).containsExactly(false, false);
    assertThat(golden.getDouble("change")).isNegative();
    assertThat(golden.getString("verdict")).isEqualTo("unclear");
  }

  @Test
  void theRunThatFinishedMoreIsBetterAndTwoUnfinishedRunsAreUnclear() {
    JsonObject forward = Comparison.ofSources(List.of(run("dstopped", MID_MEETING), run("dwhole", WHOLE_DAY)));
    assertThat(team(forward, "leadership").getString("completionVerdict")).isEqualTo("better");
    assertThat(criterion(forward, "first-meeting").getString("verdict")).isEqualTo("better");

    // Stopped five minutes apart, each with the meeting still open: the earlier stop looks shorter, and is no better.
    JsonObject stops = Comparison.ofSources(List.of(run("dlater", LATER_MID_MEETING), run("dstopped", MID_MEETING)));
    JsonObject leadership = team(stops, "leadership");
    assertThat(leadership.getJsonArray("done").getList()).containsExactly(1L, 1L);
    assertThat(leadership.getDouble("completionChange")).isNegative();
    assertThat(leadership.getString("completionVerdict")).isEqualTo("unclear");

    JsonObject same = Comparison.ofSources(List.of(run("dwhole", WHOLE_DAY), run("dagain", WHOLE_DAY)));
    assertThat(team(same, "leadership").getString("completionVerdict")).isEqualTo("unchanged");
    assertThat(criterion(same, "plan-activation").getString("verdict")).isEqualTo("unchanged");
  }

  @Test
  void ratingsTakeTheWorstOfTheEvaluatorsAndActionsAreListedPerRun() {
    Run whole = new Run("dwhole", WHOLE_DAY)
        .assess(new EventBody.Rated(TargetKind.TASK, "public-statement", Grade.S, "声明稍晚", "evaluator-li"))
        .assess(new EventBody.Rated(TargetKind.TASK, "public-statement", Grade.M, "错过黄金 4 小时", "evaluator-wang"))
        .assess(new EventBody.Rated(TargetKind.OBJECTIVE, "plan", Grade.P, null, "evaluator-li"))
        .assess(new EventBody.ActionAssigned("修订舆情应对预案", "办公室", "2026-12-31", "evaluator-li"));
    Run stopped = new Run("dstopped", MID_MEETING)
        .assess(new EventBody.Rated(TargetKind.TASK, "public-statement", Grade.U, "未发布声明", "evaluator-li"))
        .assess(new EventBody.Rated(TargetKind.TASK, "monitor-opinion", Grade.S, null, "evaluator-li"))
        .assess(new EventBody.ActionAssigned("明确声明审批时限", "领导小组", "2027-01-15", "evaluator-wang"))
        .assess(new EventBody.ActionAssigned("补做客户回访", "客户安抚小组", "2027-01-31", "evaluator-wang"));
    JsonObject comparison = Comparison.ofSources(List.of(whole.folded(), stopped.folded()));

    JsonObject statement = rating(comparison, "task", "public-statement");
    assertThat(statement.getBoolean("critical")).isTrue();
    JsonObject both = statement.getJsonArray("grades").getJsonObject(0);
    assertThat(both.getString("rating")).as("the worst of S and M").isEqualTo("M");
    assertThat(both.getJsonArray("evaluators")).hasSize(2);
    assertThat(statement.getJsonArray("grades").getJsonObject(1).getString("rating")).isEqualTo("U");
    assertThat(statement.getString("verdict")).isEqualTo("worse");

    JsonObject plan = rating(comparison, "objective", "plan");
    assertThat(plan.getJsonArray("grades").getJsonObject(0).getString("rating")).isEqualTo("P");
    assertThat(plan.getJsonArray("grades").getValue(1)).isNull();
    assertThat(plan.getString("verdict")).as("nothing to compare with").isNull();
    // Every objective and critical task has a row; a task that is not critical only once someone rated it.
    JsonArray rows = comparison.getJsonArray("ratings");
    assertThat(rows.stream().map(JsonObject.class::cast).filter(r -> r.getString("target").equals("objective")))
        .hasSize(5);
    assertThat(rows.stream().map(JsonObject.class::cast).filter(r -> r.getBoolean("critical"))).hasSize(5);
    assertThat(rating(comparison, "task", "monitor-opinion").getBoolean("critical")).isFalse();

    JsonArray wholeActions = comparison.getJsonArray("drills").getJsonObject(0).getJsonArray("actions");
    assertThat(wholeActions).hasSize(1);
    assertThat(wholeActions.getJsonObject(0).getString("owner")).isEqualTo("办公室");
    assertThat(wholeActions.getJsonObject(0).getString("due")).isEqualTo("2026-12-31");
    JsonArray stoppedActions = comparison.getJsonArray("drills").getJsonObject(1).getJsonArray("actions");
    assertThat(stoppedActions.stream().map(a -> ((JsonObject) a).getString("text")))
        .containsExactly("明确声明审批时限", "补做客户回访");
    assertThat(stoppedActions.getJsonObject(1).getString("owner")).isEqualTo("客户安抚小组");
  }

  @Test
  void runsCarryTheirStartTimeAndALaterPByAnotherEvaluatorDoesNotHideAU() {
    ReportSource whole = new Run("dwhole", WHOLE_DAY)
        .assess(new EventBody.Rated(TargetKind.TASK, "reverify", Grade.U, null, "evaluator-li"))
        .assess(new EventBody.Rated(TargetKind.TASK, "reverify", Grade.P, null, "evaluator-wang")).folded();
    ReportSource stopped = run("dstopped", MID_MEETING);
    JsonObject comparison = Comparison.ofSources(List.of(whole, stopped));

    assertThat(comparison.getJsonArray("drills").getJsonObject(0).getLong("startedAt")).isEqualTo(START_WALL);
    assertThat(rating(comparison, "task", "reverify").getJsonArray("grades").getJsonObject(0).getString("rating"))
        .isEqualTo("U");
  }

  private static ReportSource run(String id, long stopAtWall) {
    return new Run(id, stopAtWall).folded();
  }

  /** An autopilot run of the seed, stopped at a wall time (the whole day ends on its own), then assessed. */
  private static final class Run {
    private final DrillEngine engine;
    private final List<Event> log = new ArrayList<>();
    private final long end;

    Run(String id, long stopAtWall) {
      engine = DrillEngine.create(id, DefaultScenario.load(), 600, true, 7, "director", 0);
      engine.handle(new Command.Control(Command.ControlAction.START, "director"), START_WALL);
      for (long wall = START_WALL; wall < stopAtWall; wall += 100) {
        engine.advance(wall);
      }
      if (!engine.state().ended()) {
        engine.handle(new Command.Control(Command.ControlAction.STOP, "director"), stopAtWall);
      }
      end = stopAtWall;
      log.addAll(engine.drain());
    }

    Run assess(EventBody entry) {
      engine.handle(new Command.Assess(entry, "evaluator"), end);
      log.addAll(engine.drain());
      return this;
    }

    ReportSource folded() {
      return FoldedLog.of(engine.state().drillId(), log);
    }
  }

  private static JsonObject team(JsonObject comparison, String id) {
    return find(comparison.getJsonArray("teams"), row -> row.getString("id").equals(id));
  }

  private static JsonObject criterion(JsonObject comparison, String id) {
    return find(comparison.getJsonArray("criteria"), row -> row.getString("id").equals(id));
  }

  private static JsonObject rating(JsonObject comparison, String target, String id) {
    return find(comparison.getJsonArray("ratings"),
        row -> row.getString("target").equals(target) && row.getString("id").equals(id));
  }

  private static JsonObject find(JsonArray rows, java.util.function.Predicate<JsonObject> which) {
    return rows.stream().map(JsonObject.class::cast).filter(which).findFirst().orElseThrow();
  }
}
