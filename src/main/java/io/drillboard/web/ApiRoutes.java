package io.drillboard.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The API's routes, each declared once with the roles that may call it. Keeping the list lets an unknown path answer
 * 404 and a known path with the wrong method answer 405 with Allow, and lets tests read the whole route table.
 */
final class ApiRoutes {
  /** One route: method, path template (":name" for parameters), the roles allowed (empty: every role). */
  record ApiRoute(HttpMethod method, String path, Set<Role> roles) {
    boolean matches(String requestPath) {
      return Pattern.compile(path.replaceAll(":[A-Za-z]+", "[^/]+")).matcher(requestPath).matches();
    }
  }

  /** The metadata key under which each route of the router keeps its ApiRoute, so the table can be read back. */
  static final String METADATA = "drillboard.apiRoute";

  private final Router router;
  private final List<ApiRoute> routes = new ArrayList<>();

  ApiRoutes(Router router) {
    this.router = router;
  }

  /** A route that every authenticated role may call. */
  void open(HttpMethod method, String path, Handler<RoutingContext> handler) {
    ApiRoute route = new ApiRoute(method, path, Set.of());
    routes.add(route);
    router.route(method, path).putMetadata(METADATA, route).handler(handler);
  }

  /** A route for the given roles only. */
  void guarded(HttpMethod method, String path, Handler<RoutingContext> handler, Role first, Role... more) {
    ApiRoute route = new ApiRoute(method, path, java.util.EnumSet.of(first, more));
    routes.add(route);
    router.route(method, path).putMetadata(METADATA, route).handler(Caller.requireRole(first, more))
        .handler(handler);
  }

  List<ApiRoute> routes() {
    return List.copyOf(routes);
  }

  /** The last handler under the API prefix: nothing matched the method and path together. */
  void unmatched(RoutingContext ctx) {
    Set<String> allowed = new TreeSet<>();
    for (ApiRoute route : routes) {
      if (route.matches(ctx.request().path())) {
        allowed.add(route.method().name());
      }
    }
    if (allowed.isEmpty()) {
      ctx.fail(404);
    } else {
      ctx.response().putHeader("Allow", String.join(", ", allowed));
      ctx.fail(405);
    }
  }
}
