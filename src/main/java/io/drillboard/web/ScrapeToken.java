package io.drillboard.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Guards /metrics with a fixed bearer token, the scrape token Prometheus sends with its authorization option. */
final class ScrapeToken implements Handler<RoutingContext> {
  private final byte[] expected;

  ScrapeToken(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    // Compared in constant time, so the answer's timing tells nothing of the token.
    if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
      throw new ProblemException(401, "/metrics needs the scrape token as a bearer token", List.of());
    }
    ctx.next();
  }
}
