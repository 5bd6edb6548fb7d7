package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.config.ServerConfig;
import io.drillboard.support.Eventually;
import io.drillboard.support.RunningServer;
import io.drillboard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outer defences: scrape token, origins (CORS and the live handshake), header and time limits, socket abuse. */
class GuardTest {
  private static final String SCRAPE_TOKEN = "scrape-token-for-the-guard-test";
  private static final String WALL = "https://wall.example.com";
  private static final int STREAMS_PER_TOKEN = 6;
  private static final int CONNECTIONS_PER_TOKEN = 20;

  @RegisterExtension
  static final RunningServer server = RunningServer.with(() -> TestServer.config().withGuard(new ServerConfig.Guard(
      Optional.of(SCRAPE_TOKEN), List.of(WALL), 4096, Duration.ofSeconds(60), Duration.ofSeconds(2), STREAMS_PER_TOKEN,
      CONNECTIONS_PER_TOKEN, Optional.empty(), ServerConfig.TokenTrust.own())));
  private static Vertx vertx;
  private static WebSocketClient sockets;
  private static String director;
  private static String drillId;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(50)
        .setMaxMessageSize(16 * 1024 * 1024).setMaxFrameSize(16 * 1024 * 1024));
    director = server.token(Role.DIRECTOR);
    drillId = server.http().json(server.http().post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":600,\"autopilot\":true}")).getString("id");
    server.http().post("/api/v1/drills/" + drillId + "/start", director, null);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void metricsAskForTheScrapeToken() {
    assertThat(server.http().get("/metrics", null).statusCode()).isEqualTo(401);
    assertThat(server.http().get("/metrics", "not-the-token").statusCode()).isEqualTo(401);
    assertThat(server.http().get("/metrics", director).statusCode()).as("an API token is not the scrape token")
        .isEqualTo(401);
    HttpResponse<Buffer> scrape = server.http().get("/metrics", SCRAPE_TOKEN);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.bodyAsString()).contains("drillboard_");
  }

  @Test
  void corsAnswersTheAllowedOriginOnly() {
    HttpResponse<Buffer> allowed = preflight(WALL);
    assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo(WALL);
    assertThat(allowed.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    assertThat(preflight("https://evil.example.com").getHeader("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void theLiveHandshakeChecksOrigin() {
    assertThat(connect("https://evil.example.com").cause()).hasMessageContaining("403");
    for (String origin : new String[] {WALL, "http://127.0.0.1:" + server.server().port(), null}) {
      io.vertx.core.Future<WebSocket> opened = connect(origin);
      assertThat(opened.succeeded()).as("a handshake from " + origin).isTrue();
      opened.result().close().await();
    }
  }

  @Test
  void anOversizedHeadIsRefused() {
    HttpResponse<Buffer> response = server.http().call(HttpMethod.GET, "/api/v1/drills?pad=" + "x".repeat(8_000),
        director, null);
    assertThat(response.statusCode()).isIn(414, 431);
  }

  @Test
  void anUpgradeToHttp2IsDeclinedAndTheRequestAnsweredOverHttp11() throws Exception {
    // The JDK client's default: offer h2c on a plain connection (Upgrade: h2c, HTTP2-Settings).
    java.net.http.HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().port() + "/health")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(health.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void aSlowSenderIsCutOff() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/drills/" + drillId + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + director + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"type\":")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      // The server answers the unfinished request itself (the read would otherwise time out and fail the test).
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.UTF_8);
      assertThat(head).isEqualTo("HTTP/1.1 408");
    }
  }

  @Test
  void aViewerThatSendsTooMuchOrGarbageIsClosedAndTheOthersGoOn() throws Exception {
    WebSocket bystander = connect(null).result();
    CountDownLatch framesAfterAbuse = new CountDownLatch(3);
    CompletableFuture<Short> oversized = closed(connect(null).result(), socket ->
        socket.writeTextMessage("x".repeat(200 * 1024)));
    CompletableFuture<Short> garbage = closed(connect(null).result(), socket ->
        socket.writeBinaryMessage(Buffer.buffer(new byte[] {0, 1, 2, (byte) 0xff})));
    // Too big (1009), or the connection dropped outright (1006) when the frame decoder gives up first.
    assertThat(oversized.get(10, TimeUnit.SECONDS)).isIn((short) 1009, (short) 1006);
    assertThat(garbage.get(10, TimeUnit.SECONDS)).isEqualTo((short) 1003);
    bystander.textMessageHandler(text -> framesAfterAbuse.countDown());
    assertThat(framesAfterAbuse.await(10, TimeUnit.SECONDS)).as("three frames for the bystander after the abuse")
        .isTrue();
    assertThat(bystander.isClosed()).isFalse();
    bystander.close().await();
  }

  @Test
  void oneTokenHoldsAtMostItsLiveStreamsAndGetsThemBackWhenTheyClose() throws InterruptedException {
    String observer = server.token(Role.OBSERVER);
    List<WebSocket> held = new java.util.ArrayList<>();
    for (int i = 0; i < STREAMS_PER_TOKEN; i++) {
      held.add(connect(null, observer).result());
    }
    assertThat(connect(null, observer).cause()).hasMessageContaining("429");
    assertThat(connect(null, director).succeeded()).as("another token is not affected").isTrue();
    held.remove(0).close().await();
    held.add(Eventually.await("a closed stream given back", Duration.ofSeconds(5), () -> connect(null, observer),
        io.vertx.core.Future::succeeded).result());
    held.forEach(socket -> socket.close().await());
  }

  @Test
  void oneTokenHoldsAtMostItsConnections() throws Exception {
    String injector = server.token(Role.INJECTOR);
    List<Socket> held = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < CONNECTIONS_PER_TOKEN; i++) {
        held.add(new Socket("127.0.0.1", server.server().port()));
        assertThat(status(held.get(i), injector)).as("connection " + (i + 1)).isEqualTo(200);
      }
      try (Socket oneTooMany = new Socket("127.0.0.1", server.server().port())) {
        assertThat(status(oneTooMany, injector)).isEqualTo(429);
      }
      assertThat(server.http().get("/api/v1/drills", director).statusCode()).as("another token").isEqualTo(200);
      held.remove(0).close();
      Eventually.await("a closed connection given back", Duration.ofSeconds(5), () -> {
        try (Socket next = new Socket("127.0.0.1", server.server().port())) {
          return status(next, injector);
        }
      }, status -> status == 200);
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void aConnectionUsedByTwoTokensGivesBothTheirSlotBackWhenItCloses() throws Exception {
    String observer = server.token(Role.OBSERVER);
    String evaluator = server.token(Role.EVALUATOR);
    try (Socket shared = new Socket("127.0.0.1", server.server().port())) {
      assertThat(status(shared, observer)).isEqualTo(200);
      assertThat(status(shared, evaluator)).isEqualTo(200);
    }
    for (String token : List.of(observer, evaluator)) {
      List<Socket> held = new java.util.ArrayList<>();
      try {
        long deadline = System.currentTimeMillis() + 5_000;
        while (held.size() < CONNECTIONS_PER_TOKEN && System.currentTimeMillis() < deadline) {
          Socket next = new Socket("127.0.0.1", server.server().port());
          if (status(next, token) == 200) {
            held.add(next);
          } else {
            next.close();
          }
        }
        assertThat(held).as("connections given back to each token of the closed one").hasSize(CONNECTIONS_PER_TOKEN);
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /** One keep-alive GET on a raw socket; the status of its answer. */
  private static int status(Socket socket, String token) throws Exception {
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(("GET /api/v1/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    // The whole answer is read, so that the connection can carry another request.
    java.io.InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      head.append((char) next);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
        .matcher(head);
    if (length.find()) {
      in.readNBytes(Integer.parseInt(length.group(1)));
    }
    return Integer.parseInt(head.substring(9, 12));
  }

  private static CompletableFuture<Short> closed(WebSocket socket, java.util.function.Consumer<WebSocket> abuse) {
    CompletableFuture<Short> status = new CompletableFuture<>();
    socket.closeHandler(v -> status.complete(socket.closeStatusCode()));
    abuse.accept(socket);
    return status;
  }

  private static io.vertx.core.Future<WebSocket> connect(String origin) {
    return connect(origin, director);
  }

  private static io.vertx.core.Future<WebSocket> connect(String origin, String token) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(server.server().port()).setURI("/api/v1/drills/" + drillId + "/live?token=" + token);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    io.vertx.core.Future<WebSocket> connected = sockets.connect(options);
    try {
      connected.await(10, TimeUnit.SECONDS);
    } catch (Exception refused) {
      // the caller looks at the future's cause
    }
    return connected;
  }

  private static HttpResponse<Buffer> preflight(String origin) {
    return server.http().client().request(HttpMethod.OPTIONS, "/api/v1/drills").putHeader("Origin", origin)
        .putHeader("Access-Control-Request-Method", "POST")
        .putHeader("Access-Control-Request-Headers", "authorization,content-type").send().await();
  }
}
