package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected events: acknowledged only once stored, stored once per client id, in contiguous seqs. */
class IngestTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static Http http;
  private static String injector;
  private String drillId;

  @BeforeAll
  static void tokens() {
    http = server.http();
    injector = server.token(Role.INJECTOR);
  }

  @BeforeEach
  void newDrill() {
    drillId = http.json(http.post("/api/v1/drills", server.token(Role.DIRECTOR),
        "{\"scenarioId\":\"major-complaint\",\"speed\":1}")).getString("id");
  }

  @Test
  void aRepeatedClientIdGetsTheOriginalSeqAndIsStoredOnce() {
    String event = "{\"id\":\"obs-1\",\"type\":\"observation\",\"payload\":{\"text\":\"网点排队\"}}";
    HttpResponse<Buffer> first = http.post(path("/events"), injector, event);
    HttpResponse<Buffer> again = http.post(path("/events"), injector, event);
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(http.json(again).getLong("seq")).isEqualTo(http.json(first).getLong("seq"));
    assertThat(http.json(again).getBoolean("duplicate")).isTrue();
    JsonArray events = log();
    assertThat(events.stream().map(e -> ((JsonObject) e).getString("id")).filter("obs-1"::equals)).hasSize(1);
    JsonObject stored = events.getJsonObject(events.size() - 1);
    assertThat(stored.getJsonObject("payload")).isEqualTo(new JsonObject().put("text", "网点排队"));
    assertThat(stored.getString("type")).isEqualTo("observation");
  }

  @Test
  void aBatchAsJsonArrayOrNdjsonCountsAcceptedAndDuplicates() {
    StringBuilder array = new StringBuilder("[");
    for (int i = 0; i < 500; i++) {
      array.append(i == 0 ? "" : ",").append("{\"id\":\"b").append(i % 400).append("\",\"type\":\"message\"}");
    }
    JsonObject reply = http.json(http.post(path("/events/batch"), injector, array.append("]").toString()));
    assertThat(reply.getInteger("accepted")).isEqualTo(400);
    assertThat(reply.getInteger("duplicates")).isEqualTo(100);

    String ndjson = "{\"id\":\"b1\",\"type\":\"message\"}\n{\"id\":\"n1\",\"type\":\"message\"}\n\n"
        + "{\"type\":\"message\",\"payload\":{\"k\":[1,2,{\"deep\":true}]}}\n";
    HttpResponse<Buffer> response = http.call(io.vertx.core.http.HttpMethod.POST, path("/events/batch"), injector,
        ndjson, "application/x-ndjson");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(http.json(response).getInteger("accepted")).isEqualTo(2);
    assertThat(http.json(response).getInteger("duplicates")).isEqualTo(1);
    JsonArray events = log();
    assertThat(http.json(response).getLong("lastSeq")).isEqualTo(events.size());
    assertThat(events.getJsonObject(events.size() - 1).getJsonObject("payload").encode())
        .isEqualTo("{\"k\":[1,2,{\"deep\":true}]}");
  }

  @Test
  void aBatchOverTenThousandEventsIsRefusedWhole() {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 10_001; i++) {
      ndjson.append("{\"type\":\"message\"}\n");
    }
    long before = log().size();
    HttpResponse<Buffer> response = http.call(io.vertx.core.http.HttpMethod.POST, path("/events/batch"), injector,
        ndjson.toString(), "application/x-ndjson");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(log().size()).isEqualTo(before);
  }

  @Test
  void concurrentInjectionsAreAllAcknowledgedWithContiguousSeqs() {
    Vertx vertx = Vertx.vertx();
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(server.server().port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(32));
      List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        responses.add(client.post(path("/events")).bearerTokenAuthentication(injector)
            .sendJsonObject(new JsonObject().put("id", "c" + i).put("type", "message")));
      }
      Future.all(responses).await();
      Set<Long> seqs = new HashSet<>();
      for (Future<HttpResponse<Buffer>> response : responses) {
        assertThat(response.result().statusCode()).isEqualTo(202);
        seqs.add(response.result().bodyAsJsonObject().getLong("seq"));
      }
      assertThat(seqs).hasSize(300);
      JsonArray events = log();
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.getJsonObject(i).getLong("seq")).isEqualTo(i + 1L);
      }
      assertThat(events.size()).isEqualTo(301);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void theLogPagesInSeqOrder() {
    http.post(path("/events/batch"), injector, "[{\"type\":\"a\"},{\"type\":\"b\"},{\"type\":\"c\"}]");
    JsonObject page = http.json(http.get(path("/events?after=1&limit=2"), injector));
    assertThat(page.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("type")))
        .containsExactly("a", "b");
    assertThat(page.getBoolean("more")).isTrue();
    JsonObject rest = http.json(http.get(path("/events?after=" + page.getLong("next")), injector));
    assertThat(rest.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("type")))
        .containsExactly("c");
    assertThat(rest.getBoolean("more")).isFalse();
  }

  private String path(String suffix) {
    return "/api/v1/drills/" + drillId + suffix;
  }

  private JsonArray log() {
    return http.json(http.get(path("/events?limit=10000"), injector)).getJsonArray("events");
  }
}
