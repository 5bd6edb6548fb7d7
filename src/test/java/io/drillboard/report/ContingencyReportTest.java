package io.drillboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.support.TestScenarios;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scenario with contingency injects, posted and played by the autopilot to its end: the drill view shows each
 * inject's kind, condition and when it came true, and the report says which fired, when and why, in both languages.
 */
class ContingencyReportTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static Http http;
  private static String drillId;
  private static JsonObject ended;

  @BeforeAll
  static void playTheContingencyScenario() throws InterruptedException {
    http = server.http();
    String director = server.token(Role.DIRECTOR);
    TestScenarios.post(http, director, "contingencies");
    drillId = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"contingencies\",\"speed\":3600,\"autopilot\":true,\"seed\":3}")).getString("id");
    http.post("/api/v1/drills/" + drillId + "/start", director, null);
    ended = Eventually.drillEnded(http, drillId, director);
  }

  private static Map<String, JsonObject> byId(Iterable<Object> items) {
    return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(JsonObject.class::cast)
        .collect(Collectors.toMap(i -> i.getString("id"), Function.identity()));
  }

  @Test
  void theDrillViewGivesEachInjectItsKindAndEachContingencyWhatItWatchedAndWhenItCameTrue() {
    Map<String, JsonObject> injects = byId(ended.getJsonArray("injects"));
    assertThat(injects.get("complaint").getString("kind")).isEqualTo("timeline");
    assertThat(injects.get("hotline").getString("kind")).isEqualTo("held");
    assertThat(injects.get("hotline").getValue("firedAt")).isNull();
    JsonObject escalation = injects.get("escalation");
    assertThat(escalation.getString("kind")).isEqualTo("contingency");
    assertThat(escalation.getJsonObject("condition")).isEqualTo(new JsonObject().put("key", "taskOverdue")
        .put("subject", "respond").put("delay", 300_000));
    assertThat(escalation.getJsonObject("met").getLong("at")).isEqualTo(9 * 3_600_000L + 30 * 60_000);
    assertThat(escalation.getLong("firedAt")).isEqualTo(9 * 3_600_000L + 35 * 60_000);
    assertThat(injects.get("trending").getJsonObject("condition").getInteger("threshold")).isEqualTo(50);
    assertThat(injects.get("trending").getJsonObject("met").getDouble("measured")).isGreaterThan(50);
  }

  @Test
  void theScenarioAsTheApiShowsItGivesEachInjectItsKindAndCondition() {
    Map<String, JsonObject> injects = byId(http.json(http.get("/api/v1/scenarios/contingencies",
        server.token(Role.OBSERVER))).getJsonArray("injects"));
    assertThat(injects.get("backlash").getString("at")).isEqualTo("11:00:00");
    assertThat(injects.get("backlash").getJsonObject("condition")).isEqualTo(new JsonObject()
        .put("key", "negativeShareOver").putNull("subject").put("threshold", 0.5).put("within", 900_000)
        .put("delay", 0));
    assertThat(injects.get("hotline").getString("kind")).isEqualTo("held");
    assertThat(injects.get("hotline").getValue("at")).isNull();
  }

  @Test
  void theReportSaysWhichContingenciesFiredWhenAndWhy() {
    JsonObject report = http.json(http.get("/api/v1/drills/" + drillId + "/report", server.token(Role.OBSERVER)));
    Map<String, JsonObject> contingencies = byId(report.getJsonArray("contingencies"));
    assertThat(contingencies).containsOnlyKeys("escalation", "follow-up", "regulator", "trending", "backlash");
    JsonObject escalation = contingencies.get("escalation");
    assertThat(escalation.getString("why")).isEqualTo("任务“回应投诉”超时");
    assertThat(escalation.getString("whyEn")).isEqualTo("task \"回应投诉\" overdue");
    assertThat(escalation.getString("met")).isEqualTo("09:30:00");
    assertThat(escalation.getString("fired")).isEqualTo("09:35:00");
    assertThat(escalation.getString("firedBy")).isEqualTo("condition");
    assertThat(contingencies.get("trending").getString("why")).startsWith("微博 10 分钟内帖子超过 50 条（实测 ");
    JsonObject backlash = report.getJsonArray("timeline").stream().map(JsonObject.class::cast)
        .filter(row -> "backlash".equals(row.getString("id"))).findFirst().orElseThrow();
    assertThat(backlash.getString("scripted")).as("a contingency armed at 11:00 has no scripted time").isNull();
    assertThat(backlash.getValue("deltaSec")).isNull();
    assertThat(contingencies.get("trending").getString("whyEn")).startsWith("over 50 posts on Weibo within 10 min "
        + "(measured: ");

    String html = http.get("/api/v1/drills/" + drillId + "/report?format=html&lang=en", server.token(Role.OBSERVER))
        .bodyAsString();
    assertThat(html).contains("<section id=\"contingencies\">", "Contingency injects",
        "task &quot;回应投诉&quot; overdue");
  }

  @Test
  void theSeedsReportHasNoContingencySection() {
    String director = server.token(Role.DIRECTOR);
    String seed = http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\"}"))
        .getString("id");
    JsonObject report = http.json(http.get("/api/v1/drills/" + seed + "/report", director));
    assertThat(report.getJsonArray("contingencies")).isEmpty();
    assertThat(http.get("/api/v1/drills/" + seed + "/report?format=html", director).bodyAsString())
        .doesNotContain("id=\"contingencies\"");
  }
}
