package io.drillboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command;
import io.drillboard.drill.DrillEngine;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of a drill whose clock passes midnight (the built-in card outage, 09:30 to noon the next day) says each
 * sim time's day in the reader's language, as the pages do, and a one-day drill's report names no day at all.
 */
class MultiDayReportTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static JsonObject outage;
  private static JsonObject seed;

  @BeforeAll
  static void playBothToTheirEnds() {
    Scenario cardOutage = DefaultScenario.builtIns().stream().filter(s -> s.id().equals("card-outage-holiday"))
        .findFirst().orElseThrow();
    outage = Report.of(playedToItsEnd("doutage", cardOutage, 3600), SHANGHAI);
    seed = Report.of(playedToItsEnd("dseed", DefaultScenario.load(), 600), SHANGHAI);
  }

  /** An autopilot run, advanced a tenth of a wall second at a time until the scenario's end ends it. */
  private static ReportSource playedToItsEnd(String id, Scenario scenario, double speed) {
    DrillEngine engine = DrillEngine.create(id, scenario, speed, true, 11, "director", 0);
    engine.handle(new Command.Control(Command.ControlAction.START, "director"), 0);
    for (long wall = 0; !engine.state().ended(); wall += 100) {
      engine.advance(wall);
    }
    return FoldedLog.of(id, engine.drain());
  }

  @Test
  void theJsonKeepsTheScenarioNotationForLaterDays() {
    assertThat(outage.getJsonObject("scenario").getString("end")).isEqualTo("D2 12:00:00");
  }

  @Test
  void theChineseReportSaysEachDayAsTheWallDoes() {
    String html = ReportHtml.of(outage, false);
    assertThat(html).contains("第1天 09:30:00 – 第2天 12:00:00", "第2天 09:00:00", "第1天 11:45:00")
        .doesNotContain("D2 ", "Day 2");
  }

  @Test
  void theEnglishReportSaysEachDayInEnglish() {
    String html = ReportHtml.of(outage, true);
    assertThat(html).contains("Day 1 09:30:00 – Day 2 12:00:00", "Day 2 09:00:00", "Day 1 11:45:00")
        .doesNotContain("D2 ", "第2天");
  }

  @Test
  void aOneDayReportNamesNoDay() {
    assertThat(ReportHtml.of(seed, false)).contains("09:00:00").doesNotContain("第1天", "D1 ");
    assertThat(ReportHtml.of(seed, true)).doesNotContain("Day 1", "D1 ");
  }
}
