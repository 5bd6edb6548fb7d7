package io.drillboard.drill;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The frames of the live stream. A drill publishes one delta per tick for all its viewers: the seq range it covers
 * (contiguous with the previous frame), the newest events of that range, and every aggregate whole.
 */
public final class LiveFrames {
  /** Under heavy injection a frame lists only the newest events of its range, and says how many it left out. */
  public static final int MAX_EVENTS_PER_FRAME = 50;
  public static final String FROM_SEQ = "fromSeq";
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
  public static JsonObject delta(DrillState state, List<Event> events, long wallNow, long seriesAfter) {
    int omitted = Math.max(0, events.size() - MAX_EVENTS_PER_FRAME);
    JsonArray listed = new JsonArray();
    for (Event event : events.subList(omitted, events.size())) {
      listed.add(event.toJson());
    }
    return new JsonObject().put("type", "delta").put(FROM_SEQ, events.get(0).seq())
        .put(TO_SEQ, events.get(events.size() - 1).seq()).put("omitted", omitted).put("events", listed)
        .mergeIn(Snapshots.aggregates(state, wallNow, seriesAfter));
  }
}
