package io.drillboard.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Signs and checks Drillboard's JWTs: HS256, issuer and audience "drillboard", a role claim and a team claim. */
public final class Tokens {
  public static final String ISSUER = "drillboard";
  public static final int MIN_SECRET_BYTES = 32;
  private static final int LEEWAY_SECONDS = 5;

  private final JWTAuth auth;

  public Tokens(Vertx vertx, String secret) {
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    JWTOptions checks = new JWTOptions().setIssuer(ISSUER).setAudience(List.of(ISSUER)).setLeeway(LEEWAY_SECONDS);
    this.auth = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(checks));
  }

  public JWTAuth auth() {
    return auth;
  }

  /** A token must say when it expires: one without exp would be good forever once it leaked. */
  static void requireExpiry(User user) {
    if (user == null || !(user.get("exp") instanceof Number)) {
      throw new ProblemException(401, "the token must carry an expiry (exp)", List.of());
    }
  }

  /** Checks a token as the HTTP API does, for the callers (the live stream) that read it themselves. */
  Future<User> authenticate(String token) {
    return auth.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new ProblemException(401, "the token is not valid: " + e.getMessage(),
            List.of())))
        .map(user -> {
          requireExpiry(user);
          return user;
        });
  }

  /** A signed token for {@code role} (and {@code team}, for team tokens) valid for {@code ttl}. */
  public String issue(Role role, String team, String subject, Duration ttl) {
    if (role == Role.TEAM && (team == null || team.isBlank())) {
      throw new IllegalArgumentException("a team token needs a team");
    }
    JsonObject claims = new JsonObject().put("role", role.key());
    if (team != null) {
      claims.put("team", team);
    }
    return auth.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER)
        .setAudience(List.of(ISSUER)).setSubject(subject).setExpiresInSeconds((int) Math.min(Integer.MAX_VALUE,
            ttl.toSeconds())));
  }
}
