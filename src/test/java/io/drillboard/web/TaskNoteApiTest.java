package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** POST .../tasks/{taskId}/done with {"note"}: the team's note or evidence, checked before the task moves. */
class TaskNoteApiTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  private static final String TASK = "activate-plan";

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);
  private final String leadership = server.teamToken("leadership");

  /** A running seed drill whose plan activation is in progress, ready to be done. */
  private String drillReadyForDone() {
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":1}")).getString("id");
    for (String step : new String[] {"/start", "/injects/detection/fire", "/tasks/" + TASK + "/ack",
        "/tasks/" + TASK + "/start"}) {
      HttpResponse<Buffer> response = http.post("/api/v1/drills/" + id + step, director, null);
      assertThat(response.statusCode()).as(step + ": " + response.bodyAsString()).isEqualTo(200);
    }
    return id;
  }

  private HttpResponse<Buffer> done(String id, String body) {
    return http.post("/api/v1/drills/" + id + "/tasks/" + TASK + "/done", leadership, body);
  }

  private JsonObject task(String id) {
    JsonObject drill = http.json(http.get("/api/v1/drills/" + id, director));
    return drill.getJsonArray("teams").getJsonObject(0).getJsonArray("tasks").getJsonObject(0);
  }

  private JsonArray events(String id) {
    return http.json(http.get("/api/v1/drills/" + id + "/events", director)).getJsonArray("events");
  }

  @Test
  void aNoteIsTrimmedStoredWithTheEventAndShownOnTheTask() {
    String id = drillReadyForDone();
    HttpResponse<Buffer> response = done(id, new JsonObject().put("note", "  通知已于 11:08 发至全行。\n").encode());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);

    assertThat(task(id).getString("state")).isEqualTo("done");
    assertThat(task(id).getString("note")).isEqualTo("通知已于 11:08 发至全行。");
    JsonObject completed = events(id).stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("type").equals("task.completed")).findFirst().orElseThrow();
    assertThat(completed.getJsonObject("payload").getString("note")).isEqualTo("通知已于 11:08 发至全行。");
  }

  @Test
  void doneWithoutABodyOrWithABlankNoteHasNoNote() {
    String id = drillReadyForDone();
    assertThat(done(id, new JsonObject().put("note", " \u3000 ").encode()).statusCode()).isEqualTo(200);
    assertThat(task(id).getString("state")).isEqualTo("done");
    assertThat(task(id).getString("note")).isNull();
  }

  static Stream<String> badNotes() {
    return Stream.of(new JsonObject().put("note", "字".repeat(2_001)).encode(), "{\"note\":42}",
        "{\"note\":{\"text\":\"x\"}}", "{\"note\":[\"x\"]}", "{\"note\":\"ok\",\"evidence\":\"x\"}", "[\"note\"]",
        "not json");
  }

  @ParameterizedTest
  @MethodSource("badNotes")
  void aBadNoteIsA400ProblemAndMovesNothing(String body) {
    String id = drillReadyForDone();
    long seqBefore = http.json(http.get("/api/v1/drills/" + id, director)).getLong("seq");

    HttpResponse<Buffer> response = done(id, body);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("detail")).isNotBlank();
    assertThat(task(id).getString("state")).isEqualTo("in_progress");
    assertThat(events(id).stream().map(JsonObject.class::cast).map(e -> e.getString("type")))
        .doesNotContain("task.completed");
    assertThat(http.json(http.get("/api/v1/drills/" + id, director)).getLong("seq")).isEqualTo(seqBefore);
  }

  @Test
  void twoThousandCharactersAreAllowed() {
    String id = drillReadyForDone();
    String longest = "字".repeat(2_000);
    assertThat(done(id, new JsonObject().put("note", longest).encode()).statusCode()).isEqualTo(200);
    assertThat(task(id).getString("note")).isEqualTo(longest);
  }
}
