package io.drillboard.web;

import io.drillboard.drill.Event;
import io.drillboard.store.EventReader;
import io.drillboard.view.DrillViews;
import io.drillboard.view.EventsJson;
import io.drillboard.view.LiveFrames;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Brings viewers that resume after a seq up to date from the stored events, a page a frame, up to the store's end. The
 * last frame also patches the viewers' drill with the whole view at its last seq, which is a valid patch whatever they
 * held: so it waits for this node's view to reach that seq, and reads on if the view has gone past it.
 */
final class LiveCatchUp {
  private static final int PAGE = 1_000;

  private final DrillViews views;
  private final EventReader store;

  LiveCatchUp(DrillViews views, EventReader store) {
    this.views = views;
    this.store = store;
  }

  /** Writes the drill's stored events after {@code after} to {@code viewers}, who all have up to that seq. */
  Future<Void> after(String drillId, List<LiveSession> viewers, long after) {
    return pagesAfter(drillId, viewers, after, null);
  }

  /** {@code held} is a full page not yet written, in case it turns out to be the last. */
  private Future<Void> pagesAfter(String drillId, List<LiveSession> viewers, long after, List<Event> held) {
    return store.events(drillId, after, PAGE).compose(events -> {
      if (events.isEmpty()) {
        return held == null ? Future.succeededFuture() : lastPage(drillId, viewers, held);
      }
      if (held != null) {
        write(viewers, held, null);
      }
      long last = events.get(events.size() - 1).seq();
      return events.size() == PAGE ? pagesAfter(drillId, viewers, last, events) : lastPage(drillId, viewers, events);
    });
  }

  private Future<Void> lastPage(String drillId, List<LiveSession> viewers, List<Event> events) {
    long last = events.get(events.size() - 1).seq();
    return views.atLeast(drillId, last).compose(view -> {
      if (view.getLong("seq") > last) {
        write(viewers, events, null);
        return pagesAfter(drillId, viewers, last, null);
      }
      write(viewers, events, view);
      return Future.succeededFuture();
    });
  }

  private static void write(List<LiveSession> viewers, List<Event> events, JsonObject view) {
    long last = events.get(events.size() - 1).seq();
    JsonObject delta = LiveFrames.head(events.get(0).seq(), last, 0);
    if (view != null) {
      delta.mergeIn(LiveFrames.wholePatch(view));
    }
    String text = EventsJson.with(delta, events);
    viewers.forEach(viewer -> viewer.writeCatchUp(text, last));
  }
}
