package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command;
import io.drillboard.drill.DrillEngine;
import io.drillboard.drill.Event;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.view.LiveFrames;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A replay paused holds where it stands, tick after tick, and plays on from there once resumed. */
class ReplayPlaybackTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long ELEVEN = 11 * 3_600_000L;

  @Test
  void aPausedReplayPlaysNothingUntilItIsResumed() {
    ReplayPlayback playback = new ReplayPlayback("replay", endedAutopilotDrill(), 600,
        InstantSource.fixed(Instant.ofEpochMilli(T0)));
    long seqAtEleven = new JsonObject(playback.seekTo(ELEVEN)).getJsonObject("replay").getLong("seq");

    playback.paused(true);
    // A minute of ticks: at 600x, ten sim hours, more than the rest of the drill.
    assertThat(IntStream.range(0, 600).mapToObj(i -> playback.tick())).allMatch(Objects::isNull);

    playback.paused(false);
    String played = IntStream.range(0, 600).mapToObj(i -> playback.tick()).filter(Objects::nonNull).findFirst()
        .orElseThrow();
    assertThat(new JsonObject(played).getLong(LiveFrames.FROM_SEQ)).as("on from where it was paused").isEqualTo(seqAtEleven + 1);
  }

  /** The seed scenario played by its autopilot to its end at 3600x. */
  private static List<Event> endedAutopilotDrill() {
    DrillEngine engine = DrillEngine.create("replay", DefaultScenario.load(), 3600, true, 9, "director", T0);
    engine.handle(new Command.Control(Command.ControlAction.START, "director"), T0);
    List<Event> events = new ArrayList<>(engine.drain());
    for (long wall = T0; !engine.state().ended(); wall += 1_000) {
      engine.advance(wall);
      events.addAll(engine.drain());
    }
    return events;
  }
}
