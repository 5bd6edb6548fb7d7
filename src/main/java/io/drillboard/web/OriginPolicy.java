package io.drillboard.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may use the server besides its own: the same list answers CORS and the live stream's
 * WebSocket handshake (which CORS does not cover, so a foreign page could otherwise open a stream with a leaked token).
 */
final class OriginPolicy {
  private final Set<String> allowed;
  private final CorsHandler cors;

  OriginPolicy(List<String> allowedOrigins) {
    this.allowed = allowedOrigins.stream().map(OriginPolicy::normalized).collect(Collectors.toUnmodifiableSet());
    this.cors = allowed.isEmpty() ? null : CorsHandler.create().addOrigins(List.copyOf(allowed))
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT))
        .allowedHeaders(Set.of("Authorization", "Content-Type"));
  }

  /**
   * Route handler: a request from another origin gets CORS answers when that origin is allowed and 403 when it is
   * not; the server's own pages and non-browser clients pass untouched. With no origins allowed there are no CORS
   * headers at all, and browsers keep other sites' pages from reading the API.
   */
  void cors(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (cors == null || origin == null || sameOrigin(origin, ctx.request().getHeader("Host"))) {
      ctx.next();
    } else {
      cors.handle(ctx);
    }
  }

  /** A request without Origin is not from a browser page; one from the server's own host is its own pages. */
  boolean allows(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String normalized = normalized(origin);
    return allowed.contains(normalized) || sameOrigin(normalized, host);
  }

  private static boolean sameOrigin(String origin, String host) {
    try {
      String authority = URI.create(origin.trim()).getAuthority();
      return authority != null && host != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static String normalized(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
