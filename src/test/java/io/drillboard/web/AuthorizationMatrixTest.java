package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.config.ServerConfig;
import io.drillboard.metrics.DrillboardMetrics;
import io.drillboard.runtime.LocalDrills;
import io.drillboard.support.RunningServer;
import io.drillboard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every API route against every kind of caller. The routes are read from the router itself, so a route added without
 * a line in this table fails the test; the table is kept here, apart from the code it checks.
 */
class AuthorizationMatrixTest {
  private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
  private static final Set<Role> DIRECTOR = EnumSet.of(Role.DIRECTOR);
  private static final Set<Role> INJECTING = EnumSet.of(Role.DIRECTOR, Role.INJECTOR);
  private static final Set<Role> ACTING = EnumSet.of(Role.DIRECTOR, Role.TEAM);
  private static final Set<Role> EVALUATING = EnumSet.of(Role.DIRECTOR, Role.EVALUATOR);

  /** Who may call what: "METHOD path" to the roles allowed. */
  private static final Map<String, Set<Role>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("GET /api/v1/scenarios", EVERY_ROLE);
    ALLOWED.put("GET /api/v1/scenarios/:scenarioId", EVERY_ROLE);
    ALLOWED.put("POST /api/v1/scenarios", DIRECTOR);
    ALLOWED.put("GET /api/v1/drills", EVERY_ROLE);
    ALLOWED.put("POST /api/v1/drills", DIRECTOR);
    ALLOWED.put("GET /api/v1/drills/:drillId", EVERY_ROLE);
    ALLOWED.put("POST /api/v1/drills/:drillId/start", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/pause", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/resume", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/stop", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/archive", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/unarchive", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/broadcasts", DIRECTOR);
    ALLOWED.put("PUT /api/v1/drills/:drillId/speed", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/injects", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/injects/:injectId/fire", DIRECTOR);
    ALLOWED.put("POST /api/v1/drills/:drillId/events", INJECTING);
    ALLOWED.put("POST /api/v1/drills/:drillId/events/batch", INJECTING);
    ALLOWED.put("GET /api/v1/drills/:drillId/events", EVERY_ROLE);
    ALLOWED.put("POST /api/v1/drills/:drillId/tasks/:taskId/ack", ACTING);
    ALLOWED.put("POST /api/v1/drills/:drillId/tasks/:taskId/start", ACTING);
    ALLOWED.put("POST /api/v1/drills/:drillId/tasks/:taskId/done", ACTING);
    ALLOWED.put("POST /api/v1/drills/:drillId/ratings", EVALUATING);
    ALLOWED.put("POST /api/v1/drills/:drillId/notes", EVALUATING);
    ALLOWED.put("POST /api/v1/drills/:drillId/lessons", EVALUATING);
    ALLOWED.put("POST /api/v1/drills/:drillId/actions", EVALUATING);
    ALLOWED.put("POST /api/v1/drills/:drillId/retractions", EVALUATING);
    ALLOWED.put("GET /api/v1/drills/:drillId/earlier-actions", EVERY_ROLE);
    ALLOWED.put("POST /api/v1/drills/:drillId/earlier-actions/close", EVALUATING);
    ALLOWED.put("GET /api/v1/drills/:drillId/report", EVERY_ROLE);
    ALLOWED.put("POST /api/v1/drills/:drillId/report-links", EVERY_ROLE);
    ALLOWED.put("GET /api/v1/drills/:drillId/live", EVERY_ROLE);
    ALLOWED.put("GET /api/v1/compare", EVERY_ROLE);
    ALLOWED.put("POST /api/v1/tokens", DIRECTOR);
  }

  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static String drillId;

  @BeforeAll
  static void drill() {
    drillId = server.http().json(server.http().post("/api/v1/drills", server.token(Role.DIRECTOR),
        "{\"scenarioId\":\"major-complaint\",\"speed\":1}")).getString("id");
  }

  @Test
  void everyRouteOfTheRouterHasARuleHere() {
    assertThat(routesOfTheRouter()).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
  }

  @Test
  void withoutAValidTokenEveryRouteAnswers401() {
    List<String> wrong = new ArrayList<>();
    Map<String, String> invalid = new LinkedHashMap<>();
    invalid.put("no token", null);
    invalid.put("expired", sign(TestServer.SECRET, claims(Role.DIRECTOR).put("exp", epoch() - 3_600)));
    invalid.put("bad signature", sign("another-secret-that-is-long-enough-for-hs256", claims(Role.DIRECTOR)
        .put("exp", epoch() + 3_600)));
    invalid.put("alg none", unsigned(claims(Role.DIRECTOR).put("exp", epoch() + 3_600)));
    invalid.put("no expiry", sign(TestServer.SECRET, claims(Role.DIRECTOR)));
    invalid.put("wrong issuer", sign(TestServer.SECRET, claims(Role.DIRECTOR).put("iss", "elsewhere")
        .put("exp", epoch() + 3_600)));
    for (String route : ALLOWED.keySet()) {
      invalid.forEach((name, token) -> {
        int status = call(route, token).statusCode();
        if (status != 401) {
          wrong.add(route + " with " + name + ": " + status);
        }
      });
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyRoleGetsWhatTheTableSaysAndNoMore() {
    List<String> wrong = new ArrayList<>();
    // Refusals first: an allowed call may end the drill, which does not change who may call what.
    for (boolean allowedPass : new boolean[] {false, true}) {
      ALLOWED.forEach((route, allowed) -> {
        for (Role role : Role.values()) {
          if (allowed.contains(role) != allowedPass) {
            continue;
          }
          String token = role == Role.TEAM ? server.teamToken("coordination") : server.token(role);
          int status = call(route, token).statusCode();
          boolean ok = allowedPass ? status != 401 && status != 403 && status < 500 : status == 403;
          if (!ok) {
            wrong.add(route + " as " + role.key() + ": " + status);
          }
        }
      });
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aTeamActsOnItsOwnTasksOnly() {
    String other = server.teamToken("opinion");
    for (String step : List.of("ack", "start", "done")) {
      HttpResponse<Buffer> response = call("POST /api/v1/drills/:drillId/tasks/:taskId/" + step, other);
      assertThat(response.statusCode()).as(step).isEqualTo(403);
      assertThat(response.bodyAsJsonObject().getString("detail")).contains("belongs to team \"coordination\"");
    }
  }

  private static HttpResponse<Buffer> call(String route, String token) {
    String[] parts = route.split(" ");
    String path = parts[1].replace(":drillId", drillId).replace(":scenarioId", "major-complaint")
        .replace(":taskId", "contact-customer").replace(":injectId", "viral-post");
    if (path.endsWith("/compare")) {
      path += "?drills=" + drillId + "," + drillId;
    }
    HttpMethod method = HttpMethod.valueOf(parts[0]);
    return server.http().call(method, path, token, method == HttpMethod.GET ? null : "{}");
  }

  /** The API routes as the router has them: every route with a method under /api/v1. */
  private static Set<String> routesOfTheRouter() {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServerVerticle verticle = new HttpServerVerticle(TestServer.config(), null, () -> 0, null, null,
          new Tokens(vertx, TestServer.SECRET), new DrillboardMetrics(DrillboardMetrics.newRegistry("test"),
              Duration.ofMinutes(1), InstantSource.system()), new IngestLimiter(0), new LiveQuota(0),
          new ConnectionQuota(0), null, InstantSource.system(), new LocalDrills());
      verticle.init(vertx, vertx.getOrCreateContext());
      Set<String> routes = new TreeSet<>();
      for (Route route : verticle.router().getRoutes()) {
        if (route.getPath() != null && route.getPath().startsWith("/api/v1/") && route.methods() != null) {
          route.methods().forEach(method -> routes.add(method.name() + " " + route.getPath()));
        }
      }
      return routes;
    } finally {
      vertx.close().await();
    }
  }

  private static JsonObject claims(Role role) {
    return new JsonObject().put("role", role.key()).put("sub", "matrix").put("iss", io.drillboard.config.ServerConfig.TokenTrust.DEFAULT_ISSUER)
        .put("aud", Tokens.AUDIENCE);
  }

  private static long epoch() {
    return System.currentTimeMillis() / 1000;
  }

  private static String sign(String secret, JsonObject claims) {
    Vertx vertx = Vertx.vertx();
    try {
      JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions()
          .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
      return auth.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true));
    } finally {
      vertx.close().await();
    }
  }

  private static String unsigned(JsonObject claims) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + ".";
  }
}
