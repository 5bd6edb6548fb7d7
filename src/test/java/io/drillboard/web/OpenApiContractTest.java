package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.metrics.DrillboardMetrics;
import io.drillboard.runtime.LocalDrills;
import io.drillboard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml against the router: every route the server serves is documented, every documented operation is
 * served, each operation's {@code x-roles} are the roles its route lets in (and its text says no other), and every
 * $ref in the document points at something. A route added without its documentation fails here. The answers the API
 * tests get are checked against the document's schemas by support.ApiContract.
 */
class OpenApiContractTest {
  private static final Path OPENAPI = Path.of("docs/openapi.yaml");
  private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
      "trace");
  /**
   * Routes served outside /api/v1 that the document describes on purpose: /health for load balancers and /metrics for
   * Prometheus. The rest outside /api/v1 (pages, fonts, webjars) are static files, not API.
   */
  private static final Set<String> DOCUMENTED_OUTSIDE_API = Set.of("GET /health", "GET /metrics");
  private static final Set<String> EVERY_ROLE = Arrays.stream(Role.values()).map(Role::key)
      .collect(Collectors.toCollection(TreeSet::new));
  /**
   * The live stream is no route of ApiRoutes: LiveHub authenticates the WebSocket itself and lets every known role in
   * (a report link's token excepted, which is no role of its own).
   */
  private static final String LIVE = "GET /api/v1/drills/:drillId/live";
  /** How a description states who may call: "Role: **director**.", "Roles: **a** or **b** (...)." or "Any role." */
  private static final Pattern ROLES_TEXT = Pattern.compile(
      "(?:^|\\. )(Roles?: .*?\\.(?:\\s|$)|Any (?:valid token|role|of the five roles)\\b)", Pattern.DOTALL);
  private static final Pattern BOLD = Pattern.compile("\\*\\*([a-z]+)\\*\\*");

  private static Map<String, Object> document;
  /** "METHOD /path" of every route served, with the role keys its route lets in (empty outside ApiRoutes). */
  private static Map<String, Set<String>> served;

  @BeforeAll
  static void read() throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(10_000_000);
    try (Reader reader = Files.newBufferedReader(OPENAPI, StandardCharsets.UTF_8)) {
      document = new Yaml(options).load(reader);
    }
    served = servedRoutes();
  }

  @Test
  void everyServedRouteIsDocumented() {
    assertThat(documentedOperations()).containsAll(served.keySet());
  }

  @Test
  void everyDocumentedOperationIsServed() {
    assertThat(served.keySet()).containsAll(documentedOperations());
  }

  /**
   * Each operation's {@code x-roles} lists exactly the roles its route lets in: the roles of {@code ApiRoutes.guarded},
   * every role for {@code ApiRoutes.open} and the live stream, and none for /health and /metrics, which take no JWT.
   */
  @Test
  void everyOperationStatesTheRolesItsRouteLetsIn() {
    Map<String, Set<String>> expected = new TreeMap<>(served);
    expected.put(LIVE, EVERY_ROLE);
    DOCUMENTED_OUTSIDE_API.forEach(route -> expected.put(route, Set.of()));
    Map<String, Set<String>> documented = new TreeMap<>();
    operations().forEach((key, operation) -> documented.put(key, xRoles(operation)));
    assertThat(differences(documented, expected)).as("x-roles against the route table").isEmpty();
  }

  /** The roles an operation's description names ("Role: **director**", "Any role") are its x-roles. */
  @Test
  void theTextAboutRolesSaysWhatXRolesSay() {
    Map<String, Set<String>> said = new TreeMap<>();
    Map<String, Set<String>> declared = new TreeMap<>();
    operations().forEach((key, operation) -> {
      if (operation.containsKey("x-roles")) {
        declared.put(key, xRoles(operation));
        said.put(key, rolesInText(String.valueOf(operation.get("description"))));
      }
    });
    assertThat(differences(said, declared)).as("roles named by each operation's description against x-roles")
        .isEmpty();
  }

  /** "METHOD /path: [a] where [b]" for each operation whose roles differ between the two maps. */
  private static List<String> differences(Map<String, Set<String>> actual, Map<String, Set<String>> expected) {
    Set<String> keys = new TreeSet<>(actual.keySet());
    keys.addAll(expected.keySet());
    return keys.stream().filter(key -> !Objects.equals(actual.get(key), expected.get(key)))
        .map(key -> key + ": " + actual.get(key) + " where " + expected.get(key)).toList();
  }

  /**
   * Under /api/v1 any call may be refused: 401 without a valid token, 403 for a role or a report link's token, 429 for
   * a token that holds the most connections allowed.
   */
  @Test
  void everyOperationForRolesDocumentsItsRefusals() {
    List<String> missing = new ArrayList<>();
    operations().forEach((key, operation) -> {
      Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
      if (operation.containsKey("x-roles") && !(responses.containsKey("401") && responses.containsKey("403")
          && responses.containsKey("429"))) {
        missing.add(key);
      }
    });
    assertThat(missing).as("operations without a 401, 403 or 429 answer").isEmpty();
  }

  @Test
  void everyRefResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    List<String> broken = refs.stream().filter(ref -> resolve(ref) == null).toList();
    assertThat(broken).as("$refs that point at nothing").isEmpty();
  }

  /** "METHOD /path" for every operation of the document, "{name}" turned into the router's ":name". */
  private static Set<String> documentedOperations() {
    return operations().keySet();
  }

  /** Every operation of the document by "METHOD /path", "{name}" turned into the router's ":name". */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> operations() {
    Map<String, Map<String, Object>> operations = new TreeMap<>();
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
      if (HTTP_METHODS.contains(method)) {
        operations.put(method.toUpperCase() + " " + path.replaceAll("\\{([A-Za-z]+)}", ":$1"),
            (Map<String, Object>) operation);
      }
    }));
    return operations;
  }

  private static Set<String> xRoles(Map<String, Object> operation) {
    Object roles = operation.get("x-roles");
    return roles instanceof List<?> list ? list.stream().map(String::valueOf)
        .collect(Collectors.toCollection(TreeSet::new)) : Set.of();
  }

  /** The roles the first statement about roles in a description names; none when it makes no such statement. */
  private static Set<String> rolesInText(String description) {
    Matcher statement = ROLES_TEXT.matcher(description);
    if (!statement.find()) {
      return Set.of();
    }
    if (statement.group(1).startsWith("Any")) {
      return EVERY_ROLE;
    }
    Set<String> roles = new TreeSet<>();
    Matcher bold = BOLD.matcher(statement.group(1));
    while (bold.find()) {
      roles.add(bold.group(1));
    }
    return roles;
  }

  /**
   * "METHOD /path" for every route of the router with a method under /api/v1, plus /health and /metrics. The live
   * stream's WebSocket upgrade is a plain GET route of the router (it authenticates itself, outside ApiRoutes), so it
   * is read here like any other and documented as a GET with its 101 answer. The report's GET appears twice in the
   * router (a report link's token in the address is traded for a cookie before authentication), once in the set.
   */
  private static Map<String, Set<String>> servedRoutes() {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServerVerticle verticle = new HttpServerVerticle(TestServer.config(), null, () -> 0, null, null,
          new Tokens(vertx, TestServer.SECRET), new DrillboardMetrics(DrillboardMetrics.newRegistry("test"),
              Duration.ofMinutes(1), InstantSource.system()), new IngestLimiter(0), new LiveQuota(0),
          new ConnectionQuota(0), null, InstantSource.system(), new LocalDrills());
      verticle.init(vertx, vertx.getOrCreateContext());
      Map<String, Set<String>> routes = new TreeMap<>();
      for (Route route : verticle.router().getRoutes()) {
        if (route.getPath() == null || route.methods() == null) {
          continue;
        }
        ApiRoutes.ApiRoute apiRoute = route.getMetadata(ApiRoutes.METADATA);
        Set<String> roles = apiRoute == null ? Set.of() : apiRoute.roles().isEmpty() ? EVERY_ROLE
            : apiRoute.roles().stream().map(Role::key).collect(Collectors.toCollection(TreeSet::new));
        route.methods().forEach(method -> {
          String key = method.name() + " " + route.getPath();
          if (route.getPath().startsWith("/api/v1/") || DOCUMENTED_OUTSIDE_API.contains(key)) {
            routes.merge(key, roles, (one, other) -> one.isEmpty() ? other : one);
          }
        });
      }
      assertThat(routes).as("the router's routes").containsKeys(DOCUMENTED_OUTSIDE_API.toArray(String[]::new));
      return routes;
    } finally {
      vertx.close().await();
    }
  }

  @SuppressWarnings("unchecked")
  private static void collectRefs(Object node, List<String> refs) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        if ("$ref".equals(key) && value instanceof String ref) {
          refs.add(ref);
        } else {
          collectRefs(value, refs);
        }
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectRefs(item, refs));
    }
  }

  /** The node a local "#/a/b" reference names (JSON Pointer, "~1" for "/" and "~0" for "~"), or null. */
  private static Object resolve(String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    Object node = document;
    for (String token : ref.substring(2).split("/")) {
      String key = token.replace("~1", "/").replace("~0", "~");
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return null;
      }
      node = map.get(key);
    }
    return node;
  }
}
