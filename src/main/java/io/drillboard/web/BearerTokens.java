package io.drillboard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.web.RoutingContext;
import java.time.InstantSource;
import java.util.List;

/**
 * Authenticates each API request by its bearer token, and remembers each token it has found good until the token
 * expires: a load tester sends thousands of requests a second with one token, and checking its signature and reading
 * its claims every time was a sixth of the event loops' time under single-event ingest (bench/RESULTS.md). A token
 * is remembered by its exact text, so a remembered token is one whose signature, issuer, audience and claims were
 * checked; only its expiry can change its answer, and that is checked at every request. A token found bad is not
 * remembered. What a request gets is its {@link Caller}, an immutable record, so no request can change another's.
 * Each HTTP event loop keeps its own tokens, so none waits on another's.
 */
final class BearerTokens {
  /** Enough for every person and load tester of a large exercise; beyond it, the least used are checked again. */
  private static final int REMEMBERED = 10_000;
  private static final String SCHEME = "Bearer ";

  /**
   * A token found good: its text (the instance first checked, whose hash is already computed), who it speaks for,
   * and until when (its exp, with the leeway the check allows).
   */
  private record Checked(String token, Caller caller, long goodUntilMillis) {
  }

  private static final String TOKEN = BearerTokens.class.getName() + ".token";

  private final AuthenticationProvider auth;
  private final InstantSource clock;
  private final Cache<String, Checked> checked = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  /** {@code clock}: the one the token check itself reads (Vert.x's JWT check reads the system's). */
  BearerTokens(AuthenticationProvider auth, InstantSource clock) {
    this.auth = auth;
    this.clock = clock;
  }

  /** Route handler: the request goes on with its {@link Caller}, or fails with 401 (or 403 for an unknown role). */
  void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      ctx.fail(401);
      return;
    }
    // Exactly one space, no trimming: a JWT holds no spaces, and JWTAuthHandler refused them too.
    String token = header.substring(SCHEME.length());
    Checked known = checked.getIfPresent(token);
    if (known != null) {
      if (clock.millis() < known.goodUntilMillis()) {
        admit(ctx, known);
      } else {
        checked.invalidate(token);
        ctx.fail(new ProblemException(401, "the token is not valid: it has expired", List.of()));
      }
      return;
    }
    Future<User> user = auth.authenticate(new TokenCredentials(token));
    if (user.isComplete()) {
      admitChecked(ctx, token, user);
    } else {
      // The body must wait in the socket until the caller is known: nothing reads it before then.
      ctx.request().pause();
      user.onComplete(result -> {
        ctx.request().resume();
        admitChecked(ctx, token, user);
      });
    }
  }

  private void admitChecked(RoutingContext ctx, String token, Future<User> user) {
    if (user.failed()) {
      ctx.fail(new ProblemException(401, "the token is not valid: " + user.cause().getMessage(), List.of()));
      return;
    }
    Caller caller;
    long expiresAtSeconds;
    try {
      expiresAtSeconds = Tokens.requireExpiry(user.result());
      caller = Caller.fromClaims(user.result());
    } catch (ProblemException refused) {
      ctx.fail(refused);
      return;
    } catch (ClassCastException wrongType) {
      ctx.fail(new ProblemException(401, "the token is not valid: a claim has the wrong type", List.of()));
      return;
    }
    Checked good = new Checked(token, caller, (expiresAtSeconds + Tokens.LEEWAY_SECONDS) * 1000);
    checked.put(token, good);
    admit(ctx, good);
  }

  private static void admit(RoutingContext ctx, Checked good) {
    Caller.admit(ctx, good.caller());
    ctx.put(TOKEN, good.token());
    ctx.next();
  }

  /** The token the request was admitted with, as first checked: what the connection quota counts by. */
  static String token(RoutingContext ctx) {
    return ctx.get(TOKEN);
  }
}
