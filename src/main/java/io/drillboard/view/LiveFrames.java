package io.drillboard.view;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.drillboard.runtime.DrillVerticle;
import io.drillboard.drill.Event;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The frames of the live stream (docs/api.md). A snapshot is the whole view. A delta covers a seq range contiguous with
 * the frame before it, lists the newest events of that range, and patches the view ({@link ViewPatch}).
 */
public final class LiveFrames {
  /** Under heavy injection a frame lists only the newest events of its range, and says how many it left out. */
  public static final int MAX_EVENTS_PER_FRAME = 20;
  public static final String FROM_SEQ = DrillVerticle.FROM_SEQ;
  public static final String TO_SEQ = DrillVerticle.TO_SEQ;
  /** The fields of a delta that are not part of its patch. */
  public static final Set<String> HEAD = Set.of("type", FROM_SEQ, TO_SEQ, "omitted", "events");
  private static final JsonFactory JSON = new JsonFactory();

  private LiveFrames() {
  }

  /** The event-bus address on which a drill publishes its frames. */
  public static String address(String drillId) {
    return DrillVerticle.framesAddress(drillId);
  }

  public static JsonObject snapshot(JsonObject view) {
    return new JsonObject().put("type", "snapshot").mergeIn(view);
  }

  /** A delta for {@code events} (contiguous, in seq order) with {@code patch}, listing the newest events. */
  public static String delta(List<Event> events, JsonObject patch) {
    List<Event> listed = listed(events);
    return EventsJson.with(head(events.get(0).seq(), events.get(events.size() - 1).seq(), events.size() - listed.size())
        .mergeIn(patch), listed);
  }

  /** The fields every delta begins with. */
  public static JsonObject head(long fromSeq, long toSeq, long omitted) {
    return new JsonObject().put("type", "delta").put(FROM_SEQ, fromSeq).put(TO_SEQ, toSeq).put("omitted", omitted);
  }

  /** The events a frame lists: the newest of its range. */
  public static List<Event> listed(List<Event> events) {
    return events.subList(Math.max(0, events.size() - MAX_EVENTS_PER_FRAME), events.size());
  }

  /** The patch a delta frame carries: every field but its head. */
  public static JsonObject patchOf(JsonObject frame) {
    JsonObject patch = new JsonObject();
    frame.forEach(field -> {
      if (!HEAD.contains(field.getKey())) {
        patch.put(field.getKey(), field.getValue());
      }
    });
    return patch;
  }

  /** A whole view as a patch, which it also is: without the fields that only a snapshot carries. */
  public static JsonObject wholePatch(JsonObject view) {
    JsonObject patch = patchOf(view);
    DrillView.SNAPSHOT_ONLY.forEach(patch::remove);
    return patch;
  }

  /**
   * A delta frame cut down to the events after {@code afterSeq}, for a viewer that holds the view at that seq, in the
   * middle of the frame's range. Its patch is {@code view}, the whole view at the frame's end: the frame's own patch is
   * relative to the view before its range. The events are cut out of the frame's text as they are, so their payloads
   * stay exactly as stored.
   */
  public static String after(String frame, long afterSeq, JsonObject view) {
    int eventsAt = EventsJson.eventsFieldAt(frame);
    JsonObject head = new JsonObject(frame.substring(0, eventsAt) + "}");
    long toSeq = head.getLong(TO_SEQ);
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
    JsonObject whole = head(afterSeq + 1, toSeq, toSeq - afterSeq - kept.size());
    if (view == null) {
      // The view was being rebuilt: the frame's own patch is the best there is.
      return EventsJson.withWritten(whole.mergeIn(patchOf(head)), kept);
    }
    return EventsJson.withWritten(whole.mergeIn(wholePatch(view)), kept);
  }
}
