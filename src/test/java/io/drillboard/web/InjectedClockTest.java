package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.TestClock;
import io.drillboard.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expiries the API announces are read from the server's one injected clock: a clock that stands still gives the
 * same answer however long the request took, and moves them exactly as far as it is moved.
 */
class InjectedClockTest {
  private static final TestClock CLOCK = TestClock.now();
  private static TestServer server;
  private static Http http;
  private static String director;

  @BeforeAll
  static void serverOnAStillClock() {
    server = TestServer.start(CLOCK);
    http = new Http(server.port());
    director = server.token(Role.DIRECTOR);
  }

  @AfterAll
  static void stop() {
    http.close();
    server.close();
  }

  @Test
  void aTokensExpiryIsTheClocksTimePlusItsLifetime() {
    Instant issued = CLOCK.instant();
    assertThat(issueToken().getString("expiresAt")).isEqualTo(issued.plus(Duration.ofHours(2)).toString());
    CLOCK.advance(Duration.ofMinutes(3));
    assertThat(Instant.parse(issueToken().getString("expiresAt")))
        .isEqualTo(issued.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(3)));
  }

  @Test
  void aReportLinksExpiryIsTheClocksTimePlusTheLinksLifetime() {
    String drillId = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":60}")).getString("id");
    assertThat(reportLink(drillId).getLong("expiresAt")).isEqualTo(CLOCK.millis() + ReportLinks.LIFETIME.toMillis());
    CLOCK.advance(Duration.ofMinutes(1));
    assertThat(reportLink(drillId).getLong("expiresAt")).isEqualTo(CLOCK.millis() + ReportLinks.LIFETIME.toMillis());
  }

  private static JsonObject issueToken() {
    return http.json(http.post("/api/v1/tokens", director, "{\"role\":\"observer\",\"ttl\":\"2h\"}"));
  }

  private static JsonObject reportLink(String drillId) {
    return http.json(http.post("/api/v1/drills/" + drillId + "/report-links", director, "{}"));
  }
}
