package io.drillboard.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.drillboard.config.ServerConfig.TokenTrust;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.time.Duration;
import java.util.List;

/**
 * Signs and checks Drillboard's JWTs: HS256 with the server's secret (and, for a bank's identity provider, RS256 or
 * ES256 keys), audience "drillboard", the configured issuer, an expiry, a role claim and a team claim.
 */
public final class Tokens {
  /** The aud of every token: tokens meant for Drillboard, whoever issued them. */
  public static final String AUDIENCE = "drillboard";
  public static final int MIN_SECRET_BYTES = 32;
  /** The clock skew a token's expiry is allowed. */
  static final int LEEWAY_SECONDS = 5;

  private final JWTAuth auth;
  private final String issuer;

  public Tokens(Vertx vertx, String secret) {
    this(vertx, secret, TokenTrust.own());
  }

  /** Checks tokens signed with {@code secret} and, when {@code trust} names them, with an identity provider's keys. */
  public Tokens(Vertx vertx, String secret, TokenTrust trust) {
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    this.issuer = trust.issuer();
    JWTOptions checks = new JWTOptions().setIssuer(issuer).setAudience(List.of(AUDIENCE)).setLeeway(LEEWAY_SECONDS);
    JWTAuthOptions options = new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(checks);
    trust.publicKey().ifPresent(file -> {
      String pem = read(file);
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithmOf(pem, file)).setBuffer(pem));
    });
    trust.jwks().ifPresent(file -> {
      JsonArray keys = new JsonObject(read(file)).getJsonArray("keys");
      if (keys == null || keys.isEmpty()) {
        throw new IllegalArgumentException(file + " holds no keys: a JWKS file is {\"keys\": [...]}");
      }
      keys.forEach(key -> options.addJwk((JsonObject) key));
    });
    this.auth = JWTAuth.create(vertx, options);
  }

  /** RS256 for an RSA public key, ES256 for an EC one. */
  private static String algorithmOf(String pem, Path file) {
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    for (String[] candidate : new String[][] {{"RSA", "RS256"}, {"EC", "ES256"}}) {
      try {
        KeyFactory.getInstance(candidate[0]).generatePublic(new X509EncodedKeySpec(der));
        return candidate[1];
      } catch (GeneralSecurityException notThisKind) {
        // try the next kind
      }
    }
    throw new IllegalArgumentException(file + " is not a PEM public key (RSA or EC)");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  public JWTAuth auth() {
    return auth;
  }

  /** A token must say when it expires: one without exp would be good forever once it leaked. Its exp, in seconds. */
  static long requireExpiry(User user) {
    if (user == null || !(user.get("exp") instanceof Number exp)) {
      throw new ProblemException(401, "the token must carry an expiry (exp)", List.of());
    }
    return exp.longValue();
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
    return sign(claims, subject, ttl);
  }

  /**
   * Signs {@code claims} for {@code subject} with this server's secret, issuer and audience, valid for {@code ttl}.
   * Its iat and exp are on the clock Vert.x checks tokens against, the system's.
   */
  String sign(JsonObject claims, String subject, Duration ttl) {
    return auth.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setIssuer(issuer)
        .setAudience(List.of(AUDIENCE)).setSubject(subject).setExpiresInSeconds((int) Math.min(Integer.MAX_VALUE,
            ttl.toSeconds())));
  }
}
