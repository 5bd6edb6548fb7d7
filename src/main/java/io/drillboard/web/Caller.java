package io.drillboard.web;

import io.vertx.core.Handler;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;

/** The authenticated caller of a request, read from the token's claims. */
record Caller(String subject, Role role, String team) {
  private static final String KEY = Caller.class.getName();

  /**
   * The request's caller, read from its token's claims once and then kept with the request: a request asks up to four
   * times, and reading the claims was 7% of the server's samples under single-event ingest (bench/RESULTS.md).
   */
  static Caller of(RoutingContext ctx) {
    Caller known = ctx.get(KEY);
    if (known == null) {
      known = fromClaims(ctx.user());
      ctx.put(KEY, known);
    }
    return known;
  }

  private static Caller fromClaims(User user) {
    String roleClaim = user == null ? null : user.get("role");
    Role role = Role.fromKey(roleClaim).orElseThrow(() -> new ProblemException(403,
        "the token carries no known role", java.util.List.of()));
    String subject = user.subject() != null ? user.subject() : role.key();
    return new Caller(subject, role, user.get("team"));
  }

  /** Every API call needs a token that expires and has a role Drillboard knows, whatever the route. */
  static void requireKnownRole(RoutingContext ctx) {
    Tokens.requireExpiry(ctx.user());
    of(ctx);
    ctx.next();
  }

  /** A route guard: the request goes on only for the given roles, else 403. */
  static Handler<RoutingContext> requireRole(Role first, Role... more) {
    Set<Role> allowed = EnumSet.of(first, more);
    return ctx -> {
      Caller caller = of(ctx);
      if (!allowed.contains(caller.role())) {
        throw new ProblemException(403, "the role \"" + caller.role().key() + "\" may not do this; allowed: "
            + allowed.stream().map(Role::key).toList(), java.util.List.of());
      }
      if (caller.role() == Role.TEAM && (caller.team() == null || caller.team().isBlank())) {
        throw new ProblemException(403, "a team token must name its team", java.util.List.of());
      }
      ctx.next();
    };
  }

  /** The team a caller acts for: null for a director, who may act for any team. */
  String actingTeam() {
    return role == Role.TEAM ? team : null;
  }
}
