package io.drillboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drillboard.support.Http;
import io.drillboard.support.LiveClient;
import io.drillboard.support.RunningServer;
import io.drillboard.support.TestDatabase;
import io.drillboard.web.Role;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Prometheus (Debian's package) scrapes the server during a drill, and every query of every panel of every
 * shipped dashboard returns at least one series through Prometheus's HTTP API.
 */
class PrometheusQueriesTest {
  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  @Test
  void everyDashboardQueryReturnsASeries() throws Exception {
    assumeTrue(Files.isExecutable(PROMETHEUS),
        "Skipping: Debian's prometheus is not installed (apt-get install prometheus)");
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String drillId = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":21}")).getString("id");
    Path dir = Path.of("target", "test-data", "prometheus-" + ProcessHandle.current().pid());
    TestDatabase.deleteRecursively(dir);
    Files.createDirectories(dir);
    int port = freePort();
    Files.writeString(dir.resolve("prometheus.yml"), """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: drillboard
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """.formatted(server.server().port()));
    Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    Vertx vertx = Vertx.vertx();
    try (LiveClient viewer = new LiveClient()) {
      WebClient client = WebClient.create(vertx);
      awaitReady(client, port);
      viewer.connect(server.server().port(), "/api/v1/drills/" + drillId + "/live?token=" + director);
      http.post("/api/v1/drills/" + drillId + "/events/batch", director, "[{\"type\":\"message\"}]");
      http.post("/api/v1/drills/" + drillId + "/start", director, null);
      JsonObject drill = viewer.next(5).view();
      while (!drill.getString("state").equals("ended")) {
        drill = viewer.next(20).view();
      }
      // Let a few more scrapes land, so that rates over the window have two samples at least.
      Thread.sleep(4_000);
      List<String> empty = new ArrayList<>();
      for (Dashboards.Query query : Dashboards.queries()) {
        String expr = query.expr().replace("$drill", drillId).replace("$__rate_interval", "30s").replace("$node", ".*");
        JsonObject answer = client.get(port, "127.0.0.1", "/api/v1/query").addQueryParam("query", expr).send().await()
            .bodyAsJsonObject();
        if (!"success".equals(answer.getString("status"))
            || answer.getJsonObject("data").getJsonArray("result").isEmpty()) {
          empty.add(query + " -> " + answer.encode());
        }
      }
      assertThat(empty).as("queries that came back empty").isEmpty();
      assertThat(Dashboards.queries()).hasSizeGreaterThan(20);
    } finally {
      prometheus.destroy();
      prometheus.waitFor();
      vertx.close().await();
    }
  }

  private static void awaitReady(WebClient client, int port) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try {
        if (client.get(port, "127.0.0.1", "/-/ready").send().await().statusCode() == 200) {
          return;
        }
      } catch (Exception notYet) {
        // Prometheus is still starting.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Prometheus did not become ready in 10 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
