package io.drillboard.web;

import io.drillboard.drill.CommandRejected;
import io.drillboard.drill.ProblemCodes;
import io.drillboard.scenario.ScenarioInvalidException;
import io.drillboard.store.StoreUnavailableException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error leaves as application/problem+json (RFC 9457): a status, a title, a sentence, and where it applies. */
final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {
  }

  /** The code of a refusal that has none more precise: its status's. */
  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "token-invalid";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 408 -> "request-timeout";
      case 409 -> "conflict";
      case 413 -> "body-too-large";
      case 415 -> "unsupported-media-type";
      case 429 -> "too-many-requests";
      case 503 -> ProblemCodes.STORE_UNAVAILABLE;
      default -> status >= 500 ? "internal-error" : "bad-request";
    };
  }

  /** How the API says each kind of refusal the drill makes. */
  static int statusOf(CommandRejected.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
    };
  }

  /** The router's failure handler: maps what went wrong to its status; never shows a stack trace. */
  static void onFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (failure instanceof ProblemException problem) {
      send(ctx, problem.status(), problem.getMessage(), problem.errors(), null, problem.code());
    } else if (failure instanceof ScenarioInvalidException invalid) {
      send(ctx, 400, "the scenario is not valid", invalid.problems(), null, ProblemCodes.SCENARIO_INVALID);
    } else if (failure instanceof CommandRejected rejected) {
      send(ctx, statusOf(rejected.kind()), rejected.getMessage(), List.of(), null, rejected.code());
    } else if (failure instanceof StoreUnavailableException unavailable) {
      send(ctx, 503, unavailable.getMessage(), List.of(), unavailable.retryAfterSeconds());
    } else if (failure instanceof HttpException http) {
      send(ctx, http.getStatusCode(), defaultDetail(http.getStatusCode()), List.of(), null);
    } else if (failure == null && ctx.statusCode() >= 400) {
      send(ctx, ctx.statusCode(), defaultDetail(ctx.statusCode()), List.of(), null);
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      // A handler of Vert.x Web's refused the request (CORS, for one) and said why.
      send(ctx, ctx.statusCode(), failure.getMessage(), List.of(), null);
    } else {
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      send(ctx, 500, "an unexpected error occurred; it has been logged", List.of(), null);
    }
  }

  static void send(RoutingContext ctx, int status, String detail, List<String> errors, Integer retryAfterSeconds) {
    send(ctx, status, detail, errors, retryAfterSeconds, codeOf(status));
  }

  /** {@code code}: the stable machine code of this kind of refusal, which pages map to their own words. */
  static void send(RoutingContext ctx, int status, String detail, List<String> errors, Integer retryAfterSeconds,
      String code) {
    JsonObject body = new JsonObject().put("type", "about:blank")
        .put("title", HttpResponseStatus.valueOf(status).reasonPhrase()).put("status", status).put("code", code)
        .put("detail", detail).put("instance", ctx.request().path());
    if (!errors.isEmpty()) {
      body.put("errors", new JsonArray(List.copyOf(errors)));
    }
    HttpServerResponse response = ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE);
    if (retryAfterSeconds != null) {
      response.putHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
    if (status == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.end(body.encode());
  }

  /** A JSON parser's complaint without its internals: the first sentence and where it stopped. */
  static String jsonError(String message) {
    String first = message == null ? "" : message.split("\n")[0];
    int location = message == null ? -1 : message.indexOf("line: ");
    String where = location < 0 ? "" : " (" + message.substring(location).replaceAll("[\\]\\s]+$", "") + ")";
    return "the body is not valid JSON: " + first.replace("Failed to decode:", "").trim() + where;
  }

  private static String defaultDetail(int status) {
    return switch (status) {
      case 401 -> "a valid bearer token is required (Authorization: Bearer <token>)";
      case 403 -> "your token's role may not do this";
      case 404 -> "there is nothing at this address";
      case 405 -> "this method is not allowed here";
      case 408 -> "the request was not complete in time";
      case 413 -> "the body is larger than the server accepts";
      case 415 -> "this content type is not accepted here";
      default -> HttpResponseStatus.valueOf(status).reasonPhrase();
    };
  }
}
