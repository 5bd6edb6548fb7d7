package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drillboard.config.ServerConfig;
import io.drillboard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** --tls-cert and --tls-key: the API and the live stream over TLS, and nothing in clear. */
class TlsTest {
  @Test
  void theServerSpeaksTlsOnly() throws Exception {
    Path dir = Path.of("target", "test-data", "tls").toAbsolutePath();
    Files.createDirectories(dir);
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    assumeTrue(selfSigned(cert, key), "openssl is not installed: the TLS test needs it to make a certificate");
    ServerConfig config = TestServer.config().withGuard(ServerConfig.Guard.defaults()
        .withTls(Optional.of(new ServerConfig.Tls(cert, key))));
    Vertx vertx = Vertx.vertx();
    try (TestServer server = TestServer.start(config)) {
      WebClient https = WebClient.create(vertx, new WebClientOptions().setSsl(true).setTrustAll(true)
          .setVerifyHost(false).setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
      assertThat(https.get("/health").send().await().statusCode()).isEqualTo(200);
      String director = server.token(Role.DIRECTOR);
      String drill = https.post("/api/v1/drills").bearerTokenAuthentication(director)
          .sendJsonObject(new io.vertx.core.json.JsonObject().put("scenarioId", "major-complaint")).await()
          .bodyAsJsonObject().getString("id");
      var wss = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true).setTrustAll(true)
          .setVerifyHost(false).setMaxMessageSize(16 * 1024 * 1024).setMaxFrameSize(16 * 1024 * 1024));
      var socket = wss.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
          .setURI("/api/v1/drills/" + drill + "/live?token=" + director)).await();
      socket.close().await();
      WebClient clear = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(server.port()));
      int inClear;
      try {
        inClear = clear.get("/health").send().await(5, java.util.concurrent.TimeUnit.SECONDS).statusCode();
      } catch (Exception refused) {
        inClear = -1;
      }
      assertThat(inClear).as("status of a request in clear (-1: no HTTP answer)").isEqualTo(-1);
    } finally {
      vertx.close().await();
    }
  }

  private static boolean selfSigned(Path cert, Path key) throws Exception {
    try {
      Process openssl = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
          "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost"))
          .redirectErrorStream(true).start();
      openssl.getInputStream().readAllBytes();
      return openssl.waitFor() == 0;
    } catch (java.io.IOException notInstalled) {
      return false;
    }
  }
}
