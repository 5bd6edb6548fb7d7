package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.DefaultScenario;
import io.drillboard.support.AutopilotFrames;
import io.drillboard.support.Browser;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages' patch (webroot/js/patch.js) does what the server's does: in Chromium, a whole autopilot drill's delta
 * frames applied to its first snapshot give, after each frame, the snapshot the server would send at that seq.
 */
class PatchBrowserTest {
  /** Loads patch.js from its text (no server needed) and applies each frame's patch, keeping the view after each. */
  private static final String APPLY_ALL = """
      const [source, snapshot, frames, done] = arguments;
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      import(url).then(({ applyPatch }) => {
        const head = new Set(['type', 'fromSeq', 'toSeq', 'omitted', 'events']);
        const view = JSON.parse(snapshot);
        done(frames.map((text) => {
          const frame = JSON.parse(text);
          applyPatch(view, Object.fromEntries(Object.entries(frame).filter(([key]) => !head.has(key))));
          return JSON.stringify(view);
        }));
      }).catch((error) => done(['failed: ' + error]));
      """;

  @Test
  void thePagesPatchGivesTheServersSnapshotAfterEveryFrame() throws IOException {
    String source = Files.readString(Path.of("webroot", "js", "patch.js"));
    for (AutopilotFrames run : List.of(AutopilotFrames.of(DefaultScenario.load(), 300),
        AutopilotFrames.of(AutopilotFrames.eightTeams(), 300))) {
      try (Browser browser = Browser.open()) {
        browser.get("data:text/html,<title>patch</title>");
        @SuppressWarnings("unchecked")
        List<String> views = (List<String>) browser.scriptAsync(APPLY_ALL, source, run.snapshot(), run.frames());
        assertThat(views.size()).as(views.get(0).substring(0, Math.min(200, views.get(0).length())))
            .isEqualTo(run.expected().size());
        for (int i = 0; i < views.size(); i++) {
          assertThat(new JsonObject(views.get(i))).as("after frame %d", i)
              .isEqualTo(new JsonObject(run.expected().get(i)));
        }
      }
    }
  }
}
