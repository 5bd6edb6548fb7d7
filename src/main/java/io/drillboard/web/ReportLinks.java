package io.drillboard.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/**
 * Links to a drill's report that a browser can open or print without a long-lived token in the address: the page asks
 * for a link, and gets one whose token opens only that drill's report, only for reading, for a few minutes. Opened,
 * the link trades its token for a cookie and shows the report at an address without any token.
 */
final class ReportLinks {
  static final Duration LIFETIME = Duration.ofMinutes(10);
  /** The claim that marks a link token, and the drill it opens. */
  static final String SCOPE = "report-link";
  private static final Set<String> FORMATS = Set.of("html", "docx", "csv", "json");
  /** Holds a link's token once the address has dropped it; sent back only to that report's path. */
  private static final String COOKIE = "drillboard-report";

  private final Tokens tokens;
  private final InstantSource clock;

  ReportLinks(Tokens tokens, InstantSource clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /** POST /drills/:drillId/report-links {format, lang}: a link to the report, good for {@link #LIFETIME}. */
  void issue(RoutingContext ctx) {
    String drillId = DrillApi.drillId(ctx);
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "format", "lang");
    String format = body.getValue("format") == null ? "html" : String.valueOf(body.getValue("format"));
    String lang = body.getValue("lang") == null ? "zh" : String.valueOf(body.getValue("lang"));
    if (!FORMATS.contains(format) || !Set.of("zh", "en").contains(lang)) {
      throw ProblemException.badRequest("format must be html, docx, csv or json, and lang zh or en");
    }
    String token = tokens.sign(new JsonObject().put("role", Role.OBSERVER.key()).put(SCOPE, drillId),
        Caller.of(ctx).subject(), LIFETIME);
    String href = "/api/v1/drills/" + drillId + "/report?format=" + format + "&lang=" + lang + "&token=" + token;
    Json.send(ctx, 201, new JsonObject().put("href", href)
        .put("expiresAt", clock.millis() + LIFETIME.toMillis()));
  }

  /**
   * Before authentication, on the report's route: a link token in the query is swapped for a cookie scoped to this
   * report's path, and the browser sent to the same address without it, so that the address bar and a printout show
   * no token. Another token in the query (a script printing the report headless) is used as it is.
   */
  void fromAddress(RoutingContext ctx) {
    String token = ctx.queryParams().get("token");
    if (ctx.request().getHeader("Authorization") != null) {
      ctx.next();
      return;
    }
    if (token == null) {
      io.vertx.core.http.Cookie cookie = ctx.request().getCookie(COOKIE);
      if (cookie != null) {
        ctx.request().headers().set("Authorization", "Bearer " + cookie.getValue());
      }
      ctx.next();
      return;
    }
    tokens.authenticate(token).onComplete(checked -> {
      String drill = checked.succeeded() ? linkedDrill(checked.result()) : null;
      if (drill == null || !drill.equals(ctx.pathParam("drillId"))) {
        ctx.request().headers().set("Authorization", "Bearer " + token);
        ctx.next();
        return;
      }
      long expires = ((Number) checked.result().get("exp")).longValue();
      io.vertx.core.http.Cookie cookie = io.vertx.core.http.Cookie.cookie(COOKIE, token).setPath(ctx.request().path())
          .setHttpOnly(true).setSameSite(io.vertx.core.http.CookieSameSite.STRICT)
          .setMaxAge(Math.max(0, expires - clock.millis() / 1000));
      ctx.response().addCookie(cookie).putHeader("Location", withoutToken(ctx)).setStatusCode(303).end();
    });
  }

  private static String withoutToken(RoutingContext ctx) {
    StringBuilder query = new StringBuilder();
    ctx.queryParams().forEach((name, value) -> {
      if (!name.equals("token")) {
        query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    return ctx.request().path() + query;
  }

  /** After authentication: a link token reads its own drill's report and nothing else. */
  static void confine(RoutingContext ctx) {
    String drill = Caller.of(ctx).reportOf();
    if (drill == null) {
      ctx.next();
      return;
    }
    String reportPath = HttpServerVerticle.API + "/drills/" + drill + "/report";
    if (!"GET".equals(ctx.request().method().name()) || !reportPath.equals(ctx.request().path())) {
      ctx.fail(new ProblemException(403, "a report link opens only the report of drill " + drill, List.of()));
      return;
    }
    ctx.next();
  }

  /** The drill a link token opens, or null for any other token. */
  static String linkedDrill(User user) {
    return user == null ? null : user.principal().getString(SCOPE);
  }
}
