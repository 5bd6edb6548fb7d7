package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A director steering a drill and a team working its tasks, through the API: the wiring from HTTP to the engine and
 * back. The rules themselves, with exact times, are DrillRulesTest's.
 */
class DrillControlTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);

  private String newDrill(double speed) {
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":" + speed + "}")).getString("id");
    assertThat(http.post(path(id, "/start"), director, null).statusCode()).isEqualTo(200);
    return id;
  }

  @Test
  void pauseSpeedAndResumeAnswerWithTheDrillAsTheyLeftIt() {
    String id = newDrill(600);
    JsonObject paused = http.json(http.post(path(id, "/pause"), director, null));
    assertThat(paused.getString("state")).isEqualTo("paused");
    assertThat(snapshot(id).getLong("simTime")).as("a paused clock reads the same").isEqualTo(paused.getLong("simTime"));
    JsonObject faster = http.json(http.call(HttpMethod.PUT, path(id, "/speed"), director, "{\"speed\":3600}"));
    assertThat(faster.getDouble("speed")).isEqualTo(3600.0);
    assertThat(http.json(http.post(path(id, "/resume"), director, null)).getString("state")).isEqualTo("running");
    assertThat(http.post(path(id, "/resume"), director, null).statusCode()).isEqualTo(409);
  }

  @Test
  void aDirectorFiresAnInjectEarlyAndATeamWorksItsTasks() {
    String id = newDrill(1);
    JsonObject fired = http.json(http.post(path(id, "/injects/detection/fire"), director, null));
    JsonObject activate = task(fired, "leadership", "activate-plan");
    assertThat(activate.getString("state")).isEqualTo("pending");
    assertThat(activate.getLong("deadline") - activate.getLong("triggeredAt")).isEqualTo(15 * 60_000L);
    assertThat(http.post(path(id, "/injects/detection/fire"), director, null).statusCode()).isEqualTo(409);

    String leadership = server.teamToken("leadership");
    assertThat(http.post(path(id, "/tasks/activate-plan/ack"), leadership, null).statusCode()).isEqualTo(200);
    assertThat(http.post(path(id, "/tasks/activate-plan/done"), leadership, null).statusCode()).isEqualTo(409);
    assertThat(http.post(path(id, "/tasks/activate-plan/start"), leadership, null).statusCode()).isEqualTo(200);
    JsonObject done = http.json(http.post(path(id, "/tasks/activate-plan/done"), leadership, null));
    JsonObject task = task(done, "leadership", "activate-plan");
    assertThat(task.getString("state")).isEqualTo("done");
    assertThat(task.getDouble("responseLatencySec")).isNotNull().isGreaterThanOrEqualTo(0.0);
    assertThat(task.getBoolean("overdue")).isFalse();
    assertThat(done.getJsonArray("teams").getJsonObject(0).getDouble("progress")).isEqualTo(0.5);

    JsonObject log = http.json(http.get(path(id, "/events?after=0"), director));
    assertThat(log.getJsonArray("events").stream().map(e -> (JsonObject) e)
        .filter(e -> e.getString("type").equals("task.acknowledged")).findFirst().orElseThrow()
        .getJsonObject("payload").getString("by")).isEqualTo("member-of-leadership");
  }

  @Test
  void anAdHocInjectIsNumberedAndABadPlatformIsRefused() {
    String id = newDrill(60);
    JsonObject reply = http.json(http.post(path(id, "/injects"), director,
        "{\"title\":\"记者来电\",\"text\":\"某媒体记者致电求证\",\"channel\":\"phone\","
            + "\"opinion\":{\"posts\":50,\"platform\":\"weibo\",\"spread\":\"5m\"}}"));
    JsonObject adHoc = reply.getJsonArray("injects").stream().map(i -> (JsonObject) i)
        .filter(i -> i.getBoolean("adHoc")).findFirst().orElseThrow();
    assertThat(adHoc.getString("id")).isEqualTo("adhoc-1");
    assertThat(adHoc.getString("title")).isEqualTo("记者来电");
    assertThat(http.post(path(id, "/injects"), director,
        "{\"title\":\"x\",\"opinion\":{\"posts\":5,\"platform\":\"myspace\"}}").statusCode()).isEqualTo(400);
  }

  private JsonObject snapshot(String id) {
    return http.json(http.get("/api/v1/drills/" + id, director));
  }

  private static JsonObject task(JsonObject snapshot, String team, String task) {
    return snapshot.getJsonArray("teams").stream().map(t -> (JsonObject) t)
        .filter(t -> t.getString("id").equals(team)).findFirst().orElseThrow().getJsonArray("tasks").stream()
        .map(t -> (JsonObject) t).filter(t -> t.getString("id").equals(task)).findFirst().orElseThrow();
  }

  private static String path(String id, String suffix) {
    return "/api/v1/drills/" + id + suffix;
  }
}
