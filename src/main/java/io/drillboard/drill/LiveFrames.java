package io.drillboard.drill;

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
}
