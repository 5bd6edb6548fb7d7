package io.drillboard.support;

import io.drillboard.config.ServerConfig;
import io.drillboard.web.Role;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A server and a client for one test class: {@code @RegisterExtension static RunningServer server = ...}. */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<ServerConfig> config;
  private TestServer server;
  private Http http;

  private RunningServer(Supplier<ServerConfig> config) {
    this.config = config;
  }

  public static RunningServer withDefaults() {
    return new RunningServer(TestServer::config);
  }

  public static RunningServer with(Supplier<ServerConfig> config) {
    return new RunningServer(config);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServer.start(config.get());
    http = new Http(server.port());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    http.close();
    server.close();
  }

  public Http http() {
    return http;
  }

  public TestServer server() {
    return server;
  }

  public String token(Role role) {
    return server.token(role);
  }

  public String token(Role role, String name) {
    return server.token(role, name);
  }

  public String teamToken(String team) {
    return server.teamToken(team);
  }
}
