package io.drillboard.drill;

import static io.drillboard.drill.DrillFixture.DIRECTOR;
import static io.drillboard.drill.DrillFixture.T0;
import static io.drillboard.drill.DrillFixture.director;
import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.Command.FireInject;
import io.drillboard.drill.Command.TaskAction;
import io.drillboard.drill.CommandRejected.Kind;
import io.drillboard.drill.EventBody.ConditionMet;
import io.drillboard.drill.EventBody.InjectFired;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioParser;
import io.drillboard.scenario.SimTime;
import io.drillboard.support.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contingency injects, each kind of condition on its own: when the condition comes true the engine records it, and
 * the inject fires after its delay, once, whoever else fires it. Exact sim times; the fixture rebuilds the engine
 * before every step, so a restart at any point decides the same.
 */
class ContingencyRulesTest {
  static final Scenario SCENARIO = ScenarioParser.parse(TestScenarios.text("contingencies"));
  private static final long SECOND = 1_000;

  /** The contingency scenario, started at {@link DrillFixture#T0} at 60x, played by hand. */
  private static DrillFixture started(boolean autopilot) {
    return DrillFixture.of(SCENARIO, 60, autopilot).given(director(ControlAction.START), T0);
  }

  private static long at(String time) {
    return SimTime.parseTimeOfDay(time);
  }

  @Test
  void anOverdueTaskSetsOffItsContingencyWhichFiresAfterTheDelay() {
    DrillFixture drill = started(false);
    DrillFixture.Outcome overdue = drill.whenTimeTo(drill.wallAt(at("09:30")));
    Event met = overdue.events().stream().filter(e -> e.body() instanceof ConditionMet c
        && c.injectId().equals("escalation")).findFirst().orElseThrow();
    assertThat(met.simTime()).isEqualTo(at("09:30"));
    assertThat(met.seq()).as("right after the task went overdue").isEqualTo(overdue.event("task.overdue").seq() + 1);
    assertThat((ConditionMet) met.body()).isEqualTo(new ConditionMet("escalation", "taskOverdue", "respond", null,
        at("09:35")));
    assertThat(firedIds(overdue)).doesNotContain("escalation");

    assertThat(firedIds(drill.whenTimeTo(drill.wallAt(at("09:35")) - 1))).doesNotContain("escalation");
    DrillFixture.Outcome fired = drill.whenTimeTo(drill.wallAt(at("09:35")));
    Event escalation = fired.event("inject.fired");
    assertThat(escalation.simTime()).isEqualTo(at("09:35"));
    assertThat(((InjectFired) escalation.body()).injectId()).isEqualTo("escalation");
    assertThat(((InjectFired) escalation.body()).by()).isEqualTo(DrillEngine.CONTINGENCY_ACTOR);
  }

  @Test
  void aTaskReachingItsStepFiresItsFollowUpWithTheStep() {
    DrillFixture drill = started(false);
    long t = T0 + 5 * SECOND;
    drill.given(step(TaskState.ACKNOWLEDGED), t).given(step(TaskState.IN_PROGRESS), t);
    DrillFixture.Outcome done = drill.when(step(TaskState.DONE), t + SECOND);
    assertThat(done.types()).containsExactly("task.completed", "inject.condition-met", "inject.fired");
    assertThat(done.only(InjectFired.class).injectId()).isEqualTo("follow-up");
    assertThat(done.event("inject.fired").simTime()).isEqualTo(done.event("task.completed").simTime());
  }

  @Test
  void aCriterionPastItsTargetFiresTheMomentItIsMissed() {
    DrillFixture drill = started(false);
    long missedAt = at("09:20") + 1;
    assertThat(firedIds(drill.whenTimeTo(drill.wallAt(missedAt) - 1))).doesNotContain("regulator");
    DrillFixture.Outcome missed = drill.whenTimeTo(drill.wallAt(missedAt));
    assertThat(missed.only(ConditionMet.class).condition()).isEqualTo("criterionMissed");
    assertThat(missed.event("inject.fired").simTime()).isEqualTo(missedAt);
    assertThat(firedIds(missed)).containsExactly("regulator");
  }

  @Test
  void aCriterionMetInTimeNeverFiresItsContingency() {
    DrillFixture drill = started(false);
    long t = T0 + 5 * SECOND;
    drill.given(step(TaskState.ACKNOWLEDGED), t).given(step(TaskState.IN_PROGRESS), t)
        .given(step(TaskState.DONE), t);
    assertThat(firedIds(drill.whenTimeTo(drill.wallAt(at("12:00"))))).doesNotContain("regulator", "escalation");
  }

  @Test
  void opinionVolumeOnAPlatformFiresOnTheMinuteItPassesTheThreshold() {
    DrillFixture drill = started(false);
    DrillFixture.Outcome morning = drill.whenTimeTo(drill.wallAt(at("10:30")));
    ConditionMet trending = morning.events().stream().map(Event::body).filter(ConditionMet.class::isInstance)
        .map(ConditionMet.class::cast).filter(m -> m.injectId().equals("trending")).findFirst().orElseThrow();
    assertThat(trending.subject()).isEqualTo("weibo");
    assertThat(trending.measured()).isGreaterThan(50);
    Event met = morning.events().stream().filter(e -> e.body().equals(trending)).findFirst().orElseThrow();
    long lastSample = drill.log().stream().filter(e -> e.seq() < met.seq() && e.body() instanceof OpinionSampled)
        .mapToLong(Event::seq).max().orElseThrow();
    DrillState before = DrillState.fold("fixture", drill.log().subList(0, (int) lastSample - 1));
    assertThat(before.opinion().window(met.simTime() - SimTime.MINUTE - 10 * SimTime.MINUTE, met.simTime() - SimTime.MINUTE, "weibo").posts())
        .as("at the minute before, the threshold was not passed").isLessThanOrEqualTo(50);
    assertThat(met.simTime() % SimTime.MINUTE).as("opinion is counted by the minute").isZero();
  }

  @Test
  void aConditionArmedByATimeIsNotWatchedBeforeIt() {
    DrillFixture drill = started(false);
    DrillFixture.Outcome beforeEleven = drill.whenTimeTo(drill.wallAt(at("11:00")) - 1);
    assertThat(beforeEleven.state().opinion().window(at("10:45"), at("11:00"), null).negativeShare())
        .as("the share is over the threshold already").isGreaterThan(0.5);
    assertThat(beforeEleven.state().metConditions()).doesNotContainKey("backlash");
    DrillFixture.Outcome eleven = drill.whenTimeTo(drill.wallAt(at("11:00")));
    assertThat(eleven.event("inject.condition-met").simTime()).isEqualTo(at("11:00"));
    assertThat(firedIds(eleven)).contains("backlash");
  }

  @Test
  void aHeldInjectFiresOnlyByHandAndAContingencyFiredByHandNeverFiresAgain() {
    DrillFixture drill = started(false);
    drill.given(new FireInject("escalation", DIRECTOR), T0 + SECOND);
    DrillFixture.Outcome day = drill.whenTimeTo(drill.wallAt(at("17:59")));
    assertThat(firedIds(day)).doesNotContain("hotline", "escalation");
    assertThat(day.state().metConditions()).doesNotContainKey("escalation");
    assertThat(day.state().task("respond").overdue()).isTrue();

    assertThat(drill.when(new FireInject("hotline", DIRECTOR), drill.wallAt(at("17:59")) + 1).types())
        .containsExactly("inject.fired");
    drill.when(new FireInject("hotline", DIRECTOR), drill.wallAt(at("17:59")) + 2)
        .rejected(Kind.CONFLICT, ProblemCodes.INJECT_ALREADY_FIRED);
  }

  @Test
  void aPausedDrillHoldsADelayedContingencyUntilItRunsAgain() {
    DrillFixture drill = started(false);
    drill.givenTimeTo(drill.wallAt(at("09:31")));
    long pausedAt = drill.wallAt(at("09:31")) + 1;
    drill.given(director(ControlAction.PAUSE), pausedAt);
    assertThat(firedIds(drill.whenTimeTo(pausedAt + 3_600 * SECOND))).doesNotContain("escalation");
    drill.given(director(ControlAction.RESUME), pausedAt + 3_600 * SECOND);
    DrillFixture.Outcome resumed = drill.whenTimeTo(drill.wallAt(at("09:35")));
    assertThat(resumed.event("inject.fired").simTime()).isEqualTo(at("09:35"));
  }

  @Test
  void theSameSeedFiresTheSameContingenciesAtTheSameTimesUnderTheAutopilot() {
    List<String> first = contingencyTimeline(started(true));
    List<String> second = contingencyTimeline(started(true));
    assertThat(first).isNotEmpty().isEqualTo(second);
    assertThat(first).contains("follow-up@09:40:00", "escalation@09:35:00", "regulator@09:20:00.001");
  }

  private static List<String> contingencyTimeline(DrillFixture drill) {
    DrillFixture.Outcome day = drill.whenTimeTo(drill.wallAt(at("18:00")));
    return day.state().firedInjects().values().stream()
        .filter(f -> SCENARIO.inject(f.id()).orElseThrow().contingency().isPresent())
        .map(f -> f.id() + "@" + SimTime.format(f.at())).toList();
  }

  private static List<String> firedIds(DrillFixture.Outcome outcome) {
    return outcome.events().stream().map(Event::body).filter(InjectFired.class::isInstance)
        .map(b -> ((InjectFired) b).injectId()).toList();
  }

  private static TaskAction step(TaskState to) {
    return new TaskAction("respond", to, "ops", "member-of-ops");
  }
}
