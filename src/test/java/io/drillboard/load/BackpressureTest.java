package io.drillboard.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.support.TestServer;
import io.drillboard.web.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bounded ingest queue answers 503 with Retry-After at once; a token over its rate gets 429. */
class BackpressureTest {
  /** A queue of 2,000 events and 3,000 events a second per token, so both limits are reached in a test. */
  @RegisterExtension
  static final RunningServer server = RunningServer.with(() -> TestServer.config().withIngestLimits(2_000, 3_000));

  private String newDrill(Http http, String director) {
    return http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\",\"speed\":1}"))
        .getString("id");
  }

  @Test
  void aFullQueueAnswers503WithRetryAfterAndLosesNothingItAcknowledged() {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String drill = newDrill(http, director);
    Vertx vertx = Vertx.vertx();
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(server.server().port()), new PoolOptions().setHttp1MaxSize(32));
      // Many tokens, so the rate limit stays out of the way: this is about the queue.
      List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String token = server.server().server().tokens().issue(Role.INJECTOR, null, "loader-" + i,
            java.time.Duration.ofMinutes(5));
        responses.add(client.post("/api/v1/drills/" + drill + "/events/batch").bearerTokenAuthentication(token)
            .putHeader("Content-Type", "application/x-ndjson").sendBuffer(Buffer.buffer(batch(1_000, i))));
      }
      Future.join(responses).await();
      long accepted = 0;
      long lastSeq = 0;
      int refused = 0;
      for (Future<HttpResponse<Buffer>> response : responses) {
        HttpResponse<Buffer> answer = response.result();
        if (answer.statusCode() == 202) {
          accepted += answer.bodyAsJsonObject().getLong("accepted");
          lastSeq = Math.max(lastSeq, answer.bodyAsJsonObject().getLong("lastSeq"));
        } else {
          assertThat(answer.statusCode()).isEqualTo(503);
          assertThat(answer.getHeader("Retry-After")).isNotBlank();
          assertThat(answer.getHeader("Content-Type")).isEqualTo("application/problem+json");
          refused++;
        }
      }
      assertThat(refused).as("some batches met a full queue").isPositive();
      assertThat(accepted).as("some batches got through").isPositive();
      long stored = http.drillAtLeast(drill, director, lastSeq).getLong("externalEvents");
      assertThat(stored).isEqualTo(accepted);
      assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aTokenOverItsRateGets429WithRetryAfter() {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String drill = newDrill(http, director);
    String injector = server.server().server().tokens().issue(Role.INJECTOR, null, "one-loader",
        java.time.Duration.ofMinutes(5));
    int limited = 0;
    for (int i = 0; i < 3 && limited == 0; i++) {
      var answer = http.call(io.vertx.core.http.HttpMethod.POST, "/api/v1/drills/" + drill + "/events/batch",
          injector, batch(1_500, i), "application/x-ndjson");
      if (answer.statusCode() == 429) {
        limited++;
        assertThat(answer.getHeader("Retry-After")).isNotBlank();
      } else {
        assertThat(answer.statusCode()).isIn(202, 503);
      }
    }
    assertThat(limited).isEqualTo(1);
    // Another token is not held back by the first one's limit.
    String other = server.server().server().tokens().issue(Role.INJECTOR, null, "other-loader",
        java.time.Duration.ofMinutes(5));
    assertThat(http.post("/api/v1/drills/" + drill + "/events", other, "{\"type\":\"message\"}").statusCode())
        .isEqualTo(202);
  }

  private static String batch(int events, int tag) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < events; i++) {
      ndjson.append("{\"id\":\"b").append(tag).append('-').append(i).append("\",\"type\":\"message\"}\n");
    }
    return ndjson.toString();
  }
}
