package io.drillboard.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What a schema can tell apart in an answer, and nothing else: the header names; the body's keys, types and nulls;
 * short texts with their digits as 0 (enums, ids and times keep their form); longer texts by length, at the document's
 * {@code maxLength} steps; numbers by sign, wholeness and count of digits; arrays by the set of their items' shapes,
 * empty, one or more. Two answers of one shape pass or fail the same schema (but for a maximum inside a run of
 * digits), so {@link ApiContract} validates each shape once: a drill polled while its clock runs is validated when it
 * changes, not every 20 ms.
 */
final class Shape {
  private static final int SHORT_TEXT = 32;
  private static final int[] TEXT_STEPS = {40, 128, 500, 2000, 4000, 10000};

  private Shape() {
  }

  /** A digest of the answer's shape. */
  static String of(HttpResponse<Buffer> response) {
    StringBuilder shape = new StringBuilder();
    new TreeSet<>(response.headers().names().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList())
        .forEach(name -> shape.append(name).append(';'));
    Buffer body = response.body();
    try {
      append(shape, body == null || body.length() == 0 ? null : Json.decodeValue(body));
    } catch (DecodeException notJson) {
      shape.append(body.toString(StandardCharsets.UTF_8));
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(shape.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void append(StringBuilder shape, Object value) {
    if (value instanceof JsonObject object) {
      shape.append('{');
      object.forEach(entry -> {
        shape.append(entry.getKey()).append(':');
        append(shape, entry.getValue());
        shape.append(',');
      });
      shape.append('}');
    } else if (value instanceof JsonArray array) {
      TreeSet<String> items = new TreeSet<>();
      array.forEach(item -> {
        StringBuilder itemShape = new StringBuilder();
        append(itemShape, item);
        items.add(itemShape.toString());
      });
      shape.append('[').append(Math.min(array.size(), 2)).append(String.join("|", items)).append(']');
    } else if (value instanceof String text) {
      shape.append('"').append(text.length() <= SHORT_TEXT ? text.replaceAll("[0-9]", "0") : textStep(text))
          .append('"');
    } else if (value instanceof Number number) {
      double real = number.doubleValue();
      char kind = number instanceof Integer || number instanceof Long ? 'i' : real == Math.rint(real) ? 'w' : 'r';
      shape.append(kind).append((int) Math.signum(real))
          .append(Long.toString(Math.abs((long) real)).length());
    } else {
      shape.append(value);
    }
  }

  private static String textStep(String text) {
    int step = 0;
    while (step < TEXT_STEPS.length && text.length() > TEXT_STEPS[step]) {
      step++;
    }
    return "#" + step;
  }
}
