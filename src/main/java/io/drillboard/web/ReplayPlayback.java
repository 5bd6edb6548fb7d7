package io.drillboard.web;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.drill.SimClock;
import io.drillboard.view.ClockView;
import io.drillboard.view.DrillView;
import io.drillboard.view.EventsJson;
import io.drillboard.view.LiveFrames;
import io.drillboard.view.ViewPatch;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.List;

/**
 * A stored drill played back at any speed, pausable and seekable: where the playback stands, and the frames that show
 * it. They are those a live viewer would have seen, the same view over the events up to each seq and the same patches;
 * only the clock is the replay's own.
 */
final class ReplayPlayback {
  /** How often the playback moves on, in wall milliseconds. */
  static final long TICK_MS = 100;

  private final String drillId;
  private final List<Event> events;
  private final InstantSource clock;
  private double speed;
  private boolean paused;
  private DrillState state;
  private int next;
  private long cursorSim;
  /** The view the viewer holds, which the next delta patches. */
  private JsonObject shown;

  ReplayPlayback(String drillId, List<Event> events, double speed, InstantSource clock) {
    this.drillId = drillId;
    this.events = events;
    this.clock = clock;
    this.speed = speed;
  }

  double speed() {
    return speed;
  }

  /** Sets the speed, within what a drill's own clock allows. */
  void speed(double requested) {
    speed = Math.max(SimClock.MIN_SPEED, Math.min(SimClock.MAX_SPEED, requested));
  }

  void paused(boolean paused) {
    this.paused = paused;
  }

  /** Rebuilds the state at {@code seq}; the snapshot frame that shows it. */
  String seek(long seq) {
    int upTo = (int) Math.max(1, Math.min(seq, events.size()));
    return seek(upTo, events.get(upTo - 1).simTime());
  }

  /**
   * Rebuilds the state from every event up to sim time {@code at} (at least the first); the snapshot frame that shows
   * it, whose clock reads {@code at}, so that a slider in sim time lands where the viewer let it go.
   */
  String seekTo(long at) {
    int low = 1;
    int high = events.size();
    // The number of events at or before at: sim times never decrease along the log.
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (events.get(middle - 1).simTime() <= at) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return seek(low, Math.max(events.get(low - 1).simTime(), Math.min(at, lastSim())));
  }

  private String seek(int upTo, long cursor) {
    state = DrillState.fold(drillId, events.subList(0, upTo));
    next = upTo;
    cursorSim = cursor;
    shown = replayed(DrillView.aggregates(state, wallShowing(cursorSim)));
    return frame(LiveFrames.snapshot(DrillView.withLabels(shown.copy(), state)), List.of());
  }

  /** Moves on by one tick; the delta frame of the events played, or null when none were. */
  String tick() {
    if (paused || next >= events.size()) {
      return null;
    }
    cursorSim += (long) (TICK_MS * speed);
    int from = next;
    while (next < events.size() && events.get(next).simTime() <= cursorSim) {
      state = state.apply(events.get(next));
      next++;
    }
    if (next > from) {
      List<Event> played = events.subList(from, next);
      List<Event> listed = LiveFrames.listed(played);
      JsonObject view = replayed(DrillView.aggregates(state, wallShowing(cursorSim)));
      JsonObject patch = ViewPatch.between(shown, view);
      shown = view;
      return frame(LiveFrames.head(played.get(0).seq(), state.seq(), played.size() - listed.size()).mergeIn(patch),
          listed);
    }
    if (next < events.size() && events.get(next).simTime() > cursorSim + 60 * TICK_MS * speed) {
      // Long quiet stretches are skipped to the next event, as a viewer would fast-forward.
      cursorSim = events.get(next).simTime() - (long) (TICK_MS * speed);
    }
    return null;
  }

  /** The wall time at which the drill's own clock read {@code sim}, so the projection shows that moment. */
  private long wallShowing(long sim) {
    SimClock clock = state.clock();
    return clock.running() ? clock.wallAt(sim) : clock.wallAnchor();
  }

  /**
   * The sim time a frame reads: the cursor itself while the drill's own clock was running there (going through wall
   * time would land up to {@code speed} sim milliseconds later), else where that clock stood still.
   */
  private long simShown() {
    return state.clock().running() ? cursorSim : state.simNow(wallShowing(cursorSim));
  }

  /** The view with the replay's own clock, and where the replay stands. */
  private JsonObject replayed(JsonObject view) {
    long now = clock.millis();
    long sim = simShown();
    ClockView.write(view, sim, sim, now, speed, !paused && state.clock().running() && next < events.size(),
        state.scenario(), now);
    return view.put("replay", new JsonObject().put("speed", speed).put("paused", paused).put("seq", state.seq())
        .put("lastSeq", events.get(events.size() - 1).seq()).put("finished", next >= events.size())
        .put("firstSim", events.get(0).simTime()).put("lastSim", lastSim()));
  }

  private static String frame(JsonObject frame, List<Event> listed) {
    return listed.isEmpty() ? frame.encode() : EventsJson.with(frame, listed);
  }

  private long lastSim() {
    return events.get(events.size() - 1).simTime();
  }
}
