package io.drillboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Eventually;
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
      // A second evaluator, by name, rates an objective whose criteria were all met as U, and one without criteria.
      String wangMin = server.token(Role.EVALUATOR, "王敏");
      for (String objective : new String[] {"plan", "it-systems"}) {
        assertThat(http.post(base + "/ratings", wangMin, "{\"target\":\"objective\",\"targetId\":\"" + objective
            + "\",\"rating\":\"U\",\"note\":\"系统切换失败\"}").statusCode()).isEqualTo(201);
      }
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
    Eventually.drillEnded(http, id, director);
    return id;
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
      assertThat(assessment.getJsonArray("ratings")).as("two evaluators' ratings").hasSize(4);
      assertThat(assessment.getJsonArray("notes").getJsonObject(0).getString("sim")).isEqualTo("16:00:00");
      assertThat(assessment.getJsonArray("lessons").stream().map(l -> (JsonObject) l)
          .filter(l -> l.getString("kind").equals("improvement")).map(l -> l.getString("text")))
          .anySatisfy(text -> assertThat(text).contains("可操作性"));
      assertThat(assessment.getJsonArray("actions").getJsonObject(0).getString("due")).isEqualTo("2026-12-31");
      JsonArray conclusions = report.getJsonArray("conclusions");
      assertThat(conclusions).hasSize(5);
      JsonObject capability = conclusions.stream().map(c -> (JsonObject) c)
          .filter(c -> c.getString("objectiveId").equals("capability")).findFirst().orElseThrow();
      assertThat(capability.getString("verdict")).isEqualTo("not-achieved");
      assertThat(capability.getString("text")).contains("未达标");
      assertThat(report.getJsonObject("opinion").getJsonArray("series")).hasSize(480);
      JsonObject plan = conclusion(conclusions, "plan");
      assertThat(plan.getString("byCriteria")).as("both criteria met").isEqualTo("achieved");
      assertThat(plan.getString("verdict")).as("rated U by 王敏").isEqualTo("not-achieved");
      assertThat(plan.getString("text")).startsWith("本次演练未能达到").contains("王敏 U", "两者不一致");
      JsonObject itSystems = conclusion(conclusions, "it-systems");
      assertThat(itSystems.getString("verdict")).isEqualTo("not-achieved");
      assertThat(itSystems.getString("text")).doesNotContain("基本达到");
      assertThat(report.getJsonObject("overall").getString("verdict")).isEqualTo("not-achieved");
      assertThat(report.getJsonObject("participants").getJsonArray("evaluators")).contains("王敏", "evaluator-test");
      JsonObject moment = report.getJsonArray("moments").stream().map(m -> (JsonObject) m)
          .filter(m -> m.getString("what").startsWith("任务完成：发布")).findFirst().orElseThrow();
      assertThat(moment.getString("at")).isEqualTo("16:00:00");
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

  private static JsonObject conclusion(JsonArray conclusions, String objectiveId) {
    return conclusions.stream().map(c -> (JsonObject) c).filter(c -> c.getString("objectiveId").equals(objectiveId))
        .findFirst().orElseThrow();
  }

  @Test
  void theChineseReportIsAllChineseNamesItsEvaluatorsAndToldEvidenceAsMoments() {
    try (TestServer server = TestServer.start(); Http http = new Http(server.port())) {
      String html = http.get("/api/v1/drills/" + drillId + "/report?format=html", server.token(Role.OBSERVER))
          .bodyAsString();
      assertThat(html).contains("总体结论", "总体评价：未达到", "评估人员", "王敏", "签字确认", "评估组组长",
          "已结束（到达演练结束时间）", "U 未能完成", "目的：检验银行信息技术系统", "@page{size:A4",
          "counter(pages)", "16:00:00 任务完成：发布", "href=\"/?replay=1&amp;drill=" + drillId + "&amp;from=");
      // What the report printed in English before: a state, a label and a rating line.
      assertThat(html).doesNotContain("ended (", ">Sim<", "P · objective", "token=");
      // Left once the tags, the drill's id, the test tokens' English names and UTC are gone: no word of English.
      String text = html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", " ").replace(drillId, "")
          .replace("evaluator-test", "").replace("director-test", "").replace("UTC", "");
      assertThat(text).doesNotContainPattern("[A-Za-z]{3,}");
    }
  }

  @Test
  void theWordReportReadsBackWithItsVerdictSignOffA4PagesAndPageNumbers() throws Exception {
    try (TestServer server = TestServer.start(); Http http = new Http(server.port())) {
      var response = http.get("/api/v1/drills/" + drillId + "/report?format=docx", server.token(Role.OBSERVER));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).isEqualTo(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      assertThat(response.getHeader("Content-Disposition")).contains(drillId + "-report-zh.docx");
      try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(
          new java.io.ByteArrayInputStream(response.body().getBytes()))) {
        String text = docx.getParagraphs().stream().map(p -> p.getText()).collect(Collectors.joining("\n"));
        assertThat(text).contains("XX 银行金融消费者重大投诉应急演练", "演练评估报告", "总体评价：未达到", "评估人员：evaluator-test、王敏")
            .contains(report(http, server).getJsonArray("conclusions").getJsonObject(0).getString("text"));
        String tables = docx.getTables().stream().map(t -> t.getText()).collect(Collectors.joining("\n"));
        assertThat(tables).contains("签字", "评估组组长", "16:00:00 任务完成：发布", "修订舆情应对流程");
        assertThat(docx.getTables()).allSatisfy(t -> assertThat(t.getRow(0).isRepeatHeader()).isTrue());
        var size = docx.getDocument().getBody().getSectPr().getPgSz();
        assertThat(((java.math.BigInteger) size.getW()).intValue()).as("A4 width in twips").isEqualTo(11906);
        assertThat(((java.math.BigInteger) size.getH()).intValue()).isEqualTo(16838);
        var policy = docx.getHeaderFooterPolicy();
        assertThat(policy.getDefaultHeader().getText()).contains("演练评估报告");
        assertThat(policy.getDefaultFooter().getParagraphs().get(0).getCTP().getFldSimpleList())
            .extracting(f -> f.getInstr()).containsExactly("PAGE", "NUMPAGES");
      }
      assertThat(http.get("/api/v1/drills/" + drillId + "/report?format=docx&lang=en", server.token(Role.OBSERVER))
          .statusCode()).isEqualTo(200);
    }
  }

  private static JsonObject report(Http http, TestServer server) {
    return http.json(http.get("/api/v1/drills/" + drillId + "/report", server.token(Role.OBSERVER)));
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
