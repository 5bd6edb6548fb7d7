package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.store.Database;
import io.drillboard.support.Http;
import io.drillboard.support.TestDatabase;
import io.drillboard.support.TestServer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /health checks the database for real: 200 while it answers, 503 once it is gone. */
class HealthTest {
  @Test
  void healthFollowsTheDatabase() {
    Path dir = Path.of("target", "test-data", "health");
    TestDatabase.deleteRecursively(dir);
    Database database = Database.open(Optional.empty(), dir);
    try (TestServer server = TestServer.startOn(database); Http http = new Http(server.port())) {
      var up = http.get("/health", null);
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.bodyAsJsonObject().getString("database")).isEqualTo("up");
      database.close();
      var down = http.get("/health", null);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.bodyAsJsonObject().getString("status")).isEqualTo("down");
    } finally {
      database.close();
    }
  }
}
