package io.drillboard.web;

import io.vertx.core.Handler;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The authenticated caller of a request, read from its token's claims once, when the token is first checked
 * ({@link BearerTokens}).
 *
 * @param subject who the token names (its sub, else its role), the {@code by} of what the caller does
 * @param team the team a team token acts for
 * @param reportOf for a report link's token, the one drill whose report it opens; else null
 */
record Caller(String subject, Role role, String team, String reportOf) {
  private static final String KEY = Caller.class.getName();

  /** The request's caller; every API route is behind {@link BearerTokens}, which admits one. */
  static Caller of(RoutingContext ctx) {
    Caller caller = ctx.get(KEY);
    if (caller == null) {
      throw new ProblemException(401, "a valid bearer token is required (Authorization: Bearer <token>)", List.of());
    }
    return caller;
  }

  static void admit(RoutingContext ctx, Caller caller) {
    ctx.put(KEY, caller);
  }

  /** The caller a checked token speaks for; 403 when its role is not one Drillboard knows. */
  static Caller fromClaims(User user) {
    String roleClaim = user.get("role");
    Role role = Role.fromKey(roleClaim).orElseThrow(() -> new ProblemException(403,
        "the token carries no known role", List.of()));
    String subject = user.subject() != null ? user.subject() : role.key();
    return new Caller(subject, role, user.get("team"), ReportLinks.linkedDrill(user));
  }

  /** A route guard: the request goes on only for the given roles, else 403. */
  static Handler<RoutingContext> requireRole(Role first, Role... more) {
    Set<Role> allowed = EnumSet.of(first, more);
    return ctx -> {
      Caller caller = of(ctx);
      if (!allowed.contains(caller.role())) {
        throw new ProblemException(403, "the role \"" + caller.role().key() + "\" may not do this; allowed: "
            + allowed.stream().map(Role::key).toList(), List.of());
      }
      if (caller.role() == Role.TEAM && (caller.team() == null || caller.team().isBlank())) {
        throw new ProblemException(403, "a team token must name its team", List.of());
      }
      ctx.next();
    };
  }

  /** The team a caller acts for: null for a director, who may act for any team. */
  String actingTeam() {
    return role == Role.TEAM ? team : null;
  }
}
