package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.SimTime;
import io.drillboard.support.Http;
import io.drillboard.support.LiveClient;
import io.drillboard.support.RunningServer;
import io.drillboard.support.SeedTimeline;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole seed drill through the HTTP API, autopilot on, at high speed, against the embedded PostgreSQL. */
class SeedDrillServerTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static Http http;
  private static String director;

  @BeforeAll
  static void tokens() {
    http = server.http();
    director = server.token(Role.DIRECTOR);
  }

  @Test
  void theSeedDrillEndsWithEveryTaskDoneAtTheSeedsTimes() throws InterruptedException {
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":2024}")).getString("id");
    http.post("/api/v1/drills/" + id + "/start", director, null);
    JsonObject snapshot = awaitEnd(id);

    assertThat(snapshot.getString("endReason")).isEqualTo("scenario-end");
    assertThat(snapshot.getString("sim")).isEqualTo("18:00:00");
    Map<String, JsonObject> tasks = new HashMap<>();
    for (Object team : snapshot.getJsonArray("teams")) {
      assertThat(((JsonObject) team).getDouble("progress")).isEqualTo(1.0);
      for (Object task : ((JsonObject) team).getJsonArray("tasks")) {
        tasks.put(((JsonObject) task).getString("id"), (JsonObject) task);
      }
    }
    SeedTimeline.DONE_AT.forEach((task, time) -> assertThat(doneAt(tasks, task)).as(task).isEqualTo(time));
    // Activation 10 minutes after the 11:00 detection; the statement 4.5 hours after the 11:30 meeting.
    assertThat(tasks.get("activate-plan").getDouble("completionLatencySec")).isEqualTo(600.0);
    assertThat(tasks.get("activate-plan").getDouble("responseLatencySec")).isEqualTo(120.0);
    assertThat(tasks.get("public-statement").getDouble("completionLatencySec")).isEqualTo(4.5 * 3600);
    assertThat(tasks.get("public-statement").getBoolean("overdue")).isTrue();
    assertThat(tasks.get("home-visit").getBoolean("overdue")).isFalse();

    Map<String, Long> fired = new HashMap<>();
    for (Object inject : snapshot.getJsonArray("injects")) {
      fired.put(((JsonObject) inject).getString("id"), ((JsonObject) inject).getLong("firedAt"));
    }
    // Detection 60 minutes after the viral post.
    assertThat(fired.get("detection") - fired.get("viral-post")).isEqualTo(60 * SimTime.MINUTE);
    assertThat(fired.get("evaluation")).isEqualTo(18 * SimTime.HOUR);

    JsonObject leadership = snapshot.getJsonObject("latency").getJsonObject("leadership");
    assertThat(leadership.getInteger("done")).isEqualTo(2);
    JsonObject opinion = snapshot.getJsonObject("opinion");
    assertThat(opinion.getLong("total")).isPositive();
    assertThat(opinion.getJsonArray("series")).hasSize((int) ((18 * SimTime.HOUR - 10 * SimTime.HOUR) / SimTime.MINUTE));
    assertThat(opinion.getJsonObject("peak").getLong("minute")).isBetween(10 * SimTime.HOUR, 18 * SimTime.HOUR);

    // The log pages back in seq order with no gap.
    JsonArray events = http.json(http.get("/api/v1/drills/" + id + "/events?limit=10000", director))
        .getJsonArray("events");
    assertThat(events.size()).isEqualTo(snapshot.getInteger("seq"));
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.getJsonObject(i).getLong("seq")).isEqualTo(i + 1L);
    }
  }

  private static String doneAt(Map<String, JsonObject> tasks, String id) {
    return SimTime.format(tasks.get(id).getLong("doneAt"));
  }

  /** Follows the drill's live stream to its end: no polling, the frames say when. */
  private static JsonObject awaitEnd(String id) throws InterruptedException {
    try (LiveClient viewer = new LiveClient()) {
      assertThat(viewer.connect(server.server().port(), "/api/v1/drills/" + id + "/live?token=" + director))
          .isEqualTo(101);
      JsonObject drill = viewer.next(20).view();
      while (!drill.getString("state").equals("ended")) {
        drill = viewer.next(30).view();
      }
    }
    return http.json(http.get("/api/v1/drills/" + id, director));
  }
}
