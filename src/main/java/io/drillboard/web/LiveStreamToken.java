package io.drillboard.web;

import io.vertx.ext.web.RoutingContext;

/**
 * Where a live stream's token comes from. Browsers cannot set Authorization on a WebSocket: the token comes in
 * ?token=, as a subprotocol offered beside {@link LiveHub#SUBPROTOCOL}, or (other clients) as Authorization: Bearer.
 */
final class LiveStreamToken {
  private LiveStreamToken() {
  }

  /** The token the upgrade request carries, or null. */
  static String of(RoutingContext ctx) {
    String query = ctx.queryParams().get("token");
    if (query != null && !query.isBlank()) {
      return query;
    }
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ")) {
      return authorization.substring("Bearer ".length()).trim();
    }
    String protocols = ctx.request().getHeader("Sec-WebSocket-Protocol");
    if (protocols == null) {
      return null;
    }
    for (String protocol : protocols.split(",")) {
      String candidate = protocol.trim();
      // A JWT is three dot-separated parts; the protocol's own name has no dot.
      if (!candidate.equals(LiveHub.SUBPROTOCOL) && candidate.chars().filter(c -> c == '.').count() == 2) {
        return candidate;
      }
    }
    return null;
  }
}
