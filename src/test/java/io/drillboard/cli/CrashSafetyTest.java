package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.ServerProcess;
import io.drillboard.store.EventWriter;
import io.drillboard.support.TestDatabase;
import io.drillboard.web.Role;
import io.drillboard.web.Tokens;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGKILL the server while the load tool injects, restart it on the same data: every acknowledged event is stored
 * exactly once, seqs have no gap, and the running drill goes on. Single events (one request each, their group commits
 * pipelined) and small batches are stored by INSERT, large batches by COPY (EventWriter.COPY_FROM): each path is
 * killed under load.
 */
class CrashSafetyTest {
  @ParameterizedTest(name = "batches of {0} at {1} events/s")
  @CsvSource({"1, 1500", "25, 3000", "1000, 20000"})
  void aKilledServerLosesNothingItAcknowledged(int batch, double rate) throws Exception {
    Path dataDir = Path.of("target", "test-data", "crash-" + ProcessHandle.current().pid() + "-" + batch)
        .toAbsolutePath();
    TestDatabase.deleteRecursively(dataDir);
    int port = ServerProcess.freePort();
    Path ackedLog = dataDir.resolveSibling(dataDir.getFileName() + "-acked.txt");
    Vertx vertx = Vertx.vertx();
    String director = new Tokens(vertx, io.drillboard.support.TestServer.SECRET)
        .issue(Role.DIRECTOR, null, "crash-test", Duration.ofHours(1));
    String drillId;
    try (ServerProcess first = ServerProcess.start(dataDir, port, List.of())) {
      try (Http http = new Http(port)) {
        drillId = CrashChecks.runningDrill(http, director);
      }
      CompletableFuture<LoadRun.Summary> load = CrashChecks.loadInBackground(new LoadRun.Plan(first.url(), director,
          drillId, rate, Duration.ofSeconds(6), batch, 0, 16, ackedLog));
      // Killed under load: once acknowledged events reach the load tool's log (it writes 8 KB at a time), with more
      // on their way.
      Eventually.until("events acknowledged", Duration.ofSeconds(30), () -> Files.size(ackedLog) > 0);
      try (Http http = new Http(port)) {
        String path = batch >= EventWriter.COPY_FROM ? "copy" : "insert";
        Eventually.until("a commit by " + path, Duration.ofSeconds(30), () -> CrashChecks.commits(http, path) > 0);
      }
      first.kill();
      LoadRun.Summary summary = load.get();
      assertThat(summary.acknowledged()).as("events acknowledged before the kill").isPositive();
      assertThat(summary.failed()).as("requests the dead server could not answer").isNotEmpty();
    }
    try (ServerProcess second = ServerProcess.start(dataDir, port, List.of()); Http http = new Http(port)) {
      CrashChecks.assertNothingAcknowledgedLost(http, drillId, director, ackedLog);
    } finally {
      vertx.close().await();
    }
  }
}
