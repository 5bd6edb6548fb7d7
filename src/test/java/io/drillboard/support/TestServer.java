package io.drillboard.support;

import io.drillboard.server.DrillboardServer;
import io.drillboard.config.ServerConfig;
import io.drillboard.web.Role;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.Duration;
import java.util.Optional;

/** A whole Drillboard server on a free port, on the shared test database, with tokens for every role. */
public final class TestServer implements AutoCloseable {
  public static final String SECRET = "test-secret-that-is-long-enough-for-hs256-signing";
  private final DrillboardServer server;

  private TestServer(DrillboardServer server) {
    this.server = server;
  }

  public static TestServer start() {
    return start(config());
  }

  public static TestServer start(ServerConfig config) {
    return new TestServer(DrillboardServer.start(config, TestDatabase.get(), false, InstantSource.system()));
  }

  /** A server whose drills and views run on {@code clock}. */
  public static TestServer start(InstantSource clock) {
    return new TestServer(DrillboardServer.start(config(), TestDatabase.get(), false, clock));
  }

  /** A server on a database the test owns, for tests that stop the database under it. */
  public static TestServer startOn(io.drillboard.store.Database database) {
    return new TestServer(DrillboardServer.start(config(), database, false, InstantSource.system()));
  }

  public static ServerConfig config() {
    return new ServerConfig(0, "127.0.0.1", Path.of("target", "test-data", "server"), Optional.empty(),
        Optional.of(SECRET), ServerConfig.DEFAULT_MAX_BODY_BYTES, ServerConfig.DEFAULT_INGEST_QUEUE_LIMIT,
        ServerConfig.Live.DEFAULTS, ServerConfig.DEFAULT_METRICS_RETENTION, 0, ServerConfig.Guard.defaults(),
        "test", Optional.empty());
  }

  public int port() {
    return server.port();
  }

  public DrillboardServer server() {
    return server;
  }

  public String token(Role role) {
    return server.tokens().issue(role, null, role.key() + "-test", Duration.ofHours(1));
  }

  /** A token that names the person holding it, as the events and the report will. */
  public String token(Role role, String name) {
    return server.tokens().issue(role, null, name, Duration.ofHours(1));
  }

  public String teamToken(String team) {
    return server.tokens().issue(Role.TEAM, team, "member-of-" + team, Duration.ofHours(1));
  }

  @Override
  public void close() {
    server.close();
  }
}
