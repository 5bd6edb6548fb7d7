package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.config.ServerConfig;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refusal is a 4xx application/problem+json that says why, and none of them changes the drill. */
class ApiErrorsTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static Http http;
  private static String director;
  private static String drillId;

  @BeforeAll
  static void createRunningDrill() {
    http = server.http();
    director = server.token(Role.DIRECTOR);
    drillId = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":1}")).getString("id");
    assertThat(http.post("/api/v1/drills/" + drillId + "/start", director, null).statusCode()).isEqualTo(200);
  }

  @Test
  void noTokenIs401() {
    assertProblem(http.get("/api/v1/drills", null), 401);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/events", null, "{\"type\":\"message\"}"), 401);
  }

  @Test
  void aTokenSignedWithAnotherSecretOrExpiredIs401() {
    Tokens other = new Tokens(io.vertx.core.Vertx.vertx(), "another-secret-that-is-also-long-enough-to-sign");
    assertProblem(http.get("/api/v1/drills", other.issue(Role.DIRECTOR, null, "x", Duration.ofHours(1))), 401);
    long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
    String expired = server.server().server().tokens().auth().generateToken(new JsonObject().put("role", "director")
        .put("iss", io.drillboard.config.ServerConfig.TokenTrust.DEFAULT_ISSUER).put("aud", Tokens.AUDIENCE).put("exp", anHourAgo),
        new io.vertx.ext.auth.JWTOptions().setAlgorithm("HS256"));
    assertProblem(http.get("/api/v1/drills", expired), 401);
  }

  @Test
  void wrongRoleIs403() {
    assertProblem(http.post("/api/v1/drills", server.token(Role.OBSERVER), "{\"scenarioId\":\"major-complaint\"}"),
        403);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/events", server.token(Role.EVALUATOR),
        "{\"type\":\"message\"}"), 403);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/pause", server.token(Role.INJECTOR), null), 403);
    assertUnchanged();
  }

  @Test
  void aTeamMayNotActOnAnotherTeamsTask() {
    assertProblem(http.post("/api/v1/drills/" + drillId + "/tasks/activate-plan/ack",
        server.teamToken("comfort"), null), 403);
    assertUnchanged();
  }

  @Test
  void unknownDrillScenarioAndTaskAre404() {
    assertProblem(http.get("/api/v1/drills/dxxxxxxxxxxx", director), 404);
    assertProblem(http.get("/api/v1/drills/not-an-id", director), 404);
    assertProblem(http.get("/api/v1/drills/dxxxxxxxxxxx/events", director), 404);
    assertProblem(http.get("/api/v1/drills/dxxxxxxxxxxx/events?after=5", director), 404);
    assertProblem(http.get("/api/v1/scenarios/no-such", director), 404);
    assertProblem(http.post("/api/v1/drills", director, "{\"scenarioId\":\"no-such\"}"), 404);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/tasks/no-such/ack", director, null), 404);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/injects/no-such/fire", director, null), 404);
  }

  @Test
  void malformedBodiesAre400AndListTheirProblems() {
    assertProblem(http.post("/api/v1/drills/" + drillId + "/events", director, "{not json"), 400);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/events", director, "[1,2]"), 400);
    JsonObject problem = assertProblem(http.post("/api/v1/drills/" + drillId + "/events", director,
        "{\"type\":42,\"payload\":\"text\",\"extra\":1}"), 400);
    assertThat(problem.getJsonArray("errors").encode()).contains("type:", "payload:", "extra:");
    assertProblem(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\",\"speed\":\"fast\"}"),
        400);
    assertProblem(http.call(HttpMethod.PUT, "/api/v1/drills/" + drillId + "/speed", director, "{\"speed\":0}"), 400);
    assertProblem(http.call(HttpMethod.PUT, "/api/v1/drills/" + drillId + "/speed", director, "{\"speed\":5000}"),
        400);
    assertProblem(http.get("/api/v1/drills/" + drillId + "/events?limit=abc", director), 400);
    JsonObject batch = assertProblem(http.post("/api/v1/drills/" + drillId + "/events/batch", director,
        "[{\"type\":\"message\"},{\"type\":\"\"},{\"type\":\"drill.ended\"}]"), 400);
    assertThat(batch.getJsonArray("errors").encode()).contains("[1].type", "[2].type");
    assertUnchanged();
  }

  @Test
  void emptyOrMistypedBodiesAre400NotServerErrors() {
    assertProblem(http.post("/api/v1/drills", director, null), 400);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/events/batch", director, null), 400);
    assertProblem(http.post("/api/v1/scenarios", director, null), 400);
    assertProblem(http.call(HttpMethod.PUT, "/api/v1/drills/" + drillId + "/speed", director, null), 400);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/injects", director,
        "{\"title\":\"x\",\"opinion\":\"text\"}"), 400);
    assertUnchanged();
  }

  @Test
  void aKnownPathWithTheWrongMethodIs405WithAllow() {
    HttpResponse<Buffer> response = http.call(HttpMethod.DELETE, "/api/v1/drills/" + drillId, director, null);
    assertProblem(response, 405);
    assertThat(response.getHeader("Allow")).isEqualTo("GET");
  }

  @Test
  void aTokenWithoutAKnownRoleMayReadNothing() {
    String roleless = server.server().server().tokens().auth().generateToken(new JsonObject().put("role", "admin"),
        new io.vertx.ext.auth.JWTOptions().setAlgorithm("HS256").setIssuer(io.drillboard.config.ServerConfig.TokenTrust.DEFAULT_ISSUER)
            .setAudience(java.util.List.of(Tokens.AUDIENCE)).setExpiresInMinutes(5));
    assertProblem(http.get("/api/v1/drills", roleless), 403);
    assertProblem(http.get("/api/v1/scenarios", roleless), 403);
  }

  @Test
  void aBodyOverTenMegabytesIs413() {
    String huge = "{\"type\":\"message\",\"payload\":{\"text\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}}";
    assertProblem(http.post("/api/v1/drills/" + drillId + "/events", director, huge), 413);
    assertUnchanged();
  }

  @Test
  void impossibleTransitionsAre409() {
    assertProblem(http.post("/api/v1/drills/" + drillId + "/start", director, null), 409);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/resume", director, null), 409);
    // activate-plan waits for the 11:00 detection inject, which has not fired at speed 1.
    assertProblem(http.post("/api/v1/drills/" + drillId + "/tasks/activate-plan/done", director, null), 409);
    assertProblem(http.post("/api/v1/drills/" + drillId + "/tasks/activate-plan/ack", director, null), 409);
    assertUnchanged();
  }

  @Test
  void anEndedDrillRefusesChanges() {
    String ended = http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\"}"))
        .getString("id");
    assertThat(http.post("/api/v1/drills/" + ended + "/stop", director, null).statusCode()).isEqualTo(200);
    assertProblem(http.post("/api/v1/drills/" + ended + "/events", director, "{\"type\":\"message\"}"), 409);
    assertProblem(http.post("/api/v1/drills/" + ended + "/stop", director, null), 409);
    assertProblem(http.post("/api/v1/drills/" + ended + "/injects/complaint/fire", director, null), 409);
  }

  @Test
  void unknownApiPathsAre404Problems() {
    assertProblem(http.get("/api/v1/nothing-here", director), 404);
  }

  private static void assertUnchanged() {
    JsonObject snapshot = http.json(http.get("/api/v1/drills/" + drillId, director));
    // Only drill.created, drill.started and the 09:00 complaint inject are stored; no refusal added anything.
    assertThat(snapshot.getLong("seq")).isEqualTo(3);
  }

  private static JsonObject assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).isNotBlank().doesNotContain("Exception", "\tat ");
    return problem;
  }
}
