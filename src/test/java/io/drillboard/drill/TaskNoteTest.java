package io.drillboard.drill;

import io.drillboard.store.EventJson;
import io.drillboard.runtime.CommandCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drillboard.drill.Command.TaskAction;
import io.drillboard.drill.EventBody.TaskAdvanced;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.SimTime;
import io.drillboard.view.DrillView;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task moved to done may carry the team's note or evidence: given the events of a drill, when a command comes at a
 * wall time, then the events it decides, or its rejection with nothing changed. The engine and projections alone.
 */
class TaskNoteTest {
  private static final long WALL_START = 1_000_000;
  /** Speed 1: a few wall seconds are a few sim seconds, so nothing else comes due between the steps. */
  private static final double SPEED = 1;
  private static final String TASK = "public-statement";
  private static final String TEAM = "opinion";
  private static final String STATEMENT = "关于客户投诉事件的说明：我行高度重视，已与客户当面沟通并致歉。";

  /** The seed drill, started, with the leading group's first meeting done and the statement in progress. */
  private static List<Event> statementInProgress() {
    DrillEngine engine = DrillEngine.create("dnote", DefaultScenario.load(), SPEED, false, 3, "director", WALL_START);
    List<Event> events = new ArrayList<>(engine.drain());
    engine.handle(new Command.Control(Command.ControlAction.START, "director"), WALL_START);
    engine.handle(new Command.FireInject("detection", "director"), WALL_START + 1_000);
    long wall = WALL_START + 2_000;
    for (String task : List.of("first-meeting", TASK)) {
      for (TaskState to : List.of(TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS, TaskState.DONE)) {
        if (task.equals(TASK) && to == TaskState.DONE) {
          break;
        }
        engine.handle(new TaskAction(task, to, null, "director"), wall);
        wall += 1_000;
      }
    }
    events.addAll(engine.drain());
    return events;
  }

  private static long lastWall(List<Event> events) {
    return events.get(events.size() - 1).wallTime();
  }

  @Test
  void aNoteGivenWithDoneIsInTheEventTheTaskAndTheSnapshot() {
    List<Event> given = statementInProgress();
    DrillEngine engine = DrillEngine.rebuild("dnote", given);
    long wall = lastWall(given) + 5_000;

    engine.handle(new TaskAction(TASK, TaskState.DONE, TEAM, "opinion-lead", STATEMENT), wall);

    List<Event> decided = engine.drain();
    assertThat(decided).extracting(Event::type).as("the statement also goes to the media feed")
        .containsExactly("task.completed", "feed.posted");
    Event completed = decided.get(0);
    assertThat(completed.type()).isEqualTo("task.completed");
    assertThat(completed.body()).isEqualTo(new TaskAdvanced(TASK, TEAM, TaskState.DONE, "opinion-lead", STATEMENT));
    assertThat(new JsonObject(EventJson.text(completed.body())).getString("note")).isEqualTo(STATEMENT);
    assertThat(engine.state().task(TASK).doneNote()).isEqualTo(STATEMENT);
    assertThat(snapshotTask(engine, wall).getString("note")).isEqualTo(STATEMENT);
  }

  @Test
  void withoutANoteThePayloadIsAsItWasAndTheTaskHasNone() {
    List<Event> given = statementInProgress();
    DrillEngine engine = DrillEngine.rebuild("dnote", given);
    long wall = lastWall(given) + 5_000;

    engine.handle(new TaskAction(TASK, TaskState.DONE, TEAM, "opinion-lead"), wall);

    Event completed = engine.drain().get(0);
    assertThat(new JsonObject(EventJson.text(completed.body())).fieldNames())
        .containsExactlyInAnyOrder("taskId", "teamId", "by");
    assertThat(engine.state().task(TASK).doneNote()).isNull();
    assertThat(snapshotTask(engine, wall).containsKey("note")).isTrue();
    assertThat(snapshotTask(engine, wall).getString("note")).isNull();
  }

  @Test
  void anOlderStoredCompletionWithoutANoteStillReads() {
    EventBody stored = EventJson.fromStored("task.completed",
        "{\"taskId\":\"public-statement\",\"teamId\":\"opinion\",\"by\":\"autopilot\"}");
    assertThat(stored).isEqualTo(new TaskAdvanced(TASK, TEAM, TaskState.DONE, "autopilot", null));

    List<Event> given = new ArrayList<>(statementInProgress());
    Event last = given.get(given.size() - 1);
    given.add(new Event(last.seq() + 1, null, last.simTime() + SimTime.MINUTE / 60, last.wallTime() + 1_000, stored));
    DrillEngine engine = DrillEngine.rebuild("dnote", given);
    assertThat(engine.state().task(TASK).state()).isEqualTo(TaskState.DONE);
    assertThat(engine.state().task(TASK).doneNote()).isNull();
  }

  @Test
  void aRebuiltDrillHasTheSameNote() {
    List<Event> given = statementInProgress();
    DrillEngine engine = DrillEngine.rebuild("dnote", given);
    engine.handle(new TaskAction(TASK, TaskState.DONE, TEAM, "opinion-lead", STATEMENT), lastWall(given) + 5_000);
    List<Event> log = new ArrayList<>(given);
    // As the store hands them back: each body read from the text it was stored as.
    engine.drain().forEach(e -> log.add(new Event(e.seq(), e.clientId(), e.simTime(), e.wallTime(),
        EventJson.fromStored(e.type(), EventJson.text(e.body())))));

    DrillEngine rebuilt = DrillEngine.rebuild("dnote", log);

    assertThat(rebuilt.state()).isEqualTo(engine.state());
    assertThat(rebuilt.state().task(TASK).doneNote()).isEqualTo(STATEMENT);
  }

  @Test
  void aNoteOnAStepOtherThanDoneIsRefusedAndChangesNothing() {
    DrillEngine engine = DrillEngine.create("dnote", DefaultScenario.load(), SPEED, false, 3, "director", WALL_START);
    engine.handle(new Command.Control(Command.ControlAction.START, "director"), WALL_START);
    engine.handle(new Command.FireInject("detection", "director"), WALL_START + 1_000);
    engine.drain();
    DrillState before = engine.state();

    assertThatThrownBy(() -> engine.handle(new TaskAction("activate-plan", TaskState.ACKNOWLEDGED, "leadership",
        "lead", "seen"), WALL_START + 2_000))
        .isInstanceOfSatisfying(CommandRejected.class, rejected -> assertThat(rejected.kind()).isEqualTo(CommandRejected.Kind.INVALID));
    assertThat(engine.drain()).isEmpty();
    assertThat(engine.state()).isEqualTo(before);
  }

  @Test
  void aNoteOverTheLimitIsRefusedAndChangesNothing() {
    List<Event> given = statementInProgress();
    DrillEngine engine = DrillEngine.rebuild("dnote", given);
    DrillState before = engine.state();
    // Counted in characters: 2,001 Chinese characters outside the BMP are 4,002 UTF-16 units.
    String tooLong = "𠀀".repeat(TaskAction.MAX_NOTE + 1);
    String justRight = "𠀀".repeat(TaskAction.MAX_NOTE);

    assertThatThrownBy(() -> engine.handle(new TaskAction(TASK, TaskState.DONE, TEAM, "lead", tooLong),
        lastWall(given) + 1_000))
        .isInstanceOfSatisfying(CommandRejected.class, rejected -> assertThat(rejected.kind()).isEqualTo(CommandRejected.Kind.INVALID));
    assertThat(engine.drain()).isEmpty();
    assertThat(engine.state()).isEqualTo(before);

    engine.handle(new TaskAction(TASK, TaskState.DONE, TEAM, "lead", justRight), lastWall(given) + 2_000);
    assertThat(engine.state().task(TASK).doneNote()).isEqualTo(justRight);
  }

  @Test
  void theNoteCrossesTheEventBusWithTheCommand() {
    CommandCodec codec = new CommandCodec();
    Command command = new TaskAction(TASK, TaskState.DONE, TEAM, "lead", STATEMENT);
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, command);
    assertThat(codec.decodeFromWire(0, wire)).isEqualTo(command);
  }

  private static JsonObject snapshotTask(DrillEngine engine, long wall) {
    JsonObject snapshot = DrillView.snapshot(engine.state(), wall);
    for (Object team : snapshot.getJsonArray("teams")) {
      for (Object task : ((JsonObject) team).getJsonArray("tasks")) {
        if (TASK.equals(((JsonObject) task).getString("id"))) {
          return (JsonObject) task;
        }
      }
    }
    throw new AssertionError("no task " + TASK + " in the snapshot");
  }
}
