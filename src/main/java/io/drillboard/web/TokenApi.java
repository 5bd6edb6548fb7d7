package io.drillboard.web;

import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** POST /api/v1/tokens: a director hands out tokens to teams, evaluators, screens and load testers. */
final class TokenApi {
  static final Duration DEFAULT_TTL = Duration.ofHours(12);
  static final Duration MAX_TTL = Duration.ofDays(7);

  private final Tokens tokens;
  private final InstantSource clock;

  TokenApi(Tokens tokens, InstantSource clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  void issue(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "role", "team", "name", "subject", "ttl");
    List<String> errors = new ArrayList<>();
    String roleKey = Json.string(body, "role", errors, true);
    Role role = roleKey == null ? null : Role.fromKey(roleKey).orElse(null);
    if (roleKey != null && role == null) {
      errors.add("role: must be one of director, team, evaluator, observer, injector");
    }
    String team = Json.string(body, "team", errors, false);
    if (role == Role.TEAM && team == null) {
      errors.add("team: is required for a team token");
    }
    // The person or screen the token is for: every event it causes, and the report, name them.
    String subject = personName(Json.string(body, body.containsKey("name") ? "name" : "subject", errors, false),
        errors);
    Duration ttl = ttl(Json.string(body, "ttl", errors, false), errors);
    Json.check(errors);
    String who = subject != null ? subject : role == Role.TEAM ? "team-" + team : role.key();
    String token = tokens.issue(role, team, who, ttl);
    String page = switch (role) {
      case TEAM -> "/team.html";
      case DIRECTOR -> "/console.html";
      case EVALUATOR -> "/evaluate.html";
      default -> "/";
    };
    Json.send(ctx, 201, new JsonObject().put("token", token).put("role", role.key()).put("team", team)
        .put("subject", who).put("expiresAt", clock.instant().plus(ttl).toString()).put("link", page + "?token=" + token));
  }

  private static String personName(String name, List<String> errors) {
    if (name == null) {
      return null;
    }
    try {
      return PersonNames.validated(name);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return null;
    }
  }

  private static Duration ttl(String text, List<String> errors) {
    if (text == null) {
      return DEFAULT_TTL;
    }
    try {
      Duration ttl = Duration.ofMillis(SimTime.parseDuration(text));
      if (!ttl.isZero() && ttl.compareTo(MAX_TTL) <= 0) {
        return ttl;
      }
      errors.add("ttl: must be longer than zero and at most 168h");
    } catch (IllegalArgumentException e) {
      errors.add("ttl: " + e.getMessage());
    }
    return DEFAULT_TTL;
  }
}
