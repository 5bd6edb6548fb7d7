package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The improvement plan carries over: a later drill lists the actions earlier ones left open, and closes them. */
class ImprovementPlanTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  @Test
  void aLaterDrillListsTheOpenActionsOfEarlierOnesClosesOneWithANoteAndItsReportSaysSo() {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String wangMin = server.token(Role.EVALUATOR, "王敏");
    String first = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"name\":\"第一次演练\"}")).getString("id");
    http.post("/api/v1/drills/" + first + "/actions", wangMin,
        "{\"text\":\"修订舆情应对预案\",\"owner\":\"办公室\",\"due\":\"2026-12-31\"}");
    JsonObject withDone = http.json(http.post("/api/v1/drills/" + first + "/actions", wangMin,
        "{\"text\":\"补充值班表\",\"owner\":\"综合协调小组\",\"due\":\"2026-12-15\",\"state\":\"done\"}"));
    assertThat(withDone.getJsonArray("actions")).hasSize(2);
    String second = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"name\":\"第二次演练\"}")).getString("id");

    // Other tests' drills of the seed scenario share the store: only the first drill's actions matter here.
    JsonArray open = from(first, earlier(http, second, wangMin));
    assertThat(open).as("the done one is not carried over").singleElement().satisfies(a -> {
      JsonObject action = (JsonObject) a;
      assertThat(action.getString("drillId")).isEqualTo(first);
      assertThat(action.getString("drillName")).isEqualTo("第一次演练");
      assertThat(action.getString("text")).isEqualTo("修订舆情应对预案");
      assertThat(action.getString("state")).isEqualTo("open");
    });
    assertThat(from(second, earlier(http, first, wangMin))).as("a later drill's actions are not earlier").isEmpty();

    long seq = open.getJsonObject(0).getLong("seq");
    String close = "/api/v1/drills/" + second + "/earlier-actions/close";
    var closed = http.post(close, wangMin, "{\"drillId\":\"" + first + "\",\"seq\":" + seq
        + ",\"note\":\"新预案已在本次演练中使用，16:00 前完成声明\"}");
    assertThat(closed.statusCode()).isEqualTo(201);
    assertThat(closed.bodyAsJsonObject().getJsonArray("closedEarlier")).singleElement()
        .satisfies(c -> assertThat(((JsonObject) c).getString("text")).isEqualTo("修订舆情应对预案"));
    assertThat(from(first, earlier(http, second, wangMin))).isEmpty();

    // Closed already, not open, or not an earlier drill's: refused, and nothing more is recorded.
    assertThat(http.post(close, wangMin, "{\"drillId\":\"" + first + "\",\"seq\":" + seq + ",\"note\":\"再关一次\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.post("/api/v1/drills/" + first + "/earlier-actions/close", wangMin, "{\"drillId\":\"" + second
        + "\",\"seq\":1,\"note\":\"后来的演练\"}").statusCode()).isEqualTo(404);
    var noNote = http.post(close, wangMin, "{\"drillId\":\"" + first + "\",\"seq\":" + seq + "}");
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(noNote.getHeader("Content-Type")).isEqualTo("application/problem+json");

    String html = http.get("/api/v1/drills/" + second + "/report?format=html", wangMin).bodyAsString();
    assertThat(html).contains("本次演练落实的以往整改措施", "修订舆情应对预案——新预案已在本次演练中使用，16:00 前完成声明（王敏）");
    JsonObject comparison = http.json(http.get("/api/v1/compare?drills=" + first + "," + second, wangMin));
    assertThat(comparison.getJsonArray("drills").getJsonObject(1).getJsonArray("closedEarlier")).hasSize(1);
  }

  private static JsonArray from(String drillId, JsonArray actions) {
    return new JsonArray(actions.stream().filter(a -> ((JsonObject) a).getString("drillId").equals(drillId)).toList());
  }

  private static JsonArray earlier(Http http, String drillId, String token) {
    var response = http.get("/api/v1/drills/" + drillId + "/earlier-actions", token);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("actions");
  }
}
