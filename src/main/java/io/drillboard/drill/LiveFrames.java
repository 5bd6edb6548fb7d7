package io.drillboard.drill;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of the live stream. A drill publishes one delta per tick for all its viewers: the seq range it covers
 * (contiguous with the previous frame), the newest events of that range, and every aggregate whole.
 */
public final class LiveFrames {
  /** Under heavy injection a frame lists only the newest events of its range, and says how many it left out. */
  public static final int MAX_EVENTS_PER_FRAME = 50;
  public static final String FROM_SEQ = "fromSeq";
  private static final JsonFactory JSON = new JsonFactory();
  public static final String TO_SEQ = "toSeq";

  private LiveFrames() {
  }

  /** The event-bus address on which a drill publishes its frames. */
  public static String address(String drillId) {
    return "drillboard.live." + drillId;
  }

  public static JsonObject snapshot(JsonObject snapshot) {
    return new JsonObject().put("type", "snapshot").mergeIn(snapshot);
  }

  /** A delta for {@code events} (contiguous, in seq order) after which the drill stands at {@code state}. */
  public static String delta(DrillState state, List<Event> events, long wallNow, long seriesAfter) {
    return EventsJson.with(deltaHead(state, events, wallNow, seriesAfter), listed(events));
  }

  /** A delta without its events, for a caller that adds fields before {@link EventsJson#with} adds them. */
  public static JsonObject deltaHead(DrillState state, List<Event> events, long wallNow, long seriesAfter) {
    return new JsonObject().put("type", "delta").put(FROM_SEQ, events.get(0).seq())
        .put(TO_SEQ, events.get(events.size() - 1).seq()).put("omitted", events.size() - listed(events).size())
        .mergeIn(Snapshots.aggregates(state, wallNow, seriesAfter));
  }

  /** The events a frame lists: the newest of its range. */
  public static List<Event> listed(List<Event> events) {
    return events.subList(Math.max(0, events.size() - MAX_EVENTS_PER_FRAME), events.size());
  }

  /**
   * A delta frame cut down to the events after {@code afterSeq}, for a viewer that joined in the middle of its range.
   * The events are cut out of the frame's text as they are, so their payloads stay exactly as stored.
   */
  public static String after(String frame, long afterSeq, long toSeq) {
    int eventsAt = EventsJson.eventsFieldAt(frame);
    JsonObject head = new JsonObject(frame.substring(0, eventsAt) + "}");
    String array = frame.substring(frame.indexOf('[', eventsAt), frame.length() - 1);
    List<String> kept = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(array)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        long seq = 0;
        for (int depth = 1; depth > 0; ) {
          JsonToken token = parser.nextToken();
          if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            depth++;
          } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            depth--;
          } else if (depth == 1 && token == JsonToken.FIELD_NAME && "seq".equals(parser.currentName())) {
            parser.nextToken();
            seq = parser.getLongValue();
          }
        }
        if (seq > afterSeq) {
          kept.add(array.substring(start, (int) parser.currentLocation().getCharOffset()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a live frame that is not JSON", e);
    }
    return EventsJson.withWritten(head.put(FROM_SEQ, afterSeq + 1).put("omitted", toSeq - afterSeq - kept.size()),
        kept);
  }
}
