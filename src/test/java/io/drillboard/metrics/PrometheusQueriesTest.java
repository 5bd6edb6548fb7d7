package io.drillboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drillboard.support.Eventually;
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
import java.time.Duration;
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
      // A rate needs two scrapes of the drill's last state: asked again (one scrape a second) until every query has
      // a series, or fails naming the ones still empty.
      Eventually.await("every query answered with a series", Duration.ofSeconds(20), Duration.ofMillis(500),
          () -> emptyQueries(client, port, drillId), List::isEmpty);
      assertThat(Dashboards.queries()).hasSizeGreaterThan(20);
    } finally {
      prometheus.destroy();
      prometheus.waitFor();
      vertx.close().await();
    }
  }

  /** The dashboards' queries that Prometheus answers with no series (or not at all), each with its answer. */
  private static List<String> emptyQueries(WebClient client, int port, String drillId) {
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
    return empty;
  }

  /** Until Prometheus answers /-/ready (a refused connection meaning it is still starting). */
  private static void awaitReady(WebClient client, int port) throws InterruptedException {
    Eventually.await("Prometheus ready", Duration.ofSeconds(10), Duration.ofMillis(100),
        () -> client.get(port, "127.0.0.1", "/-/ready").send().await().statusCode(), status -> status == 200);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
