package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.metrics.DrillboardMetrics;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml against the router: every route the server serves is documented, every documented operation is
 * served, and every $ref in the document points at something. A route added without its documentation fails here.
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

  private static Map<String, Object> document;

  @BeforeAll
  static void read() throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(10_000_000);
    try (Reader reader = Files.newBufferedReader(OPENAPI, StandardCharsets.UTF_8)) {
      document = new Yaml(options).load(reader);
    }
  }

  @Test
  void everyServedRouteIsDocumented() {
    assertThat(documentedOperations()).containsAll(servedRoutes());
  }

  @Test
  void everyDocumentedOperationIsServed() {
    assertThat(servedRoutes()).containsAll(documentedOperations());
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
  @SuppressWarnings("unchecked")
  private static Set<String> documentedOperations() {
    Set<String> operations = new TreeSet<>();
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream().filter(HTTP_METHODS::contains)
        .forEach(method -> operations.add(method.toUpperCase() + " " + path.replaceAll("\\{([A-Za-z]+)}", ":$1"))));
    return operations;
  }

  /**
   * "METHOD /path" for every route of the router with a method under /api/v1, plus /health and /metrics. The live
   * stream's WebSocket upgrade is a plain GET route of the router (it authenticates itself, outside ApiRoutes), so it
   * is read here like any other and documented as a GET with its 101 answer. The report's GET appears twice in the
   * router (a report link's token in the address is traded for a cookie before authentication), once in the set.
   */
  private static Set<String> servedRoutes() {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServerVerticle verticle = new HttpServerVerticle(TestServer.config(), null, () -> 0, null, null,
          new Tokens(vertx, TestServer.SECRET), new DrillboardMetrics(DrillboardMetrics.newRegistry("test"),
              Duration.ofMinutes(1), InstantSource.system()), new IngestLimiter(0), new LiveQuota(0),
          new ConnectionQuota(0), null, InstantSource.system());
      verticle.init(vertx, vertx.getOrCreateContext());
      Set<String> routes = new TreeSet<>();
      for (Route route : verticle.router().getRoutes()) {
        if (route.getPath() == null || route.methods() == null) {
          continue;
        }
        route.methods().forEach(method -> {
          String key = method.name() + " " + route.getPath();
          if (route.getPath().startsWith("/api/v1/") || DOCUMENTED_OUTSIDE_API.contains(key)) {
            routes.add(key);
          }
        });
      }
      assertThat(routes).as("the router's routes").containsAll(DOCUMENTED_OUTSIDE_API);
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
