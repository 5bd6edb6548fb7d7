package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A link issued for a named person: what that person records carries the name, through to the report. */
class NamedTokensTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  @Test
  void anEvaluatorsLinkNamesThemInTheirRatingsAndABadNameIsRefused() {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String id = http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\"}"))
        .getString("id");
    var issued = http.post("/api/v1/tokens", director, "{\"role\":\"evaluator\",\"name\":\" 王敏 \"}");
    assertThat(issued.statusCode()).isEqualTo(201);
    assertThat(issued.bodyAsJsonObject().getString("subject")).isEqualTo("王敏");
    String wangMin = issued.bodyAsJsonObject().getString("token");

    JsonObject assessment = http.json(http.post("/api/v1/drills/" + id + "/ratings", wangMin,
        "{\"target\":\"objective\",\"targetId\":\"plan\",\"rating\":\"S\"}"));
    assertThat(assessment.getJsonArray("ratings").getJsonObject(0).getString("by")).isEqualTo("王敏");
    JsonObject report = http.json(http.get("/api/v1/drills/" + id + "/report", wangMin));
    assertThat(report.getJsonObject("participants").getJsonArray("evaluators")).containsExactly("王敏");

    for (String bad : new String[] {"\"\"", "\"" + "名".repeat(41) + "\"", "\"王\\u0000敏\"", "42"}) {
      var refused = http.post("/api/v1/tokens", director, "{\"role\":\"evaluator\",\"name\":" + bad + "}");
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("invalid-fields");
    }
  }
}
