package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.SimTime;
import io.drillboard.support.SeedTimeline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed case replayed by the autopilot, without Vert.x or a database: the engine and projections alone. */
class SeedDrillTest {
  private static final long WALL_START = 1_000_000;

  @Test
  void autopilotPlaysTheSeedAtItsTimes() {
    Scenario seed = DefaultScenario.load();
    DrillEngine engine = DrillEngine.create("d1", seed, 600, true, 42, "director", WALL_START);
    engine.handle(new Command.Control(Command.ControlAction.START, "director"), WALL_START);
    // 9 sim hours at 600x are 54 wall seconds; step through them a wall second at a time.
    for (long wall = WALL_START; wall <= WALL_START + 60_000; wall += 1_000) {
      engine.advance(wall);
    }
    DrillState state = engine.state();
    assertThat(state.status()).isEqualTo(DrillStatus.ENDED);
    assertThat(state.endReason()).isEqualTo("scenario-end");
    assertThat(state.tasks().values()).allMatch(t -> t.state() == TaskState.DONE);
    SeedTimeline.DONE_AT.forEach((task, time) -> assertThat(done(state, task)).as(task).isEqualTo(time));
    assertThat(state.firedInjects().get("detection").at() - state.firedInjects().get("viral-post").at())
        .isEqualTo(60 * SimTime.MINUTE);
    assertThat(state.task("activate-plan").completionLatency()).isEqualTo(10 * SimTime.MINUTE);
    assertThat(state.task("public-statement").overdue()).isTrue();
    assertThat(state.task("home-visit").overdue()).isFalse();
    assertThat(state.opinion().series()).isNotEmpty();
    assertThat(state.opinion().total()).isPositive();
  }

  @Test
  void rebuildingFromTheEventsGivesTheSameStateAndTheSameCurve() {
    Scenario seed = DefaultScenario.load();
    DrillEngine live = DrillEngine.create("d2", seed, 60, true, 7, "director", WALL_START);
    List<Event> log = new ArrayList<>(live.drain());
    live.handle(new Command.Control(Command.ControlAction.START, "director"), WALL_START);
    for (long wall = WALL_START; wall <= WALL_START + 3 * 3_600_000 / 60; wall += 700) {
      live.advance(wall);
      log.addAll(live.drain());
    }
    DrillEngine rebuilt = DrillEngine.rebuild("d2", log);
    assertThat(rebuilt.state()).isEqualTo(live.state());
    long wallLater = WALL_START + 9 * 3_600_000 / 60 + 1_000;
    live.advance(wallLater);
    rebuilt.advance(wallLater);
    assertThat(rebuilt.drain()).isEqualTo(live.drain());
    assertThat(rebuilt.state().opinion()).isEqualTo(live.state().opinion());
  }

  private static String done(DrillState state, String taskId) {
    return SimTime.format(state.task(taskId).doneAt());
  }
}
