package io.drillboard.support;

import io.drillboard.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One real embedded PostgreSQL for the whole test run, started on first use under target/ in a folder of its own (so
 * that two builds running at once do not share one), stopped and removed at exit.
 */
public final class TestDatabase {
  private static Database database;

  private TestDatabase() {
  }

  public static synchronized Database get() {
    if (database == null) {
      Path dir = Path.of("target", "test-data", "postgres-" + ProcessHandle.current().pid());
      deleteRecursively(dir);
      Database started = Database.open(Optional.empty(), dir);
      started.migrate();
      database = started;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.close();
        deleteRecursively(dir);
      }));
    }
    return database;
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
