package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every kind of refusal carries its stable machine code, which the pages turn into their own words. */
class ProblemCodesTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);

  private static void assertCode(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo(code);
  }

  @Test
  void refusalsOfTheWebLayerAndOfTheDrillEachSayTheirKind() {
    String id = http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\"}"))
        .getString("id");
    String base = "/api/v1/drills/" + id;

    assertCode(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\",\"speed\":\"fast\"}"), 400,
        "invalid-fields");
    assertCode(http.post("/api/v1/drills", director, "{\"scenarioId\":\"nope\"}"), 404, "scenario-not-found");
    assertCode(http.get("/api/v1/drills/dzzzzzzzzzzz", director), 404, "drill-not-found");
    assertCode(http.get("/api/v1/drills/dzzzzzzzzzzz/report", director), 404, "drill-not-found");
    assertCode(http.get("/api/v1/drills", null), 401, "token-invalid");
    assertCode(http.post(base + "/start", server.token(Role.OBSERVER), null), 403, "forbidden");
    assertCode(http.post(base + "/injects/nope/fire", director, null), 404, "scenario-item-not-found");
    assertCode(http.post(base + "/injects/complaint/fire", director, null), 409, "drill-not-active");

    assertThat(http.post(base + "/start", director, null).statusCode()).isEqualTo(200);
    assertCode(http.post(base + "/start", director, null), 409, "drill-wrong-state");
    assertThat(http.post(base + "/injects/detection/fire", director, null).statusCode()).isEqualTo(200);
    assertCode(http.post(base + "/injects/detection/fire", director, null), 409, "inject-already-fired");
    assertCode(http.post(base + "/tasks/activate-plan/done", director, null), 409, "task-wrong-state");
    assertCode(http.post(base + "/tasks/activate-plan/ack", server.teamToken("comfort"), null), 403,
        "task-other-team");
    assertCode(http.post(base + "/retractions", director, "{\"seq\":1,\"reason\":\"x\"}"), 404, "entry-not-current");

    assertThat(http.post(base + "/stop", director, null).statusCode()).isEqualTo(200);
    assertCode(http.post(base + "/broadcasts", director, "{\"text\":\"太晚了\"}"), 409, "drill-ended");
    assertCode(http.post("/api/v1/scenarios", director, "{\"source\":\"id: x\"}"), 400, "scenario-invalid");
  }
}
