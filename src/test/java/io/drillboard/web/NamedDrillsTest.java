package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drills named and placed by their director, archived out of the lists and back, and broadcasts to every team. */
class NamedDrillsTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR, "张伟");

  private JsonObject create(String body) {
    var response = http.post("/api/v1/drills", director, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private List<String> listed(String query) {
    JsonArray drills = http.json(http.get("/api/v1/drills" + query, director)).getJsonArray("drills");
    return drills.stream().map(d -> ((JsonObject) d).getString("id")).toList();
  }

  @Test
  void aNamedDrillCarriesItsNameAndPlaceEverywhereAndBadOnesAreRefused() {
    JsonObject drill = create("{\"scenarioId\":\"major-complaint\",\"name\":\"  2026 年第四季度投诉应急演练 \","
        + "\"place\":\"总行三楼指挥中心\"}");
    String id = drill.getString("id");
    assertThat(drill.getString("name")).isEqualTo("2026 年第四季度投诉应急演练");
    assertThat(drill.getString("place")).isEqualTo("总行三楼指挥中心");
    JsonObject listed = http.json(http.get("/api/v1/drills", director)).getJsonArray("drills").stream()
        .map(d -> (JsonObject) d).filter(d -> d.getString("id").equals(id)).findFirst().orElseThrow();
    assertThat(listed.getString("name")).isEqualTo("2026 年第四季度投诉应急演练");
    JsonObject report = http.json(http.get("/api/v1/drills/" + id + "/report", director));
    assertThat(report.getJsonObject("drill").getString("place")).isEqualTo("总行三楼指挥中心");
    assertThat(http.get("/api/v1/drills/" + id + "/report?format=html", director).bodyAsString())
        .contains("<h1>2026 年第四季度投诉应急演练</h1>", "演练地点", "总行三楼指挥中心");

    int before = listed("").size();
    for (String bad : List.of("{\"scenarioId\":\"major-complaint\",\"name\":\"\"}",
        "{\"scenarioId\":\"major-complaint\",\"name\":\"" + "长".repeat(61) + "\"}",
        "{\"scenarioId\":\"major-complaint\",\"place\":\"三楼\\u0007\"}",
        "{\"scenarioId\":\"major-complaint\",\"name\":42}")) {
      var refused = http.post("/api/v1/drills", director, bad);
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.getHeader("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(listed("")).as("nothing created").hasSize(before);
  }

  @Test
  void anEndedDrillIsArchivedOutOfTheListAndBackButARunningOneIsNot() {
    String id = create("{\"scenarioId\":\"major-complaint\",\"name\":\"归档测试\"}").getString("id");
    String base = "/api/v1/drills/" + id;
    assertThat(http.post(base + "/start", director, null).statusCode()).isEqualTo(200);
    var refused = http.post(base + "/archive", director, null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("stop it");
    assertThat(listed("")).contains(id);

    assertThat(http.post(base + "/stop", director, null).statusCode()).isEqualTo(200);
    assertThat(http.post(base + "/archive", director, null).statusCode()).isEqualTo(200);
    assertThat(listed("")).doesNotContain(id);
    assertThat(listed("?archived=true")).contains(id);
    assertThat(http.get(base, director).statusCode()).as("archived, still readable").isEqualTo(200);
    assertThat(http.post(base + "/unarchive", director, null).statusCode()).isEqualTo(200);
    assertThat(listed("")).contains(id);
    assertThat(http.get("/api/v1/drills?archived=maybe", director).statusCode()).isEqualTo(400);
  }

  @Test
  void aBroadcastIsAnEventEveryPageCanShowAndAnEmptyOneIsRefused() {
    String id = create("{\"scenarioId\":\"major-complaint\"}").getString("id");
    String base = "/api/v1/drills/" + id;
    var sent = http.post(base + "/broadcasts", director, "{\"text\":\"各小组注意：14:00 前提交处置进展\"}");
    assertThat(sent.statusCode()).isEqualTo(201);
    JsonArray events = http.json(http.get(base + "/events", director)).getJsonArray("events");
    JsonObject broadcast = events.stream().map(e -> (JsonObject) e)
        .filter(e -> e.getString("type").equals("drill.broadcast")).findFirst().orElseThrow();
    assertThat(broadcast.getJsonObject("payload").getString("text")).isEqualTo("各小组注意：14:00 前提交处置进展");
    assertThat(broadcast.getJsonObject("payload").getString("by")).isEqualTo("张伟");

    for (String bad : List.of("{\"text\":\"   \"}", "{}", "{\"text\":\"" + "x".repeat(501) + "\"}",
        "{\"text\":\"hi\",\"to\":\"all\"}")) {
      assertThat(http.post(base + "/broadcasts", director, bad).statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(http.post(base + "/broadcasts", server.token(Role.EVALUATOR), "{\"text\":\"x\"}").statusCode())
        .isEqualTo(403);
    http.post(base + "/stop", director, null);
    assertThat(http.post(base + "/broadcasts", director, "{\"text\":\"太晚了\"}").statusCode()).isEqualTo(409);
  }
}
