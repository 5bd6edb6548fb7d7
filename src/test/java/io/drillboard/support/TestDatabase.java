package io.drillboard.support;

import io.drillboard.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** One real embedded PostgreSQL for the whole test run, started on first use under target/, stopped at exit. */
public final class TestDatabase {
  private static Database database;

  private TestDatabase() {
  }

  public static synchronized Database get() {
    if (database == null) {
      Path dir = Path.of("target", "test-data", "shared");
      deleteRecursively(dir);
      database = Database.open(Optional.empty(), dir);
      database.migrate();
      Runtime.getRuntime().addShutdownHook(new Thread(database::close));
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
