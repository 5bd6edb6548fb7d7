package io.drillboard.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Small, strict readers of request bodies and queries that report each problem by field. */
final class Json {
  private Json() {
  }

  static JsonObject object(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
      throw ProblemException.badRequest("the body must be a JSON object");
    }
    try {
      Object value = io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
      if (value instanceof JsonObject json) {
        return json;
      }
    } catch (DecodeException e) {
      throw ProblemException.badRequest(Problems.jsonError(e.getMessage()));
    }
    throw ProblemException.badRequest("the body must be a JSON object");
  }

  static void onlyKeys(JsonObject body, String... keys) {
    Set<String> known = Set.of(keys);
    List<String> unknown = new ArrayList<>();
    for (String key : body.fieldNames()) {
      if (!known.contains(key)) {
        unknown.add(key + ": unknown field (expected " + String.join(", ", keys) + ")");
      }
    }
    check(unknown);
  }

  static String string(JsonObject body, String key, List<String> errors, boolean required) {
    Object value = body.getValue(key);
    if (value == null) {
      if (required) {
        errors.add(key + ": is required");
      }
      return null;
    }
    if (!(value instanceof String text) || (required && text.isBlank())) {
      errors.add(key + ": must be a non-empty text");
      return null;
    }
    if (text.length() > 10_000) {
      errors.add(key + ": must be at most 10000 characters");
    }
    return text;
  }

  static double number(JsonObject body, String key, double fallback, List<String> errors) {
    Object value = body.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      errors.add(key + ": must be a number");
      return fallback;
    }
    return number.doubleValue();
  }

  static long wholeNumber(JsonObject body, String key, List<String> errors) {
    Object value = body.getValue(key);
    if (!(value instanceof Integer || value instanceof Long)) {
      errors.add(key + ": must be a whole number");
      return 0;
    }
    return ((Number) value).longValue();
  }

  static boolean bool(JsonObject body, String key, boolean fallback, List<String> errors) {
    Object value = body.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean flag)) {
      errors.add(key + ": must be true or false");
      return fallback;
    }
    return flag;
  }

  static long queryNumber(RoutingContext ctx, String name, long fallback, long min, long max) {
    return query(ctx, name, fallback, min, max, Long::parseLong, "a whole number");
  }

  static double queryDecimal(RoutingContext ctx, String name, double fallback, double min, double max) {
    return query(ctx, name, fallback, min, max, Double::parseDouble, "a number");
  }

  /** A query parameter within [min, max] as {@code parse} reads it; absent, the fallback; else 400. */
  private static <N extends Number & Comparable<N>> N query(RoutingContext ctx, String name, N fallback, N min, N max,
      Function<String, N> parse, String kind) {
    String text = ctx.queryParams().get(name);
    if (text == null) {
      return fallback;
    }
    try {
      N value = parse.apply(text);
      if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badRequest(name + " must be " + kind + " from " + min.longValue() + " to "
        + max.longValue());
  }

  static void check(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "the request is not valid; nothing was changed", errors);
    }
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
