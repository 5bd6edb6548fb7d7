package io.drillboard.drill;

import static io.drillboard.drill.DrillFixture.DIRECTOR;
import static io.drillboard.drill.DrillFixture.T0;
import static io.drillboard.drill.DrillFixture.director;
import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.CommandRejected.Kind;
import io.drillboard.drill.Command.AddInject;
import io.drillboard.drill.Command.Archive;
import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.Command.FireInject;
import io.drillboard.drill.Command.SetSpeed;
import io.drillboard.drill.Command.TaskAction;
import io.drillboard.drill.EventBody.InjectFired;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.EventBody.TaskAdvanced;
import io.drillboard.drill.EventBody.TaskOverdue;
import io.drillboard.drill.EventBody.TaskTriggered;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.SimTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules of control, task work, deadlines, firing and the autopilot, as given-when-then on the engine. Exact times
 * throughout: the fixture's clock is the test's to move.
 */
class DrillRulesTest {
  private static final long NINE = SimTime.parseTimeOfDay("09:00");
  private static final long SECOND = 1_000;

  @Test
  void startingPlaysWhatIsDueAtTheStartAndNothingElse() {
    DrillFixture.Outcome started = DrillFixture.seedDrill(60).when(director(ControlAction.START), T0);
    assertThat(started.types()).containsExactly("drill.started", "inject.fired");
    assertThat(started.only(InjectFired.class).injectId()).isEqualTo("complaint");
    assertThat(started.event("inject.fired").simTime()).isEqualTo(NINE);
    assertThat(started.state().status()).isEqualTo(DrillStatus.RUNNING);
  }

  @Test
  void pauseFreezesTheClockAndResumeAndSpeedMoveItOn() {
    DrillFixture drill = DrillFixture.startedSeedDrill(600);
    DrillFixture.Outcome paused = drill.when(director(ControlAction.PAUSE), T0 + SECOND);
    assertThat(paused.types()).containsExactly("drill.paused");
    long pausedAt = NINE + 600 * SECOND;
    assertThat(paused.event("drill.paused").simTime()).isEqualTo(pausedAt);

    assertThat(drill.state().simNow(T0 + 3_600 * SECOND)).as("an hour of wall time later").isEqualTo(pausedAt);
    assertThat(drill.when(new SetSpeed(3600, DIRECTOR), T0 + 10 * SECOND).types())
        .containsExactly("drill.speed_changed");
    assertThat(drill.when(director(ControlAction.RESUME), T0 + 20 * SECOND).types())
        .containsExactly("drill.resumed");
    // Half a wall second at 3600x is half a sim hour, to the millisecond.
    assertThat(drill.state().simNow(T0 + 20 * SECOND + 500)).isEqualTo(pausedAt + 30 * SimTime.MINUTE);
  }

  @Test
  void aDrillMovesOnlyAlongItsLifecycle() {
    DrillFixture created = DrillFixture.seedDrill(60);
    created.when(director(ControlAction.PAUSE), T0).rejected(Kind.CONFLICT, ProblemCodes.DRILL_WRONG_STATE);
    created.when(director(ControlAction.RESUME), T0).rejected(Kind.CONFLICT, ProblemCodes.DRILL_WRONG_STATE);
    created.when(new FireInject("detection", DIRECTOR), T0).rejected(Kind.CONFLICT, ProblemCodes.DRILL_NOT_ACTIVE);

    DrillFixture running = DrillFixture.startedSeedDrill(60);
    running.when(director(ControlAction.START), T0 + SECOND).rejected(Kind.CONFLICT, ProblemCodes.DRILL_WRONG_STATE);
    running.when(director(ControlAction.RESUME), T0 + SECOND)
        .rejected(Kind.CONFLICT, ProblemCodes.DRILL_WRONG_STATE);
    assertThat(running.when(new Archive(true, DIRECTOR), T0 + SECOND).rejection().kind()).isEqualTo(Kind.CONFLICT);
    assertThat(running.when(new SetSpeed(0.5, DIRECTOR), T0 + SECOND).rejection().kind()).isEqualTo(Kind.INVALID);

    DrillFixture.Outcome stopped = running.when(director(ControlAction.STOP), T0 + 2 * SECOND);
    assertThat(stopped.types()).containsExactly("drill.ended");
    assertThat(stopped.state().endReason()).isEqualTo("stopped");
    for (ControlAction action : ControlAction.values()) {
      assertThat(running.when(director(action), T0 + 3 * SECOND).rejection()).as(action.name()).isNotNull();
    }
    running.when(director(ControlAction.STOP), T0 + 3 * SECOND).rejected(Kind.CONFLICT, ProblemCodes.DRILL_ENDED);
    assertThat(running.when(new Archive(true, DIRECTOR), T0 + 4 * SECOND).types())
        .containsExactly("drill.archived");
  }

  @Test
  void aDirectorFiresAnInjectEarlyOnceAndItTriggersItsTasks() {
    DrillFixture drill = DrillFixture.startedSeedDrill(1);
    DrillFixture.Outcome fired = drill.when(new FireInject("detection", DIRECTOR), T0 + 60 * SECOND);
    assertThat(fired.types()).containsExactly("inject.fired", "task.triggered", "task.triggered");
    assertThat(fired.event("inject.fired").simTime()).isEqualTo(NINE + SimTime.MINUTE);
    TaskTriggered activate = (TaskTriggered) fired.events().get(1).body();
    assertThat(activate.taskId()).isEqualTo("activate-plan");
    assertThat(activate.deadline()).isEqualTo(NINE + SimTime.MINUTE + 15 * SimTime.MINUTE);

    drill.when(new FireInject("detection", DIRECTOR), T0 + 61 * SECOND)
        .rejected(Kind.CONFLICT, ProblemCodes.INJECT_ALREADY_FIRED);
    drill.when(new FireInject("no-such-inject", DIRECTOR), T0 + 61 * SECOND)
        .rejected(Kind.NOT_FOUND, ProblemCodes.SCENARIO_ITEM_NOT_FOUND);
    // At its scripted time the inject does not fire again; the others still fire at theirs.
    assertThat(drill.whenTimeTo(drill.wallAt(SimTime.parseTimeOfDay("11:00"))).events().stream()
        .map(Event::body).filter(InjectFired.class::isInstance).map(b -> ((InjectFired) b).injectId()))
        .containsExactly("viral-post");
  }

  @Test
  void aTeamWorksItsOwnTasksStepByStep() {
    DrillFixture drill = DrillFixture.startedSeedDrill(1)
        .given(new FireInject("detection", DIRECTOR), T0 + SECOND);
    long t = T0 + 2 * SECOND;
    drill.when(step("activate-plan", TaskState.ACKNOWLEDGED, "comfort"), t)
        .rejected(Kind.FORBIDDEN, ProblemCodes.TASK_OTHER_TEAM);
    drill.when(step("activate-plan", TaskState.DONE, "leadership"), t)
        .rejected(Kind.CONFLICT, ProblemCodes.TASK_WRONG_STATE);
    drill.when(step("no-such-task", TaskState.ACKNOWLEDGED, "leadership"), t)
        .rejected(Kind.NOT_FOUND, ProblemCodes.SCENARIO_ITEM_NOT_FOUND);

    assertThat(drill.when(step("activate-plan", TaskState.ACKNOWLEDGED, "leadership"), t).types())
        .containsExactly("task.acknowledged");
    assertThat(drill.when(step("activate-plan", TaskState.IN_PROGRESS, null), t + SECOND).types())
        .as("a director may move any team's task").containsExactly("task.started");
    DrillFixture.Outcome done = drill.when(step("activate-plan", TaskState.DONE, "leadership"), t + 2 * SECOND);
    assertThat(done.only(TaskAdvanced.class).by()).isEqualTo("member-of-leadership");
    TaskProgress activate = done.state().task("activate-plan");
    assertThat(activate.state()).isEqualTo(TaskState.DONE);
    assertThat(activate.completionLatency()).as("triggered at 09:00:01, done at 09:00:04").isEqualTo(3 * SECOND);
    assertThat(activate.overdue()).isFalse();
  }

  @Test
  void aTaskPastItsDeadlineIsMarkedOverdueAtTheDeadline() {
    DrillFixture drill = DrillFixture.startedSeedDrill(3600)
        .given(new FireInject("detection", DIRECTOR), T0 + SECOND);
    long deadline = drill.state().task("activate-plan").deadline();
    assertThat(drill.whenTimeTo(drill.wallAt(deadline) - 1).types()).doesNotContain("task.overdue");

    DrillFixture.Outcome late = drill.whenTimeTo(drill.wallAt(deadline));
    Event overdue = late.event("task.overdue");
    assertThat(((TaskOverdue) overdue.body()).taskId()).isEqualTo("activate-plan");
    assertThat(overdue.simTime()).isEqualTo(deadline);
    assertThat(late.state().task("activate-plan").state()).as("still the team's to do").isEqualTo(TaskState.PENDING);
    assertThat(late.state().task("activate-plan").overdue()).isTrue();
  }

  @Test
  void anAdHocInjectWithPostsStartsTheOpinionCurve() {
    DrillFixture drill = DrillFixture.startedSeedDrill(60);
    DrillFixture.Outcome added = drill.when(new AddInject("phone", "记者来电", "某媒体记者致电求证",
        Optional.of(new InjectOpinion(50, "weibo", 5 * SimTime.MINUTE)), DIRECTOR), T0 + SECOND);
    InjectFired adHoc = added.only(InjectFired.class);
    assertThat(adHoc.injectId()).isEqualTo("adhoc-1");
    assertThat(adHoc.adHoc()).isTrue();

    DrillFixture.Outcome later = drill.whenTimeTo(T0 + 7 * SECOND);
    assertThat(later.events().stream().map(Event::body).filter(OpinionSampled.class::isInstance)
        .mapToInt(b -> ((OpinionSampled) b).counts().getOrDefault("weibo", java.util.Map.of()).values().stream()
            .mapToInt(Integer::intValue).sum()).sum()).isPositive();
    drill.when(new AddInject("phone", "x", null, Optional.of(new InjectOpinion(5, "myspace", 0)), DIRECTOR),
        T0 + 8 * SECOND).rejected(Kind.INVALID, ProblemCodes.INVALID_FIELDS);
  }

  @Test
  void theAutopilotPlaysEachScriptedStepAtItsTime() {
    DrillFixture drill = DrillFixture.of(DefaultScenario.load(), 600, true)
        .given(director(ControlAction.START), T0);
    DrillFixture.Outcome morning = drill.whenTimeTo(drill.wallAt(SimTime.parseTimeOfDay("11:10")));
    assertThat(morning.events().stream().filter(e -> e.body() instanceof TaskAdvanced a
        && a.taskId().equals("activate-plan")).map(e -> SimTime.format(e.simTime())))
        .containsExactly("11:02:00", "11:05:00", "11:10:00");
    assertThat(morning.state().task("activate-plan").completionLatency()).isEqualTo(10 * SimTime.MINUTE);
  }

  @Test
  void theAutopilotNeverStepsBeforeATeamThatActedLate() {
    DrillFixture drill = DrillFixture.of(DefaultScenario.load(), 60, true)
        .given(director(ControlAction.START), T0);
    long ackScripted = SimTime.parseTimeOfDay("11:02");
    drill.givenTimeTo(drill.wallAt(ackScripted) - 1);
    drill.given(director(ControlAction.PAUSE), drill.wallAt(ackScripted) - 1);
    // Paused across the scripted time: the step comes when the clock runs again, not before.
    assertThat(drill.whenTimeTo(T0 + 3_600 * SECOND).types()).isEmpty();
    long resumedWall = T0 + 3_600 * SECOND;
    assertThat(drill.when(director(ControlAction.RESUME), resumedWall).types()).containsExactly("drill.resumed");
    Event ack = drill.whenTimeTo(resumedWall + SECOND).event("task.acknowledged");
    assertThat(ack.simTime()).isEqualTo(ackScripted);
  }

  @Test
  void theEngineRefusesExactlyWhatTheStatusTableRefuses() {
    Map<DrillAction, Command> commands = new EnumMap<>(DrillAction.class);
    for (ControlAction control : ControlAction.values()) {
      commands.put(DrillAction.valueOf(control.name()), director(control));
    }
    commands.put(DrillAction.SPEED, new SetSpeed(120, DIRECTOR));
    commands.put(DrillAction.BROADCAST, new Command.Broadcast("各小组注意", DIRECTOR));
    commands.put(DrillAction.INJECT, new FireInject("detection", DIRECTOR));
    commands.put(DrillAction.ARCHIVE, new Archive(true, DIRECTOR));
    commands.put(DrillAction.TASK, step("activate-plan", TaskState.ACKNOWLEDGED, null));
    assertThat(commands.keySet()).as("every action tried").containsExactlyInAnyOrder(DrillAction.values());
    for (DrillStatus status : DrillStatus.values()) {
      commands.forEach((action, command) -> {
        CommandRejected refusal = drillThatIs(status).when(command, T0 + 2 * SECOND).rejection();
        // A task step may also be refused for the task's own state; the status table speaks only of the drill's.
        boolean refusedForStatus = refusal != null && (action != DrillAction.TASK
            || refusal.code().equals(ProblemCodes.DRILL_WRONG_STATE));
        assertThat(refusedForStatus).as(action + " when " + status).isEqualTo(!status.allows(action));
      });
    }
  }

  private static DrillFixture drillThatIs(DrillStatus status) {
    DrillFixture drill = DrillFixture.seedDrill(1);
    if (status != DrillStatus.CREATED) {
      drill.given(director(ControlAction.START), T0);
    }
    if (status == DrillStatus.PAUSED) {
      drill.given(director(ControlAction.PAUSE), T0 + SECOND);
    } else if (status == DrillStatus.ENDED) {
      drill.given(director(ControlAction.STOP), T0 + SECOND);
    }
    assertThat(drill.state().status()).isEqualTo(status);
    return drill;
  }

  private static TaskAction step(String taskId, TaskState to, String team) {
    return new TaskAction(taskId, to, team, team == null ? DIRECTOR : "member-of-" + team);
  }
}
