package io.drillboard.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.TestServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Evaluators' entries, the after-action report in three formats, and drill comparison, through the API. */
class ReportTest {
  private static String drillId;
  private static String twinId;

  /** Two autopilot seed drills and an evaluation, on one server; the tests read them from a restarted one. */
  @BeforeAll
  static void runTheSeedDrillAndEvaluateIt() throws InterruptedException {
    try (TestServer server = TestServer.start(); Http http = new Http(server.port())) {
      String director = server.token(Role.DIRECTOR);
      drillId = runSeed(http, director, 1);
      twinId = runSeed(http, director, 2);
      String evaluator = server.token(Role.EVALUATOR);
      String base = "/api/v1/drills/" + drillId;
      assertThat(http.post(base + "/ratings", evaluator,
          "{\"target\":\"task\",\"targetId\":\"public-statement\",\"rating\":\"M\",\"note\":\"声明晚于黄金4小时\"}")
          .statusCode()).isEqualTo(201);
      assertThat(http.post(base + "/ratings", evaluator,
          "{\"target\":\"objective\",\"targetId\":\"coordination\",\"rating\":\"S\"}").statusCode()).isEqualTo(201);
      assertThat(http.post(base + "/notes", evaluator, "{\"text\":\"舆情小组16:00才发声明\",\"at\":\"16:00\"}")
          .statusCode()).isEqualTo(201);
      assertThat(http.post(base + "/lessons", evaluator, "{\"kind\":\"strength\",\"text\":\"各部门协同作战\"}")
          .statusCode()).isEqualTo(201);
      assertThat(http.post(base + "/lessons", evaluator,
          "{\"kind\":\"improvement\",\"text\":\"应急预案的针对性和可操作性不够强\"}").statusCode()).isEqualTo(201);
      assertThat(http.post(base + "/actions", evaluator,
          "{\"text\":\"修订舆情应对流程,明确4小时内发声\",\"owner\":\"舆情监测与应对小组\",\"due\":\"2026-12-31\"}")
          .statusCode()).isEqualTo(201);
      assertThat(http.post(base + "/ratings", evaluator,
          "{\"target\":\"task\",\"targetId\":\"no-such-task\",\"rating\":\"P\"}").statusCode()).isEqualTo(404);
      assertThat(http.post(base + "/ratings", evaluator,
          "{\"target\":\"task\",\"targetId\":\"reverify\",\"rating\":\"X\"}").statusCode()).isEqualTo(400);
      assertThat(http.post(base + "/actions", evaluator, "{\"text\":\"x\",\"owner\":\"y\",\"due\":\"soon\"}")
          .statusCode()).isEqualTo(400);
      assertThat(http.post(base + "/lessons", server.token(Role.OBSERVER), "{\"kind\":\"strength\",\"text\":\"x\"}")
          .statusCode()).isEqualTo(403);
    }
  }

  private static String runSeed(Http http, String director, long seed) throws InterruptedException {
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":" + seed + "}")).getString("id");
    http.post("/api/v1/drills/" + id + "/start", director, null);
    for (int i = 0; i < 200; i++) {
      if (http.json(http.get("/api/v1/drills/" + id, director)).getString("state").equals("ended")) {
        return id;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the drill did not end");
  }

  @Test
  void theReportFromAFreshServerHoldsTheCriteriaTheSeedImpliesAndTheEvaluation() {
    try (TestServer server = TestServer.start(); Http http = new Http(server.port())) {
      JsonObject report = http.json(http.get("/api/v1/drills/" + drillId + "/report", server.token(Role.OBSERVER)));
      Map<String, JsonObject> criteria = report.getJsonArray("criteria").stream().map(c -> (JsonObject) c)
          .collect(Collectors.toMap(c -> c.getString("id"), Function.identity()));
      assertThat(criteria.get("golden-4-hours").getBoolean("met")).isFalse();
      assertThat(criteria.get("golden-4-hours").getDouble("value")).isEqualTo(6 * 3600.0);
      assertThat(criteria.get("detection").getBoolean("met")).isFalse();
      assertThat(criteria.get("plan-activation").getBoolean("met")).isTrue();
      assertThat(criteria.get("plan-activation").getDouble("value")).isEqualTo(600.0);
      assertThat(criteria.get("plan-activation").getJsonArray("evidence")).hasSize(2);
      assertThat(criteria.get("tasks-on-time").getBoolean("met")).isFalse();
      JsonObject assessment = report.getJsonObject("assessment");
      assertThat(assessment.getJsonArray("ratings")).hasSize(2);
      assertThat(assessment.getJsonArray("notes").getJsonObject(0).getString("at")).isEqualTo("16:00:00");
      assertThat(assessment.getJsonArray("improvements").getJsonObject(0).getString("text")).contains("可操作性");
      assertThat(assessment.getJsonArray("actions").getJsonObject(0).getString("due")).isEqualTo("2026-12-31");
      JsonArray conclusions = report.getJsonArray("conclusions");
      assertThat(conclusions).hasSize(5);
      JsonObject capability = conclusions.stream().map(c -> (JsonObject) c)
          .filter(c -> c.getString("objectiveId").equals("capability")).findFirst().orElseThrow();
      assertThat(capability.getString("verdict")).isEqualTo("not-achieved");
      assertThat(capability.getString("text")).contains("未达标");
      assertThat(report.getJsonObject("opinion").getJsonArray("series")).hasSize(480);
      assertThat(report.getJsonArray("timeline").stream().map(r -> ((JsonObject) r).getString("actual")))
          .contains("16:00:00", "11:10:00");
    }
  }

  @Test
  void aReportAskedForTwiceIsByteIdenticalInEveryFormat() {
    try (TestServer server = TestServer.start(); Http http = new Http(server.port())) {
      String token = server.token(Role.EVALUATOR);
      for (String query : new String[] {"", "?format=html", "?format=html&lang=en", "?format=csv"}) {
        String path = "/api/v1/drills/" + drillId + "/report" + query;
        assertThat(http.get(path, token).bodyAsString()).as(query).isEqualTo(http.get(path, token).bodyAsString());
      }
      var csv = http.get("/api/v1/drills/" + drillId + "/report?format=csv", token);
      assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
      String[] lines = csv.bodyAsString().split("\r\n");
      assertThat(lines[0]).isEqualTo("seq,id,type,simTime,sim,wallTime,payload");
      assertThat(lines[1]).startsWith("1,,\"drill.created\"");
      var html = http.get("/api/v1/drills/" + drillId + "/report?format=html&token=" + token, null);
      assertThat(html.statusCode()).isEqualTo(200);
      assertThat(html.bodyAsString()).contains("<section id=\"criteria\">", "<svg", "声明晚于黄金4小时")
          .doesNotContain("<script");
      assertThat(http.get("/api/v1/drills/" + drillId + "/report?format=pdf", token).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void twoRunsOfTheSeedAreComparedCriterionByCriterion() {
    try (TestServer server = TestServer.start(); Http http = new Http(server.port())) {
      String token = server.token(Role.EVALUATOR);
      JsonObject comparison = http.json(http.get("/api/v1/compare?drills=" + drillId + "," + twinId, token));
      assertThat(comparison.getJsonArray("drills")).hasSize(2);
      JsonObject activation = comparison.getJsonArray("criteria").stream().map(c -> (JsonObject) c)
          .filter(c -> c.getString("id").equals("plan-activation")).findFirst().orElseThrow();
      assertThat(activation.getJsonArray("values").getList()).containsExactly(600.0, 600.0);
      assertThat(activation.getDouble("change")).isZero();
      JsonObject leadership = comparison.getJsonArray("teams").getJsonObject(0);
      assertThat(leadership.getJsonArray("completionAvgSec")).hasSize(2);
      assertThat(http.get("/api/v1/compare?drills=" + drillId, token).statusCode()).isEqualTo(400);
      assertThat(http.get("/api/v1/compare?drills=" + drillId + ",dxxxxxxxxxxx", token).statusCode())
          .isEqualTo(404);
    }
  }
}
