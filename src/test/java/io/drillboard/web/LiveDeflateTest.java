package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.config.ServerConfig;
import io.drillboard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * permessage-deflate on the live stream: a viewer that offers it, as every browser does, gets it unless the server is
 * started with --no-live-deflate; either way the frames read the same.
 */
class LiveDeflateTest {
  @Test
  void aViewerThatOffersDeflateGetsItUnlessTheServerSaysNo() throws Exception {
    for (boolean deflate : new boolean[] {true, false}) {
      ServerConfig config = TestServer.config()
          .withLive(new ServerConfig.Live(ServerConfig.Live.DEFAULT_QUEUE_BYTES, deflate));
      try (TestServer server = TestServer.start(config)) {
        String director = server.token(Role.DIRECTOR);
        Vertx vertx = Vertx.vertx();
        try {
          String drill = io.vertx.ext.web.client.WebClient.create(vertx).post(server.port(), "127.0.0.1",
              "/api/v1/drills").bearerTokenAuthentication(director)
              .sendJsonObject(new JsonObject().put("scenarioId", "major-complaint")).await().bodyAsJsonObject()
              .getString("id");
          CompletableFuture<JsonObject> first = new CompletableFuture<>();
          WebSocket socket = vertx.createWebSocketClient(new WebSocketClientOptions()
              .setTryUsePerMessageCompression(true)).connect(new WebSocketConnectOptions().setHost("127.0.0.1")
              .setPort(server.port()).setURI("/api/v1/drills/" + drill + "/live?token=" + director))
              .andThen(opened -> {
                if (opened.succeeded()) {
                  opened.result().textMessageHandler(text -> first.complete(new JsonObject(text)));
                }
              })
              .await();
          String extensions = socket.headers().get("Sec-WebSocket-Extensions");
          if (deflate) {
            assertThat(extensions).as("negotiated").startsWith("permessage-deflate");
          } else {
            assertThat(extensions).as("refused").isNull();
          }
          assertThat(first.get(20, TimeUnit.SECONDS).getString("id")).isEqualTo(drill);
        } finally {
          vertx.close().await();
        }
      }
    }
  }
}
