package io.drillboard.web;

import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many HTTP connections one token may keep open at once, across the HTTP event loops. A connection counts for a
 * token from its first request with that token until it closes; past the limit the request gets 429 and its
 * connection is closed, so one client cannot hold every socket the server has.
 */
final class ConnectionQuota {
  private final int perToken;
  private final ConcurrentMap<String, Set<HttpConnection>> open = new ConcurrentHashMap<>();
  /** The tokens each connection counts for: one close handler gives them all back (a connection has one handler). */
  private final ConcurrentMap<HttpConnection, Set<String>> tokensOf = new ConcurrentHashMap<>();

  /** {@code perToken} of 0 or less means no limit. */
  ConnectionQuota(int perToken) {
    this.perToken = perToken;
  }

  /**
   * Route handler, after {@link BearerTokens}: admits the request's connection for its token, or answers 429. The
   * token is the instance first checked, so its hash is not computed again for each request.
   */
  void admit(RoutingContext ctx) {
    String token = BearerTokens.token(ctx);
    HttpConnection connection = ctx.request().connection();
    if (perToken <= 0 || token == null || connection == null) {
      ctx.next();
      return;
    }
    boolean[] admitted = {true};
    boolean[] added = {false};
    open.compute(token, (key, connections) -> {
      Set<HttpConnection> held = connections == null ? new HashSet<>() : connections;
      if (!held.contains(connection)) {
        if (held.size() >= perToken) {
          admitted[0] = false;
        } else {
          held.add(connection);
          added[0] = true;
        }
      }
      return held.isEmpty() ? null : held;
    });
    if (added[0]) {
      boolean[] first = {false};
      tokensOf.compute(connection, (key, tokens) -> {
        Set<String> counted = tokens == null ? ConcurrentHashMap.newKeySet() : tokens;
        first[0] = tokens == null;
        counted.add(token);
        return counted;
      });
      if (first[0]) {
        connection.closeHandler(v -> tokensOf.remove(connection).forEach(each -> release(each, connection)));
      }
    }
    if (!admitted[0]) {
      ctx.response().putHeader("Connection", "close");
      throw new ProblemException(429, "this token already holds " + perToken + " connections, the most allowed; "
          + "reuse them", List.of());
    }
    ctx.next();
  }

  private void release(String token, HttpConnection connection) {
    open.computeIfPresent(token, (key, held) -> {
      held.remove(connection);
      return held.isEmpty() ? null : held;
    });
  }
}
