package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A report link opens its drill's report for a few minutes, leaves no token in the address, and opens nothing else. */
class ReportLinksTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static String drillId;
  private static String otherDrillId;

  @BeforeAll
  static void twoDrills() {
    String director = server.token(Role.DIRECTOR);
    for (int i = 0; i < 2; i++) {
      String id = server.http().json(server.http().post("/api/v1/drills", director,
          "{\"scenarioId\":\"major-complaint\",\"speed\":60}")).getString("id");
      if (i == 0) {
        drillId = id;
      } else {
        otherDrillId = id;
      }
    }
  }

  private static JsonObject link(String token, String body) {
    HttpResponse<Buffer> response = server.http().post("/api/v1/drills/" + drillId + "/report-links", token, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> open(String path, String cookie) {
    var request = server.http().client().request(HttpMethod.GET, path).followRedirects(false);
    if (cookie != null) {
      request.putHeader("Cookie", cookie);
    }
    return request.send().await();
  }

  @Test
  void aLinkTradesItsTokenForACookieAndShowsTheReportAtAnAddressWithoutIt() {
    JsonObject link = link(server.token(Role.EVALUATOR), "{\"format\":\"html\",\"lang\":\"zh\"}");
    assertThat(link.getLong("expiresAt")).isGreaterThan(System.currentTimeMillis());
    HttpResponse<Buffer> redirect = open(link.getString("href"), null);
    assertThat(redirect.statusCode()).isEqualTo(303);
    String location = redirect.getHeader("Location");
    assertThat(location).isEqualTo("/api/v1/drills/" + drillId + "/report?format=html&lang=zh")
        .doesNotContain("token");
    String setCookie = redirect.cookies().get(0);
    assertThat(setCookie).containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict", "Path=/api/v1/drills/" + drillId + "/report", "Max-Age=");
    String cookie = setCookie.split(";")[0];
    HttpResponse<Buffer> report = open(location, cookie);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.bodyAsString()).contains("演练评估报告");
    assertThat(open(location, null).statusCode()).as("without the cookie").isEqualTo(401);
  }

  @Test
  void aLinkTokenOpensNothingButItsOwnReport() {
    String href = link(server.token(Role.DIRECTOR), "{}").getString("href");
    String token = href.substring(href.indexOf("token=") + "token=".length());
    Http http = server.http();
    assertThat(http.get("/api/v1/drills/" + drillId + "/report", token).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v1/drills/" + otherDrillId + "/report", token).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v1/drills/" + drillId, token).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v1/drills", token).statusCode()).isEqualTo(403);
    assertThat(http.post("/api/v1/drills/" + drillId + "/ratings", token,
        "{\"target\":\"objective\",\"targetId\":\"plan\",\"rating\":\"P\"}").statusCode()).isEqualTo(403);
    assertThat(http.post("/api/v1/drills/" + drillId + "/report-links", token, "{}").statusCode())
        .as("a link cannot make links").isEqualTo(403);
    // The other drill's report, asked for with this link in the address, is refused too.
    assertThat(open("/api/v1/drills/" + otherDrillId + "/report?format=html&token=" + token, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aBadRequestForALinkIsRefusedWithAProblem() {
    HttpResponse<Buffer> response = server.http().post("/api/v1/drills/" + drillId + "/report-links",
        server.token(Role.OBSERVER), "{\"format\":\"pdf\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(server.http().post("/api/v1/drills/" + drillId + "/report-links", server.token(Role.OBSERVER),
        "{\"lang\":\"fr\"}").statusCode()).isEqualTo(400);
  }
}
