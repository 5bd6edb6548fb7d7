package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile bodies against the endpoints that take input: every answer is 2xx or a 4xx problem+json, never a 5xx or a
 * hang; a refused request stores nothing; what is stored comes back byte for byte.
 */
class HostileInputTest {
  private static final String[] FRAGMENTS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\u0000", "null",
      "true", "1e999999", "-0", "123456789012345678901234567890", "\"type\"", "\"payload\"", "\"id\"", "'; DROP TABLE "
      + "events; --", "<script>alert(1)</script>", "\u202e", "漢字", "\uD83D\uDE00", "\\ud800", "NaN", " ", "\n"};

  private static TestServer server;
  private static Vertx vertx;
  private static WebClient client;
  private static String director;
  private static String drillId;
  private static long knownSeq;

  @BeforeContainer
  static void start() {
    server = TestServer.start();
    vertx = Vertx.vertx();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()));
    director = server.token(Role.DIRECTOR);
    drillId = send(HttpMethod.POST, "/api/v1/drills", "{\"scenarioId\":\"major-complaint\",\"speed\":1}"
        .getBytes(StandardCharsets.UTF_8)).bodyAsJsonObject().getString("id");
  }

  @AfterContainer
  static void stop() {
    vertx.close().await();
    server.close();
  }

  @Property(tries = 400)
  void anInjectedBodyIsTakenOrRefusedCleanly(@ForAll("hostileBodies") byte[] body) {
    for (String path : List.of("/events", "/events/batch")) {
      long before = lastSeq();
      HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/drills/" + drillId + path, body);
      assertCleanAnswer(response);
      if (response.statusCode() >= 400) {
        assertThat(lastSeq()).as("nothing stored on " + response.statusCode()).isEqualTo(before);
      }
    }
  }

  @Property(tries = 300)
  void whatIsStoredComesBackByteForByte(@ForAll("payloadTexts") String sent) {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/drills/" + drillId + "/events",
        ("{\"type\":\"observation\",\"payload\":" + sent + "}").getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    long seq = response.bodyAsJsonObject().getLong("seq");
    String page = send(HttpMethod.GET, "/api/v1/drills/" + drillId + "/events?after=" + (seq - 1) + "&limit=1",
        null).bodyAsString();
    assertThat(page).contains("\"payload\":" + sent + "}");
  }

  @Property(tries = 200)
  void otherEndpointsRefuseCleanly(@ForAll("hostileBodies") byte[] body, @ForAll("endpoints") String endpoint) {
    String[] parts = endpoint.split(" ");
    assertCleanAnswer(send(HttpMethod.valueOf(parts[0]), parts[1].replace("{drill}", drillId), body));
  }

  @Provide
  Arbitrary<String> endpoints() {
    return Arbitraries.of("POST /api/v1/drills", "POST /api/v1/scenarios", "PUT /api/v1/drills/{drill}/speed",
        "POST /api/v1/drills/{drill}/injects", "POST /api/v1/drills/{drill}/tasks/contact-customer/ack",
        "POST /api/v1/drills/{drill}/notes", "POST /api/v1/drills/{drill}/ratings");
  }

  @Provide
  Arbitrary<byte[]> hostileBodies() {
    Arbitrary<String> fragments = Arbitraries.of(FRAGMENTS).list().ofMaxSize(40)
        .map(list -> String.join("", list));
    Arbitrary<String> nested = Arbitraries.integers().between(1, 5_000)
        .map(depth -> "{\"type\":\"m\",\"payload\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
    Arbitrary<String> arrays = Arbitraries.integers().between(1, 5_000).map(depth -> "[".repeat(depth));
    Arbitrary<String> wrongTypes = Arbitraries.of("42", "\"text\"", "[1,2]", "{\"type\":[]}", "{\"type\":null}",
        "{\"type\":\"m\",\"payload\":[]}", "{\"type\":\"m\",\"id\":7}", "{\"type\":\"drill.ended\"}",
        "{\"type\":\"m\",\"payload\":{\"n\":1e999999}}", "{\"scenarioId\":{},\"speed\":-1}", "{\"speed\":1e308}");
    Arbitrary<String> longStrings = Arbitraries.integers().between(1, 200_000)
        .map(n -> "{\"type\":\"" + "m".repeat(n) + "\"}");
    Arbitrary<String> text = Arbitraries.oneOf(fragments, nested, arrays, wrongTypes, longStrings,
        Arbitraries.strings().ofMaxLength(300));
    Arbitrary<byte[]> invalidUtf8 = Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(bytes -> {
      byte[] framed = new byte[bytes.length + 2];
      framed[0] = (byte) 0xC3;
      framed[1] = (byte) 0x28;
      System.arraycopy(bytes, 0, framed, 2, bytes.length);
      return framed;
    });
    return Arbitraries.oneOf(text.map(s -> s.getBytes(StandardCharsets.UTF_8)), invalidUtf8);
  }

  /** Payload texts as clients write them: spacing, number forms and escapes that a parser would not keep. */
  @Provide
  Arbitrary<String> payloadTexts() {
    Arbitrary<Object> scalars = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(50).map(Object.class::cast),
        Arbitraries.longs().map(Object.class::cast), Arbitraries.of(true, false).map(Object.class::cast),
        Arbitraries.doubles().between(-1e12, 1e12).map(Object.class::cast));
    Arbitrary<String> encoded = Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(20), scalars)
        .ofMaxSize(8).map(map -> new JsonObject(new java.util.LinkedHashMap<>(map)).encode());
    Arbitrary<String> handWritten = Arbitraries.of("{\"n\":1.50}", "{\"n\":1e999}", "{\"n\":-0}", "{\"n\":1E3}",
        "{ \"a\" : [ 1 , 2.0 ] }", "{\"s\":\"\\ud800\"}", "{\"s\":\"\\u0000 nul\"}", "{\"k\":1,\"k\":2}",
        "{\"big\":123456789012345678901234567890.000}", "{\"html\":\"<b onclick=x>&amp;</b>\"}",
        "{\"sql\":\"'); DELETE FROM events; --\"}", "{\"zh\":\"客户在朋友圈发帖\",\"emoji\":\"\uD83D\uDE00\"}");
    return Arbitraries.oneOf(encoded, handWritten);
  }

  private static void assertCleanAnswer(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isBetween(200, 499);
    if (response.statusCode() >= 400) {
      assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    }
  }

  /** The drill's last stored seq, from the event log (a GET of the drill may be a frame behind the store). */
  private static long lastSeq() {
    while (true) {
      io.vertx.core.json.JsonArray page = send(HttpMethod.GET, "/api/v1/drills/" + drillId + "/events?after="
          + knownSeq + "&limit=10000", null).bodyAsJsonObject().getJsonArray("events");
      if (page.isEmpty()) {
        return knownSeq;
      }
      knownSeq = page.getJsonObject(page.size() - 1).getLong("seq");
    }
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String path, byte[] body) {
    var request = client.request(method, path).bearerTokenAuthentication(director).timeout(10_000);
    var sent = body == null ? request.send()
        : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
    try {
      return sent.await(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within 15 s: a hang", e);
    }
  }
}
