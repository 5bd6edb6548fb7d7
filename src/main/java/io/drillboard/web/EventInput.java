package io.drillboard.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.drillboard.drill.Command.Incoming;
import io.drillboard.drill.EventType;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads injected events, {"id"?, "type", "payload"?}, checking every one before any is accepted.
 *
 * <p>The body is read as a stream of tokens, not built into objects: a payload is checked to be well-formed JSON and
 * kept as the text it arrived as, which is what the store writes and the engine carries. At load-test rates this is
 * most of the server's work per event.
 */
final class EventInput {
  static final int MAX_BATCH = 10_000;
  private static final int MAX_ID_LENGTH = 128;
  private static final int MAX_ERRORS = 100;
  private static final int MAX_TYPE_LENGTH = 64;
  /** Levels of objects and arrays a payload may nest, itself the first. */
  static final int MAX_PAYLOAD_DEPTH = 100;
  private static final String NO_PAYLOAD = "{}";
  /** The index {@link #read} is given for the lone event of a single-event body, whose problems have no path. */
  private static final int ONE = -1;
  /**
   * The body is UTF-8 or refused. Without this Jackson would take a body of zero bytes between ASCII ones for UTF-16 or
   * UTF-32, which no UTF-8 check sees, and then count no byte offsets to cut payloads by.
   */
  private static final JsonFactory JSON = JsonFactory.builder().disable(JsonFactory.Feature.CHARSET_DETECTION).build();
  private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private EventInput() {
  }

  static Incoming one(Buffer body) {
    byte[] text = utf8(body);
    List<String> errors = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw ProblemException.badRequest("the body must be one JSON object {\"id\"?, \"type\", \"payload\"?}");
      }
      Incoming incoming = read(parser, text, ONE, errors);
      if (parser.nextToken() != null) {
        throw ProblemException.badRequest("the body must be one JSON object, with nothing after it");
      }
      fail(errors);
      return incoming;
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(syntaxError(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON array of events, or NDJSON (one event object per line). */
  static List<Incoming> batch(Buffer body, String contentType) {
    byte[] text = utf8(body);
    if (blank(text)) {
      throw ProblemException.badRequest("the body must be a JSON array of events, or NDJSON");
    }
    boolean ndjson = contentType != null && contentType.contains("ndjson");
    List<String> errors = new ArrayList<>();
    List<Incoming> events = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken token = parser.nextToken();
      boolean array = !ndjson && token == JsonToken.START_ARRAY;
      if (array) {
        token = parser.nextToken();
      }
      for (int index = 0; token != null && token != JsonToken.END_ARRAY; index++, token = parser.nextToken()) {
        if (index == MAX_BATCH) {
          throw new ProblemException(413, "a batch holds at most " + MAX_BATCH + " events", List.of());
        }
        if (token == JsonToken.START_OBJECT) {
          events.add(read(parser, text, index, errors));
        } else {
          errors.add("[" + index + "]: must be an event object");
          parser.skipChildren();
        }
        if (errors.size() > MAX_ERRORS) {
          break;
        }
      }
      if (array && token == JsonToken.END_ARRAY && parser.nextToken() != null) {
        throw ProblemException.badRequest("the batch must be one JSON array, or NDJSON, with nothing after it");
      }
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(syntaxError(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fail(errors);
    if (events.isEmpty()) {
      throw ProblemException.badRequest("the batch holds no events");
    }
    return events;
  }

  /**
   * Skips the object the parser stands on, to its end, and answers how deeply it nests (1 for no object or array
   * inside). Every page and the report put a payload a few levels deeper still, and common JSON readers stop at 1,000.
   */
  private static int skipObject(JsonParser parser) throws IOException {
    int depth = 1;
    int deepest = 1;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        deepest = Math.max(deepest, ++depth);
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        depth--;
      }
    }
    return deepest;
  }

  /** Where a problem lies, for its message: built only for a problem, not for every event of a batch. */
  private static String path(int index) {
    return index == ONE ? "" : "[" + index + "].";
  }

  /** Reads one event object; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
  private static Incoming read(JsonParser parser, byte[] text, int index, List<String> errors) throws IOException {
    String id = null;
    String type = null;
    String payload = NO_PAYLOAD;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "id" -> {
          if (value == JsonToken.VALUE_STRING && !parser.getText().isEmpty()
              && parser.getTextLength() <= MAX_ID_LENGTH) {
            id = parser.getText();
            if (!Incoming.isText(id)) {
              errors.add(path(index) + "id: must be Unicode text; it holds half of a surrogate pair");
              id = null;
            }
          } else if (value != JsonToken.VALUE_NULL) {
            errors.add(path(index) + "id: must be a text of 1 to " + MAX_ID_LENGTH + " characters");
          }
        }
        case "type" -> {
          type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        case "payload" -> {
          if (value == JsonToken.START_OBJECT) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            if (skipObject(parser) > MAX_PAYLOAD_DEPTH) {
              errors.add(path(index) + "payload: nested more than " + MAX_PAYLOAD_DEPTH + " levels deep");
            }
            int end = (int) parser.currentLocation().getByteOffset();
            payload = new String(text, start, end - start, StandardCharsets.UTF_8);
          } else if (value != JsonToken.VALUE_NULL) {
            errors.add(path(index) + "payload: must be a JSON object");
          }
        }
        default -> errors.add(path(index) + field + ": unknown field (an event has id, type and payload)");
      }
      parser.skipChildren();
    }
    if (type == null || !isTypeName(type)) {
      errors.add(path(index)
          + "type: required, a name such as \"message\" or \"observation\" (letters, digits, . _ : -)");
    } else if (EventType.reserved(type)) {
      errors.add(path(index) + "type: \"" + type
          + "\" is written by the engine only; use the drill and task endpoints");
    }
    return new Incoming(id, type, payload);
  }

  /**
   * A letter, then up to 63 letters, digits or {@code _ . : -}, ASCII only. Checked by hand: a regex matcher per event
   * was 9% of the server's samples under batch ingest (JFR, bench/RESULTS.md).
   */
  static boolean isTypeName(String type) {
    if (type.isEmpty() || type.length() > MAX_TYPE_LENGTH || !isAsciiLetter(type.charAt(0))) {
      return false;
    }
    for (int i = 1; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '.' && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /**
   * The body's bytes, parsed as they are: bytes that are not UTF-8 are refused rather than stored as replacement
   * characters. A body of ASCII only, as load tests send, needs no decoding to show it.
   */
  private static byte[] utf8(Buffer body) {
    if (body == null) {
      return new byte[0];
    }
    byte[] bytes = body.getBytes();
    if (!ascii(bytes)) {
      try {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        throw ProblemException.badRequest("the body is not valid UTF-8");
      }
    }
    return bytes;
  }

  /** Whether no byte has its high bit set, looked at eight at a time. */
  static boolean ascii(byte[] bytes) {
    int i = 0;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
      if (((long) WORD.get(bytes, i) & 0x8080_8080_8080_8080L) != 0) {
        return false;
      }
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String syntaxError(JsonProcessingException e) {
    var where = e.getLocation();
    String message = e.getOriginalMessage();
    return "the body is not valid JSON: " + message
        + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
  }

  private static void fail(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "the events are not valid; nothing was stored", errors);
    }
  }
}
