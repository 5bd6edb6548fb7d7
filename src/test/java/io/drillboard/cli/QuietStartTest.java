package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.store.Database;
import io.drillboard.support.ServerProcess;
import io.drillboard.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first start: the banner is the first thing on the console and no warning comes with it, on a fresh
 * data dir and again on the same one; the embedded PostgreSQL's own output is kept in the data dir's logs.
 */
class QuietStartTest {
  @Test
  void theBannerComesFirstWithoutWarningsAndPostgresTalksToItsLogFile() throws Exception {
    Path dataDir = Path.of("target", "test-data", "quiet-start");
    TestDatabase.deleteRecursively(dataDir);
    Path console = dataDir.resolveSibling("quiet-start.log");
    Files.deleteIfExists(console);
    for (String start : List.of("first start", "second start")) {
      try (ServerProcess server = ServerProcess.start(dataDir, ServerProcess.freePort(), List.of())) {
        // /health answers just before the banner is printed: give it a moment.
        awaitBanner(console, start);
      }
      List<String> lines = Files.readAllLines(console).stream().filter(line -> !line.isBlank()).toList();
      assertThat(lines.get(0)).as(start).startsWith("Drillboard is running: open http://localhost:");
      assertThat(lines).as(start).noneMatch(line -> line.contains("WARN") || line.contains("ERROR"));
      Files.delete(console);
    }
    String postgres = Files.readString(Database.logFile(dataDir));
    assertThat(postgres).as("initdb's output, then the server's").contains("Success. You can now start the database")
        .contains("database system is ready to accept connections");
  }

  private static void awaitBanner(Path console, String start) throws Exception {
    for (int i = 0; i < 50; i++) {
      if (Files.exists(console) && Files.readString(console).contains("Press Ctrl-C to stop.")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(start + ": no banner in " + console);
  }
}
