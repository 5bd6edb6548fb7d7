package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.store.Database;
import io.drillboard.support.Eventually;
import io.drillboard.support.ServerProcess;
import io.drillboard.support.TestDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first start, and the next one on the same data dir: the banner is the first line on the console and the
 * only thing there until the server is stopped (its shutdown included), with no warning; the embedded PostgreSQL's own
 * output (initdb, pg_ctl, the server's log) goes to the data dir's logs instead.
 *
 * <p>The server runs in a child JVM ({@link ServerProcess}, stdout and stderr into one file) and is stopped by
 * SIGTERM to that JVM, whose shutdown hook stops its embedded PostgreSQL; PostgreSQL itself is never signalled.
 */
class QuietStartTest {
  /** Each line of the banner, in order, by how it begins. */
  private static final List<String> BANNER = List.of("Drillboard is running: open http://localhost:",
      "  Director console (12 h): http://localhost:", "  Wallboard, read-only (12 h): http://localhost:",
      "  API: curl -H 'Authorization: Bearer ", "  PostgreSQL's log: ", "Press Ctrl-C to stop.");

  @Test
  void theBannerIsAllTheConsoleShowsAndPostgresWritesToItsLogFile() throws Exception {
    Path dataDir = Path.of("target", "test-data", "quiet-start");
    TestDatabase.deleteRecursively(dataDir);
    Path console = dataDir.resolveSibling("quiet-start.log");
    Path postgresLog = Database.logFile(dataDir);
    Files.deleteIfExists(console);
    for (int start = 1; start <= 2; start++) {
      String which = start == 1 ? "first start" : "second start on the same data dir";
      try (ServerProcess server = ServerProcess.start(dataDir, ServerProcess.freePort(), List.of())) {
        // /health answers just before the banner is printed: give it a moment.
        awaitBanner(console, which);
        assertPoolsHaveTheirOwnSeries(server, which);
      }
      List<String> lines = Files.readAllLines(console).stream().filter(line -> !line.isBlank()).toList();
      assertThat(lines).as(which).noneMatch(line -> line.contains("WARN") || line.contains("ERROR"));
      assertThat(lines).as(which + ": the banner, first and alone, shutdown included").hasSize(BANNER.size());
      for (int i = 0; i < BANNER.size(); i++) {
        assertThat(lines.get(i)).as(which).startsWith(BANNER.get(i));
      }
      assertThat(lines.get(4)).as(which).endsWith(postgresLog.toAbsolutePath().normalize().toString());

      String postgres = Files.readString(postgresLog);
      assertThat(count(postgres, "Success. You can now start the database server")).as(which + ": initdb, once")
          .isEqualTo(1);
      assertThat(count(postgres, "database system is ready to accept connections")).as(which + ": server starts")
          .isEqualTo(start);
      assertThat(count(postgres, "database system is shut down\n")).as(which + ": clean stops").isEqualTo(start);
      Files.delete(console);
    }
  }

  /**
   * The writer and reader pools report apart. Under one default name they shared their gauges, and Micrometer's notice
   * of that (its logger is quiet, see simplelogger.properties) is no longer there to tell.
   */
  private static void assertPoolsHaveTheirOwnSeries(ServerProcess server, String which) throws Exception {
    String scrape = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(server.url().resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
        .body();
    List<String> pools = scrape.lines().filter(line -> line.startsWith("vertx_pool_in_use{")).toList();
    assertThat(pools).as(which).anyMatch(line -> line.contains("pool_name=\"drillboard-writer\""))
        .anyMatch(line -> line.contains("pool_name=\"drillboard-reader\""))
        .noneMatch(line -> line.contains("pool_name=\"__vertx.DEFAULT\""));
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  private static void awaitBanner(Path console, String which) throws Exception {
    Eventually.until(which + ": the banner in " + console, Duration.ofSeconds(5),
        () -> Files.exists(console) && Files.readString(console).contains("Press Ctrl-C to stop."));
  }
}
