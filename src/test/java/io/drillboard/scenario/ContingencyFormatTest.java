package io.drillboard.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drillboard.scenario.Scenario.Condition;
import io.drillboard.scenario.Scenario.Contingency;
import io.drillboard.scenario.Scenario.TaskStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contingency and held injects as a scenario file gives them, and the files the parser refuses, with every reason. */
class ContingencyFormatTest {
  private static final String BASE = """
      id: tiny
      title: 小演练
      clock: {start: "09:00", end: "12:00"}
      opinion:
        timescale: 5m
        platforms: {wechat: 0.5, weibo: 0.5}
        sentiment: {negative: 1}
      criteria:
        - {id: quick, name: 快速响应, measure: interval, from: {inject: start}, to: {task: t1}, target: 10m}
      teams:
        - id: team-a
          name: 甲组
          tasks:
            - {id: t1, title: 响应, trigger: {inject: start}, deadline: 15m}
            - {id: t2, title: 跟进, trigger: {inject: escalate}, deadline: 15m}
      injects:
        - {id: start, at: "09:00", title: 开始, opinion: {posts: 10, platform: wechat}}
      """;

  private static Scenario parse(String injects) {
    return ScenarioParser.parse(BASE + injects);
  }

  private static List<String> problems(String injects) {
    try {
      parse(injects);
    } catch (ScenarioInvalidException e) {
      return e.problems();
    }
    throw new AssertionError("accepted: " + injects);
  }

  @Test
  void everyKindOfConditionIsRead() {
    Scenario scenario = parse("""
          - {id: escalate, title: 升级, when: {taskOverdue: t1}, delay: 5m}
          - {id: follow, title: 回访, when: {taskReached: t1, step: started}}
          - {id: regulator, title: 监管, at: "10:00", when: {criterionMissed: quick}}
          - {id: trending, title: 热搜, when: {postsOver: 50, within: 10m, platform: weibo}}
          - {id: backlash, title: 反弹, when: {negativeShareOver: 0.6, within: 15m}}
          - {id: hotline, title: 热线, held: true}
        """);
    assertThat(scenario.inject("escalate").orElseThrow().contingency())
        .contains(new Contingency(new Condition.TaskOverdue("t1"), 5 * SimTime.MINUTE));
    assertThat(scenario.inject("follow").orElseThrow().contingency().orElseThrow().when())
        .isEqualTo(new Condition.TaskReached("t1", TaskStep.STARTED));
    Scenario.Inject regulator = scenario.inject("regulator").orElseThrow();
    assertThat(regulator.at()).hasValue(SimTime.parseTimeOfDay("10:00"));
    assertThat(regulator.timeline()).as("a time and a condition: armed at the time").isFalse();
    assertThat(scenario.inject("trending").orElseThrow().contingency().orElseThrow().when())
        .isEqualTo(new Condition.PostsOver(50, 10 * SimTime.MINUTE, "weibo"));
    assertThat(scenario.inject("backlash").orElseThrow().contingency().orElseThrow().when())
        .isEqualTo(new Condition.NegativeShareOver(0.6, 15 * SimTime.MINUTE, null));
    assertThat(scenario.inject("hotline").orElseThrow().held()).isTrue();
    assertThat(scenario.inject("start").orElseThrow().timeline()).isTrue();
  }

  @Test
  void conditionsOnUnknownIdsAndMalformedInjectsAreAllListed() {
    assertThat(problems("""
          - {id: escalate, title: 升级, when: {taskOverdue: nobody}}
          - {id: b, title: 乙, when: {criterionMissed: nothing}}
          - {id: c, title: 丙, when: {postsOver: 5, within: 10m, platform: myspace}}
          - {id: d, title: 丁}
          - {id: e, title: 戊, held: true, at: "10:00"}
          - {id: f, title: 己, when: {taskOverdue: t1, postsOver: 3}}
          - {id: g, title: 庚, at: "10:00", delay: 5m}
          - {id: h, title: 辛, when: {taskOverdue: t1, within: 5m}}
        """)).containsExactlyInAnyOrder(
        "injects[1].when.taskOverdue: no task has the id \"nobody\"",
        "injects[2].when.criterionMissed: no criterion has the id \"nothing\"",
        "injects[3].when.platform: \"myspace\" is not one of opinion.platforms [wechat, weibo]",
        "injects[4].at: is required (a time in quotes, such as \"09:30\" or \"D2 09:30\"), unless the inject has a "
            + "condition (when) or is held for a director to fire (held: true)",
        "injects[5].held: a held inject has neither at nor when: a director fires it by hand",
        "injects[6].when: give exactly one of taskOverdue, taskReached, criterionMissed, postsOver, "
            + "negativeShareOver",
        "injects[7].delay: only an inject with a condition (when) waits a delay",
        "injects[8].when.within: qualifies postsOver or negativeShareOver only");
  }

  @Test
  void anInjectWaitingOnATaskThatOnlyItSetsOffIsALoop() {
    assertThat(problems("""
          - {id: escalate, title: 升级, when: {taskOverdue: t2}}
        """)).containsExactly("injects[1].when: inject \"escalate\" can never fire: its condition can only follow "
        + "from its own firing (a loop)");
  }

  @Test
  void injectsWaitingOnEachOtherAreALoopAndTheOnesThatCanFireAreNot() {
    String twoWay = BASE.replace("- {id: t2, title: 跟进, trigger: {inject: escalate}, deadline: 15m}",
        "- {id: t2, title: 跟进, trigger: {inject: escalate}, deadline: 15m}\n"
            + "      - {id: t3, title: 回复, trigger: {inject: reply}, deadline: 15m}") + """
          - {id: escalate, title: 升级, when: {taskOverdue: t3}}
          - {id: reply, title: 回复, when: {taskReached: t2, step: triggered}}
          - {id: fine, title: 可以, when: {taskOverdue: t1}}
        """;
    assertThatThrownBy(() -> ScenarioParser.parse(twoWay)).isInstanceOfSatisfying(ScenarioInvalidException.class,
        e -> assertThat(e.problems()).containsExactly(
            "injects[1].when: inject \"escalate\" can never fire: its condition can only follow from the firing of "
                + "injects that wait on one another (a loop): escalate, reply",
            "injects[2].when: inject \"reply\" can never fire: its condition can only follow from the firing of "
                + "injects that wait on one another (a loop): escalate, reply"));
  }

  @Test
  void aContingencyOnAnotherContingencyThatCanFireIsNoLoop() {
    Scenario chained = parse("""
          - {id: escalate, title: 升级, when: {taskOverdue: t1}}
          - {id: regulator, title: 监管, when: {taskOverdue: t2}}
        """);
    assertThat(chained.injects()).hasSize(3);
  }
}
