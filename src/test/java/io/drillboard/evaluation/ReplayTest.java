package io.drillboard.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.LiveClient;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replay: the frames at seq N are the live snapshot at N; playback runs contiguously to the end and can seek. */
class ReplayTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  @Test
  void replayAtSeqNShowsWhatALiveViewerSawAtN() throws InterruptedException {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":4}")).getString("id");
    http.post("/api/v1/drills/" + id + "/start", director, null);
    Thread.sleep(3_500);
    JsonObject paused = http.json(http.post("/api/v1/drills/" + id + "/pause", director, null));
    long n = paused.getLong("seq");
    http.post("/api/v1/drills/" + id + "/resume", director, null);
    long lastSeq = 0;
    for (int i = 0; i < 200; i++) {
      JsonObject snapshot = http.json(http.get("/api/v1/drills/" + id, director));
      lastSeq = snapshot.getLong("seq");
      if (snapshot.getString("state").equals("ended")) {
        break;
      }
      Thread.sleep(100);
    }
    try (LiveClient replay = new LiveClient()) {
      assertThat(replay.connect(server.server().port(), "/api/v1/drills/" + id + "/live?replay=1&speed=3600&from="
          + n + "&token=" + server.token(Role.OBSERVER))).isEqualTo(101);
      JsonObject first = replay.next(10).frame();
      assertThat(first.getString("type")).isEqualTo("snapshot");
      assertThat(withoutReplayFields(first)).isEqualTo(withoutReplayFields(paused));

      long covered = n;
      JsonObject frame = first;
      while (!frame.getJsonObject("replay").getBoolean("finished")) {
        frame = replay.next(10).frame();
        assertThat(frame.getLong("fromSeq")).isEqualTo(covered + 1);
        covered = frame.getLong("toSeq");
      }
      assertThat(covered).isEqualTo(lastSeq);
      assertThat(frame.getString("state")).isEqualTo("ended");

      replay.send("{\"action\":\"seek\",\"seq\":10}");
      JsonObject sought = replay.next(10).frame();
      assertThat(sought.getString("type")).isEqualTo("snapshot");
      assertThat(sought.getLong("seq")).isEqualTo(10);
    }
  }

  private static JsonObject withoutReplayFields(JsonObject frame) {
    JsonObject copy = frame.copy();
    copy.remove("type");
    copy.remove("clock");
    copy.remove("replay");
    return copy;
  }
}
