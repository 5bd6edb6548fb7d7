package io.drillboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario;
import io.drillboard.support.AutopilotFrames;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A viewer that applies every delta to its first snapshot holds, after each frame, exactly the snapshot the server
 * would send at that seq ({@link AutopilotFrames}: a whole autopilot drill, through JSON text as on the wire); and a
 * frame carries only what changed.
 */
class DeltaFramesTest {
  static Stream<Arguments> drills() {
    return Stream.of(Arguments.of("seed", DefaultScenario.load(), 60.0),
        Arguments.of("seed", DefaultScenario.load(), 300.0),
        Arguments.of("eight teams", AutopilotFrames.eightTeams(), 300.0));
  }

  @ParameterizedTest(name = "{0} at speed {2}")
  @MethodSource("drills")
  void aViewerThatAppliesEveryDeltaHoldsTheSnapshotAtThatSeq(String name, Scenario scenario, double speed) {
    AutopilotFrames run = AutopilotFrames.of(scenario, speed);
    JsonObject held = run.snapshotJson();
    long lastSeq = held.getLong("seq");
    long deltaBytes = 0;
    for (int i = 0; i < run.frames().size(); i++) {
      JsonObject delta = new JsonObject(run.frames().get(i));
      assertThat(delta.getLong(LiveFrames.FROM_SEQ)).as("contiguous").isEqualTo(lastSeq + 1);
      lastSeq = delta.getLong(LiveFrames.TO_SEQ);
      ViewPatch.apply(held, LiveFrames.patchOf(delta));

      JsonObject expected = new JsonObject(run.expected().get(i));
      assertThat(held.fieldNames()).as("after frame %d", i).isEqualTo(expected.fieldNames());
      for (String key : expected.fieldNames()) {
        assertThat(held.getValue(key)).as("%s after frame %d (seq %d)", key, i, lastSeq)
            .isEqualTo(expected.getValue(key));
      }
      if (i > 0) {
        deltaBytes += run.frames().get(i).getBytes(StandardCharsets.UTF_8).length;
      }
    }
    assertThat(lastSeq).as("the drill ran to its end").isEqualTo(new JsonObject(run.expected()
        .get(run.expected().size() - 1)).getLong("seq"));
    assertThat(run.frames()).as("frames").hasSizeGreaterThan(100);
    long meanDelta = deltaBytes / (run.frames().size() - 1);
    long snapshotBytes = run.expected().get(run.expected().size() - 1).getBytes(StandardCharsets.UTF_8).length;
    // Only what changed: a tenth of the whole view or less (the bench measures the figures, bench/RESULTS.md).
    assertThat(meanDelta).as("mean delta against a %d-byte snapshot", snapshotBytes).isLessThan(snapshotBytes / 10);
  }
}
