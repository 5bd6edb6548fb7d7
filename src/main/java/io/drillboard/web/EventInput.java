package io.drillboard.web;

import io.drillboard.drill.Command.Incoming;
import io.drillboard.drill.EventBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads injected events, {"id"?, "type", "payload"?}, checking every one before any is accepted. */
final class EventInput {
  static final int MAX_BATCH = 10_000;
  private static final int MAX_ID_LENGTH = 128;
  private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,63}");
  private static final Set<String> KEYS = Set.of("id", "type", "payload");

  private EventInput() {
  }

  static Incoming one(Buffer body) {
    Object parsed = parse(body);
    if (!(parsed instanceof JsonObject json)) {
      throw ProblemException.badRequest("the body must be one JSON object {\"id\"?, \"type\", \"payload\"?}");
    }
    List<String> errors = new ArrayList<>();
    Incoming incoming = read(json, "", errors);
    fail(errors);
    return incoming;
  }

  /** A JSON array of events, or NDJSON (one event object per line). */
  static List<Incoming> batch(Buffer body, String contentType) {
    if (body == null || body.length() == 0) {
      throw ProblemException.badRequest("the body must be a JSON array of events, or NDJSON");
    }
    List<Object> items = new ArrayList<>();
    boolean ndjson = contentType != null && contentType.contains("ndjson");
    String text = body.toString();
    if (!ndjson && text.stripLeading().startsWith("[")) {
      items.addAll(parse(body) instanceof JsonArray array ? array.getList() : List.of());
    } else {
      int line = 0;
      for (String row : text.split("\n")) {
        line++;
        if (!row.isBlank()) {
          items.add(parseLine(row, line));
        }
        if (items.size() > MAX_BATCH) {
          break;
        }
      }
    }
    if (items.isEmpty()) {
      throw ProblemException.badRequest("the batch holds no events");
    }
    if (items.size() > MAX_BATCH) {
      throw new ProblemException(413, "a batch holds at most " + MAX_BATCH + " events", List.of());
    }
    List<String> errors = new ArrayList<>();
    List<Incoming> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      JsonObject json = item instanceof JsonObject o ? o
          : item instanceof java.util.Map<?, ?> map ? new JsonObject(castMap(map)) : null;
      if (json == null) {
        errors.add("[" + i + "]: must be an event object");
        continue;
      }
      events.add(read(json, "[" + i + "].", errors));
      if (errors.size() > 100) {
        break;
      }
    }
    fail(errors);
    return events;
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> castMap(java.util.Map<?, ?> map) {
    return (java.util.Map<String, Object>) map;
  }

  private static Incoming read(JsonObject json, String path, List<String> errors) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        errors.add(path + key + ": unknown field (an event has id, type and payload)");
      }
    }
    Object type = json.getValue("type");
    if (!(type instanceof String typeText) || !TYPE.matcher(typeText).matches()) {
      errors.add(path + "type: required, a name such as \"message\" or \"observation\" (letters, digits, . _ : -)");
    } else if (EventBody.reserved(typeText)) {
      errors.add(path + "type: \"" + typeText + "\" is written by the engine only; use the drill and task endpoints");
    }
    Object id = json.getValue("id");
    if (id != null && (!(id instanceof String idText) || idText.isEmpty() || idText.length() > MAX_ID_LENGTH)) {
      errors.add(path + "id: must be a text of 1 to " + MAX_ID_LENGTH + " characters");
    }
    Object payload = json.getValue("payload");
    if (payload != null && !(payload instanceof JsonObject)) {
      errors.add(path + "payload: must be a JSON object");
    }
    return new Incoming(id instanceof String s ? s : null, type instanceof String t ? t : null,
        payload instanceof JsonObject p ? p : new JsonObject());
  }

  private static Object parse(Buffer body) {
    try {
      return body == null || body.length() == 0 ? null : io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ProblemException.badRequest(Problems.jsonError(e.getMessage()));
    }
  }

  private static Object parseLine(String row, int line) {
    try {
      return io.vertx.core.json.Json.decodeValue(row);
    } catch (DecodeException e) {
      throw ProblemException.badRequest("line " + line + ": " + Problems.jsonError(e.getMessage()));
    }
  }

  private static void fail(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "the events are not valid; nothing was stored", errors);
    }
  }
}
