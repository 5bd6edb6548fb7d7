package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.config.ServerConfig.TokenTrust;
import io.drillboard.support.TestClock;
import io.drillboard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token's signature and claims are checked once; its caller is kept, and every later request with the same token
 * is let in on it until the token expires by the check's clock. A bad token is checked every time it comes.
 */
class BearerTokensTest {
  private final Vertx vertx = Vertx.vertx();
  private final TestClock clock = TestClock.now();
  private final Tokens tokens = new Tokens(vertx, TestServer.SECRET);
  private final AtomicInteger signatureChecks = new AtomicInteger();
  private WebClient client;

  @BeforeEach
  void serve() {
    AuthenticationProvider counted = credentials -> {
      signatureChecks.incrementAndGet();
      return tokens.auth().authenticate(credentials);
    };
    Router router = Router.router(vertx);
    router.route().handler(new BearerTokens(counted, clock)::authenticate);
    router.route().handler(ctx -> {
      Caller caller = Caller.of(ctx);
      ctx.json(new JsonObject().put("subject", caller.subject()).put("role", caller.role().key())
          .put("team", caller.team()).put("reportOf", caller.reportOf()));
    });
    router.route().failureHandler(Problems::onFailure);
    int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aTokenIsCheckedOnceAndItsCallerServesEveryRequestThatCarriesIt() {
    String token = tokens.issue(Role.TEAM, "comfort", "王敏", Duration.ofHours(1));

    for (int i = 0; i < 3; i++) {
      HttpResponse<Buffer> response = call(token);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("subject", "王敏").put("role", "team")
          .put("team", "comfort").putNull("reportOf"));
    }
    assertThat(signatureChecks).hasValue(1);
  }

  @Test
  void aKeptTokenIsRefusedFromTheMomentItExpiresWithoutBeingCheckedAgain() {
    String token = tokens.issue(Role.DIRECTOR, null, "director", Duration.ofHours(1));
    long expiresAtMillis = ((Number) tokens.auth().authenticate(new io.vertx.ext.auth.authentication.TokenCredentials(
        token)).await().get("exp")).longValue() * 1000;
    assertThat(call(token).statusCode()).isEqualTo(200);

    // The JWT check allows Tokens.LEEWAY_SECONDS of skew past exp; the kept token is good exactly as long.
    clock.advance(Duration.ofMillis(expiresAtMillis + Tokens.LEEWAY_SECONDS * 1000L - 1 - clock.millis()));
    assertThat(call(token).statusCode()).as("the last millisecond of the leeway").isEqualTo(200);
    clock.advance(Duration.ofMillis(1));
    HttpResponse<Buffer> expired = call(token);

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.bodyAsJsonObject().getString("detail")).contains("expired");
    assertThat(expired.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(signatureChecks).hasValue(1);
  }

  @Test
  void aBadTokenIsCheckedAgainEachTimeItComes() {
    String forged = new Tokens(vertx, "another-secret-that-is-also-long-enough-to-sign")
        .issue(Role.DIRECTOR, null, "mallory", Duration.ofHours(1));

    assertThat(call(forged).statusCode()).isEqualTo(401);
    assertThat(call(forged).statusCode()).isEqualTo(401);
    assertThat(signatureChecks).hasValue(2);
  }

  @Test
  void aTokenWithoutExpiryOrWithARoleDrillboardDoesNotKnowIsRefused() {
    JWTOptions signing = new JWTOptions().setAlgorithm("HS256").setIssuer(TokenTrust.DEFAULT_ISSUER)
        .setAudience(java.util.List.of(Tokens.AUDIENCE)).setNoTimestamp(true);
    String forever = tokens.auth().generateToken(new JsonObject().put("role", "director"), signing);
    String admin = tokens.sign(new JsonObject().put("role", "admin"), "root", Duration.ofHours(1));

    assertThat(call(forever).statusCode()).isEqualTo(401);
    assertThat(call(forever).bodyAsJsonObject().getString("detail")).contains("exp");
    assertThat(call(admin).statusCode()).isEqualTo(403);
    assertThat(call(admin).statusCode()).as("refused again, not kept").isEqualTo(403);
    assertThat(signatureChecks).hasValue(4);
  }

  @Test
  void aReportLinksTokenNamesTheOneDrillItOpens() {
    String link = tokens.sign(new JsonObject().put("role", "observer").put(ReportLinks.SCOPE, "d7x"), "director",
        Duration.ofMinutes(10));

    assertThat(call(link).bodyAsJsonObject().getString("reportOf")).isEqualTo("d7x");
  }

  @Test
  void aTokenAfterMoreThanOneSpaceIsNotTheSameToken() {
    String token = tokens.issue(Role.DIRECTOR, null, "director", Duration.ofHours(1));
    assertThat(call(token).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> spaced = client.get("/").putHeader("Authorization", "Bearer  " + token).send().await();

    assertThat(spaced.statusCode()).isEqualTo(401);
  }

  @Test
  void aRequestWithoutABearerTokenIsRefusedUnchecked() {
    assertThat(client.get("/").send().await().statusCode()).isEqualTo(401);
    assertThat(client.get("/").putHeader("Authorization", "Basic ZGlyZWN0b3I6eA==").send().await().statusCode())
        .isEqualTo(401);
    assertThat(signatureChecks).hasValue(0);
  }

  private HttpResponse<Buffer> call(String token) {
    return client.get("/").bearerTokenAuthentication(token).send().await();
  }
}
