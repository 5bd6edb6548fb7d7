package io.drillboard.store;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the events live: an external PostgreSQL given by URL, or by default a real PostgreSQL server embedded from a
 * Maven artifact, its data kept under the data dir so that a restart keeps every drill. Schema by Flyway.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final PgConnectOptions connectOptions;
  private final EmbeddedPostgres embedded;

  private Database(PgConnectOptions connectOptions, EmbeddedPostgres embedded) {
    this.connectOptions = connectOptions;
    this.embedded = embedded;
  }

  /** Connects to {@code url} (postgresql://user:password@host:port/db) when given, else starts the embedded server. */
  public static Database open(Optional<String> url, Path dataDir) {
    if (url.isPresent()) {
      return new Database(PgConnectOptions.fromUri(url.get()), null);
    }
    return startEmbedded(dataDir);
  }

  private static Database startEmbedded(Path dataDir) {
    Path pgData = dataDir.resolve("postgres");
    try {
      Files.createDirectories(dataDir.resolve("postgres-bin"));
      StalePostgres.stopIfRunning(pgData);
      // initdb's, pg_ctl's and the server's own output (stdout and stderr) is appended to a file: the console is for
      // Drillboard's banner. With a redirect other than PIPE, zonky no longer copies that output into its logger.
      Files.createDirectories(logFile(dataDir).getParent());
      ProcessBuilder.Redirect postgresLog = ProcessBuilder.Redirect.appendTo(logFile(dataDir).toFile());
      EmbeddedPostgres pg = start(EmbeddedPostgres.builder()
          .setOutputRedirector(postgresLog)
          .setErrorRedirector(postgresLog)
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile())
          .setPGStartupWait(Duration.ofSeconds(60))
          // An acknowledged event must survive a crash: never trade durability for speed here.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "100")
          // Ingest writes WAL fast: rarer checkpoints and compressed full-page images cut its volume (bench/RESULTS.md).
          .setServerConfig("max_wal_size", "4GB")
          .setServerConfig("checkpoint_timeout", "15min")
          .setServerConfig("wal_compression", "on"), dataDir);
      LOG.debug("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), pgData);
      PgConnectOptions options = new PgConnectOptions().setHost("localhost").setPort(pg.getPort())
          .setDatabase("postgres").setUser("postgres").setPassword("postgres");
      return new Database(options, pg);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgData, e);
    }
  }

  /** Its output is no longer on the console: a failure says where to read it. */
  private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path dataDir) {
    try {
      return builder.start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the embedded PostgreSQL did not start; its own output is in "
          + logFile(dataDir).toAbsolutePath().normalize(), e);
    }
  }

  /** Where the embedded PostgreSQL writes its output (initdb, the server's log), appended start after start. */
  public static Path logFile(Path dataDir) {
    return dataDir.resolve("logs").resolve("postgres.log");
  }

  public PgConnectOptions connectOptions() {
    // The store runs the same few statements all day: parse and plan each once per connection.
    return new PgConnectOptions(connectOptions).setCachePreparedStatements(true);
  }

  public boolean embedded() {
    return embedded != null;
  }

  /** Applies the schema migrations in db/migration; blocking, run once before the server starts. */
  public void migrate() {
    Flyway.configure()
        .dataSource(jdbcUrl(), connectOptions.getUser(), connectOptions.getPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  /** The same database for JDBC (Flyway, and COPY, which the reactive client does not speak). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + connectOptions.getHost() + ":" + connectOptions.getPort() + "/"
        + connectOptions.getDatabase();
  }

  /** A new JDBC connection to the database, named for pg_stat_activity, for the caller to close. */
  public Connection jdbcConnection(String applicationName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", connectOptions.getUser());
    properties.setProperty("password", connectOptions.getPassword());
    properties.setProperty("ApplicationName", applicationName);
    // A database that stops answering fails the call, rather than holding a COPY lane and the commits behind it forever.
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("socketTimeout", "30");
    return DriverManager.getConnection(jdbcUrl(), properties);
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
