package io.drillboard.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drillboard.scenario.Scenario.Trigger;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
  private static final String MINIMAL = """
      id: tiny
      title: 小演练
      clock: {start: "09:00", end: "12:00"}
      opinion:
        timescale: 5m
        platforms: {wechat: 1}
        sentiment: {negative: 1}
      injects:
        - {id: start, at: "09:00", title: 开始}
      teams:
        - id: team-a
          name: 甲组
          tasks:
            - {id: t1, title: 响应, trigger: {inject: start}, deadline: 15m}
      """;

  @Test
  void theBuiltInSeedIsValidAndFaithfulToTheCase() {
    Scenario seed = DefaultScenario.load();
    assertThat(seed.id()).isEqualTo("major-complaint");
    assertThat(seed.language()).isEqualTo("zh");
    assertThat(seed.teams()).extracting(Scenario.Team::id)
        .containsExactly("leadership", "coordination", "comfort", "opinion", "business");
    assertThat(seed.injects()).extracting(i -> i.id() + "@" + SimTime.format(i.at().getAsLong())).contains("complaint@09:00:00",
        "viral-post@10:00:00", "detection@11:00:00", "evaluation@18:00:00");
    assertThat(seed.task("public-statement").orElseThrow().script().orElseThrow().done())
        .isEqualTo(SimTime.parseTimeOfDay("16:00"));
    assertThat(seed.task("contact-customer").orElseThrow().trigger())
        .isEqualTo(new Trigger.AfterTask("first-meeting"));
    assertThat(seed.criteria()).extracting(Scenario.Criterion::id).contains("plan-activation", "golden-4-hours",
        "statement-before-peak", "tasks-on-time");
  }

  @Test
  void aMinimalScenarioParses() {
    Scenario tiny = ScenarioParser.parse(MINIMAL);
    assertThat(tiny.tasks()).hasSize(1);
    assertThat(tiny.tasks().get(0).deadline()).isEqualTo(15 * SimTime.MINUTE);
    assertThat(tiny.opinion().branchingRatio()).isEqualTo(0.8);
  }

  @Test
  void everyProblemIsListedByItsPath() {
    String broken = MINIMAL
        .replace("deadline: 15m", "deadline: soon")
        .replace("trigger: {inject: start}", "trigger: {inject: nowhere}")
        .replace("at: \"09:00\"", "at: \"13:00\"")
        .replace("name: 甲组", "name: 甲组\n    colour: red");
    assertThatThrownBy(() -> ScenarioParser.parse(broken)).isInstanceOfSatisfying(ScenarioInvalidException.class,
        e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "teams[0].tasks[0].deadline: expected a duration such as \"15m\", \"4h\", \"1h30m\" or \"1d\", got \"soon\"",
            "teams[0].tasks[0].trigger.inject: no inject has the id \"nowhere\"",
            "injects[0].at: must lie within the clock (09:00:00 to 12:00:00)",
            "teams[0].colour: unknown key (expected one of id, lead, name, nameEn, short, shortEn, tasks)"));
  }

  @Test
  void unquotedTimesAreStillTimesNotBase60Numbers() {
    Scenario tiny = ScenarioParser.parse(MINIMAL.replace("end: \"12:00\"", "end: 11:30"));
    assertThat(tiny.end()).isEqualTo(SimTime.parseTimeOfDay("11:30"));
  }

  @Test
  void tasksThatTriggerEachOtherInACycleAreRefused() {
    String cyclic = MINIMAL.replace("- {id: t1, title: 响应, trigger: {inject: start}, deadline: 15m}",
        "- {id: t1, title: 一, trigger: {task: t2}, deadline: 15m}\n"
            + "      - {id: t2, title: 二, trigger: {task: t1}, deadline: 15m}");
    assertThatThrownBy(() -> ScenarioParser.parse(cyclic)).isInstanceOfSatisfying(ScenarioInvalidException.class,
        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("cycle")));
  }

  @Test
  void aYamlAliasBombIsRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertThatThrownBy(() -> ScenarioParser.parse(bomb.toString())).isInstanceOfSatisfying(
        ScenarioInvalidException.class, e -> assertThat(e.problems().get(0)).startsWith("(file): not readable YAML"));
  }

  @Test
  void aDocumentThatIsNotAMappingIsRefused() {
    assertThatThrownBy(() -> ScenarioParser.parse("- just\n- a list\n")).isInstanceOf(ScenarioInvalidException.class);
    assertThatThrownBy(() -> ScenarioParser.parse("id: [unclosed")).isInstanceOf(ScenarioInvalidException.class);
  }
}
