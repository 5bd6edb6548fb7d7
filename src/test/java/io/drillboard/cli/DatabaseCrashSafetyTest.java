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
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGKILL the PostgreSQL server (postmaster and backends) while the load tool injects, and start it again on the same
 * data: while it is gone the server answers 503, it recovers by itself, and nothing it acknowledged is lost. Single
 * events (their group commits pipelined) and small batches are stored by INSERT, large batches by COPY over JDBC
 * (EventWriter.COPY_FROM): each path loses its database.
 */
class DatabaseCrashSafetyTest {
  @ParameterizedTest(name = "batches of {0} at {1} events/s")
  @CsvSource({"1, 1500", "20, 2000", "1000, 15000"})
  void aKilledDatabaseIsSurvivedWithNothingAcknowledgedLost(int batch, double rate) throws Exception {
    Path root = Path.of("target", "test-data", "db-crash-" + ProcessHandle.current().pid() + "-" + batch)
        .toAbsolutePath();
    TestDatabase.deleteRecursively(root);
    Path pgData = root.resolve("postgres");
    Path serverData = root.resolve("server");
    Files.createDirectories(serverData);
    int pgPort = ServerProcess.freePort();
    Path ackedLog = root.resolve("acked.txt");
    Vertx vertx = Vertx.vertx();
    String director = new Tokens(vertx, io.drillboard.support.TestServer.SECRET)
        .issue(Role.DIRECTOR, null, "db-crash-test", Duration.ofHours(1));
    String dbUrl = "postgresql://postgres:postgres@127.0.0.1:" + pgPort + "/postgres";
    EmbeddedPostgres postgres = startPostgres(pgData, pgPort, root);
    try (ServerProcess server = ServerProcess.start(serverData, ServerProcess.freePort(),
        List.of("--db-url", dbUrl)); Http http = new Http(server.port())) {
      String drillId = CrashChecks.runningDrill(http, director);
      CompletableFuture<LoadRun.Summary> load = CrashChecks.loadInBackground(new LoadRun.Plan(server.url(), director,
          drillId, rate, Duration.ofSeconds(10), batch, 0, 8, ackedLog));
      // Killed under load: once acknowledged events reach the load tool's log (it writes 8 KB at a time), with more
      // on their way.
      Eventually.until("events acknowledged", Duration.ofSeconds(30), () -> Files.size(ackedLog) > 0);
      String path = batch >= EventWriter.COPY_FROM ? "copy" : "insert";
      Eventually.until("a commit by " + path, Duration.ofSeconds(30), () -> CrashChecks.commits(http, path) > 0);
      killProcessTree(pgData);
      releaseLock(postgres);

      // While the database is gone: 503 with a hint to retry, for health and for injection alike.
      awaitStatus(http, "/health", director, 503);
      HttpResponse<Buffer> refused = http.post("/api/v1/drills/" + drillId + "/events", director,
          "{\"type\":\"probe\"}");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.getHeader("Retry-After")).isNotNull();

      // The outage lasts until the load's own requests have met it (their 503s are asserted below): more 503s than
      // the probe's one.
      Eventually.until("the load refused during the outage", Duration.ofSeconds(30),
          () -> CrashChecks.metric(http, "drillboard_http_requests_total", "code", "503") > 1);
      postgres = startPostgres(pgData, pgPort, root);

      // It recovers by itself: health, then the drill takes events again.
      awaitStatus(http, "/health", director, 200);
      awaitAccepted(http, drillId, director);
      LoadRun.Summary summary = load.get();
      assertThat(summary.acknowledged()).as("events acknowledged around the outage").isPositive();
      assertThat(summary.failed()).as("requests refused while the database was gone").containsKey("http-503");

      CrashChecks.assertNothingAcknowledgedLost(http, drillId, director, ackedLog);
    } finally {
      postgres.close();
      vertx.close().await();
    }
  }

  private static EmbeddedPostgres startPostgres(Path pgData, int port, Path root) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(port)
        .setOverrideWorkingDirectory(root.resolve("postgres-bin").toFile())
        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on").start();
  }

  /** Lets go of the killed instance's lock on its data directory (its pg_ctl stop has nothing left to stop). */
  private static void releaseLock(EmbeddedPostgres killed) {
    try {
      killed.close();
    } catch (IOException | RuntimeException alreadyDead) {
      // expected: the server it would stop is gone
    }
  }

  /** SIGKILL the postmaster and every backend: the database is gone at once, as in a crash. */
  private static void killProcessTree(Path pgData) throws IOException {
    long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> backends = postmaster.descendants().toList();
    postmaster.destroyForcibly();
    backends.forEach(ProcessHandle::destroyForcibly);
    postmaster.onExit().join();
    backends.forEach(backend -> backend.onExit().join());
  }

  private static void awaitStatus(Http http, String path, String token, int status) throws InterruptedException {
    Eventually.await(path + " answering " + status, Duration.ofSeconds(30), Duration.ofMillis(50),
        () -> http.get(path, token).statusCode(), answered -> answered == status);
  }

  private static void awaitAccepted(Http http, String drillId, String token) throws InterruptedException {
    Eventually.await("the drill taking events again", Duration.ofSeconds(30), Duration.ofMillis(50),
        () -> http.post("/api/v1/drills/" + drillId + "/events", token, "{\"type\":\"probe\"}").statusCode(),
        answered -> answered == 202);
  }
}
