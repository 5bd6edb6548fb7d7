package io.drillboard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server killed with SIGKILL leaves its embedded PostgreSQL running on the data dir; the next start must stop that
 * orphan (a clean shutdown lets it finish its writes) before starting its own.
 */
final class StalePostgres {
  private static final Logger LOG = LoggerFactory.getLogger(StalePostgres.class);

  private StalePostgres() {
  }

  static void stopIfRunning(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
        : parse(lines.get(0)).flatMap(ProcessHandle::of);
    if (process.isEmpty() || !process.get().isAlive()
        || !process.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
      return;
    }
    LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier server", process.get().pid(), pgData);
    process.get().destroy();
    try {
      process.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.get().destroyForcibly();
    }
  }

  private static Optional<Long> parse(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
