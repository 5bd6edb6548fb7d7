package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ratings, notes, lessons and actions corrected and withdrawn through the API, and the report showing the latest. */
class CorrectionsApiTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  @Test
  void anEvaluatorCorrectsAndWithdrawsEntriesAndTheReportShowsTheLatestWithTheRecord() {
    Http http = server.http();
    String id = http.json(http.post("/api/v1/drills", server.token(Role.DIRECTOR),
        "{\"scenarioId\":\"major-complaint\",\"speed\":60}")).getString("id");
    String base = "/api/v1/drills/" + id;
    String wangMin = server.token(Role.EVALUATOR, "王敏");
    long rating = seqOf(http.post(base + "/ratings", wangMin,
        "{\"target\":\"objective\",\"targetId\":\"plan\",\"rating\":\"P\"}").bodyAsJsonObject(), "ratings");
    long note = seqOf(http.post(base + "/notes", wangMin, "{\"text\":\"11:05 才启动预案\",\"at\":\"11:05\"}")
        .bodyAsJsonObject(), "notes");
    long action = seqOf(http.post(base + "/actions", wangMin,
        "{\"text\":\"修订预案\",\"owner\":\"办公室\",\"due\":\"2026-12-31\"}").bodyAsJsonObject(), "actions");

    var corrected = http.post(base + "/ratings", wangMin, "{\"target\":\"objective\",\"targetId\":\"plan\","
        + "\"rating\":\"M\",\"note\":\"复核后改为 M\",\"replaces\":" + rating + "}");
    assertThat(corrected.statusCode()).isEqualTo(201);
    var moved = http.post(base + "/actions", wangMin, "{\"text\":\"修订预案\",\"owner\":\"办公室\","
        + "\"due\":\"2026-12-31\",\"state\":\"in-progress\",\"replaces\":" + action + "}");
    assertThat(moved.statusCode()).isEqualTo(201);
    var withdrawn = http.post(base + "/retractions", wangMin, "{\"seq\":" + note + ",\"reason\":\"时间记错\"}");
    assertThat(withdrawn.statusCode()).isEqualTo(201);
    JsonObject assessment = withdrawn.bodyAsJsonObject();
    assertThat(assessment.getJsonArray("ratings")).singleElement()
        .satisfies(r -> assertThat(((JsonObject) r).getString("rating")).isEqualTo("M"));
    assertThat(assessment.getJsonArray("actions")).singleElement()
        .satisfies(a -> assertThat(((JsonObject) a).getString("state")).isEqualTo("in-progress"));
    assertThat(assessment.getJsonArray("notes")).isEmpty();
    assertThat(assessment.getJsonArray("corrections")).hasSize(3);

    // Refused, and nothing changes: the withdrawn note again, a rating "correcting" an action, bad fields.
    assertThat(http.post(base + "/retractions", wangMin, "{\"seq\":" + note + ",\"reason\":\"再撤\"}").statusCode())
        .isEqualTo(404);
    long currentAction = seqOf(moved.bodyAsJsonObject(), "actions");
    assertThat(http.post(base + "/ratings", wangMin, "{\"target\":\"objective\",\"targetId\":\"plan\","
        + "\"rating\":\"S\",\"replaces\":" + currentAction + "}").statusCode()).isEqualTo(400);
    var noReason = http.post(base + "/retractions", wangMin, "{\"seq\":" + rating + "}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(http.post(base + "/actions", wangMin, "{\"text\":\"x\",\"owner\":\"y\",\"due\":\"2026-12-31\","
        + "\"state\":\"finished\"}").statusCode()).isEqualTo(400);
    assertThat(http.post(base + "/retractions", server.token(Role.OBSERVER), "{\"seq\":1,\"reason\":\"x\"}")
        .statusCode()).isEqualTo(403);
    JsonObject report = http.json(http.get(base + "/report", wangMin));
    assertThat(report.getJsonObject("assessment").getJsonArray("corrections")).hasSize(3);
    assertThat(report.getJsonObject("assessment").getJsonArray("ratings")).hasSize(1);

    String html = http.get(base + "/report?format=html", wangMin).bodyAsString();
    assertThat(html).contains("更正记录", "“11:05 才启动预案”已由 王敏 撤回，原因：时间记错", "M 有重大挑战地完成", "进行中")
        .doesNotContain("P 无挑战地完成");
  }

  private static long seqOf(JsonObject assessment, String list) {
    JsonArray entries = assessment.getJsonArray(list);
    return entries.getJsonObject(entries.size() - 1).getLong("seq");
  }
}
