package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.TestDatabase;
import io.drillboard.web.Tokens;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TokenCommandTest {
  @Test
  void printsATeamTokenSignedWithTheDataDirsSecret() throws Exception {
    Path dataDir = Path.of("target", "test-data", "token-cli");
    TestDatabase.deleteRecursively(dataDir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Main()).execute("token", "--data-dir", dataDir.toString(), "--role", "team",
          "--team", "opinion", "--ttl", "2h");
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isZero();
    Path secretFile = dataDir.resolve("jwt-secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
    Vertx vertx = Vertx.vertx();
    try {
      Tokens tokens = new Tokens(vertx, Files.readString(secretFile).trim());
      User user = tokens.auth().authenticate(new TokenCredentials(out.toString(StandardCharsets.UTF_8).trim())).await();
      assertThat((String) user.get("role")).isEqualTo("team");
      assertThat((String) user.get("team")).isEqualTo("opinion");
      assertThat(user.subject()).isEqualTo("team-opinion");
    } finally {
      vertx.close();
    }
  }

  @Test
  void aNamedTokenCarriesThePersonsNameAndABadNameIsAUsageError() throws Exception {
    Path dataDir = Path.of("target", "test-data", "token-cli-named");
    TestDatabase.deleteRecursively(dataDir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Main()).execute("token", "--data-dir", dataDir.toString(), "--role", "evaluator",
          "--name", " 王敏 ");
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isZero();
    Vertx vertx = Vertx.vertx();
    try {
      Tokens tokens = new Tokens(vertx, Files.readString(dataDir.resolve("jwt-secret")).trim());
      User user = tokens.auth().authenticate(new TokenCredentials(out.toString(StandardCharsets.UTF_8).trim())).await();
      assertThat(user.subject()).isEqualTo("王敏");
    } finally {
      vertx.close();
    }
    int refused = new CommandLine(new Main()).setErr(new java.io.PrintWriter(new java.io.StringWriter()))
        .execute("token", "--data-dir", dataDir.toString(), "--role", "evaluator", "--name", "名".repeat(41));
    assertThat(refused).isEqualTo(2);
  }

  @Test
  void aTeamTokenWithoutATeamIsAUsageError() {
    int exit = new CommandLine(new Main()).setErr(new java.io.PrintWriter(new java.io.StringWriter()))
        .execute("token", "--data-dir", "target/test-data/token-cli-2", "--role", "team");
    assertThat(exit).isEqualTo(2);
  }
}
