package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.ServerProcess;
import io.drillboard.support.TestDatabase;
import io.drillboard.web.Role;
import io.drillboard.web.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL the server while the load tool injects, restart it on the same data: every acknowledged event is stored
 * exactly once, seqs have no gap, and the running drill goes on.
 */
class CrashSafetyTest {
  @Test
  void aKilledServerLosesNothingItAcknowledged() throws Exception {
    Path dataDir = Path.of("target", "test-data", "crash-" + ProcessHandle.current().pid()).toAbsolutePath();
    TestDatabase.deleteRecursively(dataDir);
    int port = ServerProcess.freePort();
    Path ackedLog = dataDir.resolveSibling(dataDir.getFileName() + "-acked.txt");
    Vertx vertx = Vertx.vertx();
    String director = new Tokens(vertx, io.drillboard.support.TestServer.SECRET)
        .issue(Role.DIRECTOR, null, "crash-test", Duration.ofHours(1));
    String drillId;
    try (ServerProcess first = ServerProcess.start(dataDir, port, List.of())) {
      try (Http http = new Http(port)) {
        drillId = http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\",\"speed\":60}"))
            .getString("id");
        http.post("/api/v1/drills/" + drillId + "/start", director, null);
      }
      LoadRun run = new LoadRun(new LoadRun.Plan(first.url(), director, drillId, 3_000, Duration.ofSeconds(6), 25,
          0, 16, ackedLog));
      CompletableFuture<LoadRun.Summary> load = CompletableFuture.supplyAsync(() -> {
        try {
          return run.execute(new PrintStream(java.io.OutputStream.nullOutputStream()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(3_000);
      first.kill();
      LoadRun.Summary summary = load.get();
      assertThat(summary.acknowledged()).as("events acknowledged before the kill").isPositive();
      assertThat(summary.failed()).as("requests the dead server could not answer").isNotEmpty();
    }
    try (ServerProcess second = ServerProcess.start(dataDir, port, List.of()); Http http = new Http(port)) {
      Set<String> acked = new HashSet<>(Files.readAllLines(ackedLog));
      Set<String> stored = new HashSet<>();
      long expectedSeq = 1;
      long after = 0;
      while (true) {
        JsonObject page = http.json(http.get("/api/v1/drills/" + drillId + "/events?after=" + after
            + "&limit=10000", director));
        JsonArray events = page.getJsonArray("events");
        for (Object e : events) {
          JsonObject event = (JsonObject) e;
          assertThat(event.getLong("seq")).isEqualTo(expectedSeq++);
          if ("load".equals(event.getString("type"))) {
            assertThat(stored.add(event.getString("id"))).as("stored once: " + event.getString("id")).isTrue();
          }
        }
        if (!page.getBoolean("more")) {
          break;
        }
        after = page.getLong("next");
      }
      assertThat(stored).containsAll(acked);
      assertThat(http.json(http.get("/api/v1/drills/" + drillId, director)).getString("state")).isEqualTo("running");
    } finally {
      vertx.close().await();
    }
  }
}
