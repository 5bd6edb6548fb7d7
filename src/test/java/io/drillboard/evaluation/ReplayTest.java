package io.drillboard.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.LiveClient;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replay: the frames at seq N are the live snapshot at N; playback runs contiguously to the end and can seek. */
class ReplayTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  @Test
  void replayAtSeqNShowsWhatALiveViewerSawAtN() throws Exception {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":4}")).getString("id");
    http.post("/api/v1/drills/" + id + "/start", director, null);
    // Paused halfway through its day (12:30 of 09:00-18:00), so the replay from there has most of the drill to play.
    Eventually.await("the drill past 12:30", Duration.ofSeconds(30), () -> http.json(http.get("/api/v1/drills/" + id,
        director)), drill -> drill.getLong("simTime") >= 12 * 3_600_000L + 30 * 60_000L);
    JsonObject paused = http.json(http.post("/api/v1/drills/" + id + "/pause", director, null));
    long n = paused.getLong("seq");
    http.post("/api/v1/drills/" + id + "/resume", director, null);
    long lastSeq = Eventually.drillEnded(http, id, director).getLong("seq");
    try (LiveClient replay = new LiveClient()) {
      assertThat(replay.connect(server.server().port(), "/api/v1/drills/" + id + "/live?replay=1&speed=3600&from="
          + n + "&token=" + server.token(Role.OBSERVER))).isEqualTo(101);
      JsonObject first = replay.next(10).frame();
      assertThat(first.getString("type")).isEqualTo("snapshot");
      assertThat(withoutReplayFields(first)).isEqualTo(withoutReplayFields(paused));

      long covered = n;
      JsonObject drill = first;
      while (!drill.getJsonObject("replay").getBoolean("finished")) {
        LiveClient.Received received = replay.next(10);
        assertThat(received.frame().getLong("fromSeq")).isEqualTo(covered + 1);
        covered = received.frame().getLong("toSeq");
        drill = received.view();
      }
      assertThat(covered).isEqualTo(lastSeq);
      assertThat(drill.getString("state")).isEqualTo("ended");

      replay.send("{\"action\":\"seek\",\"seq\":10}");
      JsonObject sought = replay.next(10).frame();
      assertThat(sought.getString("type")).isEqualTo("snapshot");
      assertThat(sought.getLong("seq")).isEqualTo(10);

      // Seeking in sim time: the drill as it stood at 14:05, its clock reading 14:05.
      long at = 14 * 3_600_000L + 5 * 60_000L;
      JsonArray events = http.json(http.get("/api/v1/drills/" + id + "/events?after=0&limit=10000", director))
          .getJsonArray("events");
      List<JsonObject> all = events.stream().map(JsonObject.class::cast).toList();
      long lastAtOrBefore = all.stream().filter(e -> e.getLong("simTime") <= at).mapToLong(e -> e.getLong("seq"))
          .max().orElseThrow();
      replay.send("{\"action\":\"pause\"}");
      replay.send("{\"action\":\"seek\",\"at\":" + at + "}");
      JsonObject atTime = nextSnapshot(replay);
      assertThat(atTime.getLong("seq")).isEqualTo(lastAtOrBefore);
      assertThat(atTime.getJsonObject("replay").getBoolean("paused")).as("the pause reached the playback").isTrue();
      // The clock reads the time asked, not the sim time of the event it landed on.
      assertThat(atTime.getLong("simTime")).isEqualTo(at);
      assertThat(atTime.getString("sim")).isEqualTo("14:05:00");
      assertThat(atTime.getJsonObject("clock").getLong("simAnchor")).isEqualTo(at);
      assertThat(atTime.getJsonObject("replay").getLong("firstSim")).isEqualTo(all.get(0).getLong("simTime"));
      assertThat(atTime.getJsonObject("replay").getLong("lastSim")).isEqualTo(all.get(all.size() - 1).getLong("simTime"));
      // The labels the pages show come with every snapshot, and with no delta.
      assertThat(atTime.getJsonObject("labels").getJsonObject("platforms").getJsonObject("wechat").getString("nameEn"))
          .isEqualTo("WeChat Moments");
      replay.send("{\"action\":\"resume\"}");
      LiveClient.Received delta = replay.next(10);
      assertThat(delta.frame().getString("type")).isEqualTo("delta");
      assertThat(delta.frame().containsKey("labels")).isFalse();
      assertThat(delta.view().getJsonArray("teams").getJsonObject(0).getString("short")).isEqualTo("领导小组");

      // Before the first event: the drill's first moment.
      replay.send("{\"action\":\"pause\"}");
      replay.send("{\"action\":\"seek\",\"at\":0}");
      assertThat(nextSnapshot(replay).getLong("seq")).isEqualTo(1);

      // A time of day as text is refused, not taken for a seek to the start.
      replay.send("{\"action\":\"seek\",\"at\":\"14:05\"}");
      assertThat(replay.closedWith(10)).isEqualTo((short) 1003);
    }
  }

  /** The next snapshot, past the deltas that were on their way before the replay paused. */
  private static JsonObject nextSnapshot(LiveClient replay) throws InterruptedException {
    JsonObject frame = replay.next(10).frame();
    while (!frame.getString("type").equals("snapshot")) {
      frame = replay.next(10).frame();
    }
    return frame;
  }

  private static JsonObject withoutReplayFields(JsonObject frame) {
    JsonObject copy = frame.copy();
    copy.remove("type");
    copy.remove("clock");
    copy.remove("replay");
    return copy;
  }
}
