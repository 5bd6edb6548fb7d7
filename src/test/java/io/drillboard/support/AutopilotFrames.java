package io.drillboard.support;

import io.drillboard.drill.Command;
import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.DrillEngine;
import io.drillboard.drill.DrillStatus;
import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioParser;
import io.drillboard.view.DeltaWriter;
import io.drillboard.view.DrillView;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole autopilot drill as its viewers receive it, with no server: the first snapshot, then every delta frame as
 * the drill's runtime publishes them (at most one per 100 ms of wall time, the clock driven rather than waited for),
 * each with the snapshot the server would send at that frame's seq. Along the way the director pauses, resumes,
 * changes the speed and adds an inject, and an evaluator rates an objective.
 *
 * @param snapshot the first snapshot's text
 * @param frames each delta frame's text
 * @param expected after each frame, the snapshot's text at that seq and time
 */
public record AutopilotFrames(String snapshot, List<String> frames, List<String> expected) {
  private static final long FRAME_MS = 100;
  private static final long WALL_START = 1_764_300_000_000L;

  public static AutopilotFrames of(Scenario scenario, double speed) {
    long wall = WALL_START;
    DrillEngine engine = DrillEngine.create("dtest0000001", scenario, speed, true, 42, "director", wall);
    DeltaWriter writer = new DeltaWriter();
    engine.drain();
    String first = DrillView.snapshot(engine.state(), wall).encode();
    List<String> frames = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    engine.handle(new Command.Control(ControlAction.START, "director"), wall);
    for (int tick = 1; engine.state().status() != DrillStatus.ENDED; tick++) {
      wall += FRAME_MS;
      engine.advance(wall);
      directorAndEvaluatorAct(engine, scenario, tick, wall);
      List<Event> events = engine.drain();
      if (!events.isEmpty()) {
        frames.add(writer.delta(engine.state(), events, wall));
        expected.add(DrillView.snapshot(engine.state(), wall).encode());
      }
    }
    return new AutopilotFrames(first, frames, expected);
  }

  private static void directorAndEvaluatorAct(DrillEngine engine, Scenario scenario, int tick, long wall) {
    switch (tick) {
      case 20 -> engine.handle(new Command.Control(ControlAction.PAUSE, "director"), wall);
      case 25 -> engine.handle(new Command.Control(ControlAction.RESUME, "director"), wall);
      case 40 -> engine.handle(new Command.SetSpeed(engine.state().clock().speed() * 2, "director"), wall);
      case 60 -> engine.handle(new Command.AddInject("notice", "媒体来电询问", null, Optional.empty(), "director"),
          wall);
      case 80 -> engine.handle(new Command.Assess(new EventBody.Rated(TargetKind.OBJECTIVE,
          scenario.objectives().get(0).id(), Grade.S, "较好", "王敏"), "王敏"), wall);
      default -> {
      }
    }
  }

  /** The posted scenario with eight teams that the wall tests use too. */
  public static Scenario eightTeams() {
    try (InputStream in = AutopilotFrames.class.getResourceAsStream("/scenarios/wall-eight-teams.yaml")) {
      return ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonObject snapshotJson() {
    return new JsonObject(snapshot);
  }
}
