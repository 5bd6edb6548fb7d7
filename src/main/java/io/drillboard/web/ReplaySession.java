package io.drillboard.web;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.drill.SimClock;
import io.drillboard.metrics.LiveStats;
import io.drillboard.view.ClockView;
import io.drillboard.view.DrillView;
import io.drillboard.view.EventsJson;
import io.drillboard.view.LiveFrames;
import io.drillboard.view.ViewPatch;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A stored drill played back to one viewer at any speed, pausable and seekable: the frames are those a live viewer
 * would have seen, the same view over the events up to each seq and the same patches; only the clock is the replay's
 * own.
 * The viewer steers it with text messages: {"action":"pause"|"resume"}, {"action":"speed","speed":N},
 * {"action":"seek","seq":N} or {"action":"seek","at":SIM_MS} (the drill as it stood at that sim time).
 */
final class ReplaySession {
  private static final long TICK_MS = 100;

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final String drillId;
  private final List<Event> events;
  private final LiveStats stats;
  private double speed;
  private boolean paused;
  private DrillState state;
  private int next;
  private long cursorSim;
  /** The view the viewer holds, which the next delta patches. */
  private JsonObject shown;
  private long timerId;

  ReplaySession(Vertx vertx, ServerWebSocket socket, String drillId, List<Event> events, double speed,
      LiveStats stats) {
    this.vertx = vertx;
    this.socket = socket;
    this.drillId = drillId;
    this.events = events;
    this.speed = speed;
    this.stats = stats;
  }

  /** Plays from {@code fromSeq}; {@code onClose} runs once the viewer's socket has closed. */
  void start(long fromSeq, Runnable onClose) {
    socket.textMessageHandler(this::control);
    socket.binaryMessageHandler(data -> socket.close((short) 1003, "replay controls are JSON text"));
    socket.closeHandler(v -> {
      vertx.cancelTimer(timerId);
      onClose.run();
    });
    seek(fromSeq);
    timerId = vertx.setPeriodic(TICK_MS, id -> tick());
  }

  /** Rebuilds the state at {@code seq} and sends it as a snapshot. */
  private void seek(long seq) {
    int upTo = (int) Math.max(1, Math.min(seq, events.size()));
    seek(upTo, events.get(upTo - 1).simTime());
  }

  /**
   * Rebuilds the state from every event up to sim time {@code at} (at least the first) and sends it as a snapshot
   * whose clock reads {@code at}, so that a slider in sim time lands where the viewer let it go.
   */
  private void seekTo(long at) {
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
    seek(low, Math.max(events.get(low - 1).simTime(), Math.min(at, lastSim())));
  }

  private void seek(int upTo, long cursor) {
    state = DrillState.fold(drillId, events.subList(0, upTo));
    next = upTo;
    cursorSim = cursor;
    shown = replayed(DrillView.aggregates(state, wallShowing(cursorSim)));
    send(LiveFrames.snapshot(DrillView.withLabels(shown.copy(), state)), List.of());
  }

  private void tick() {
    if (paused || next >= events.size()) {
      return;
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
      send(LiveFrames.head(played.get(0).seq(), state.seq(), played.size() - listed.size()).mergeIn(patch), listed);
    } else if (next < events.size() && events.get(next).simTime() > cursorSim + 60 * TICK_MS * speed) {
      // Long quiet stretches are skipped to the next event, as a viewer would fast-forward.
      cursorSim = events.get(next).simTime() - (long) (TICK_MS * speed);
    }
  }

  private void control(String text) {
    JsonObject command;
    try {
      command = new JsonObject(text);
    } catch (RuntimeException notJson) {
      socket.close((short) 1003, "replay controls are JSON");
      return;
    }
    switch (command.getString("action", "")) {
      case "pause" -> paused = true;
      case "resume" -> paused = false;
      case "speed" -> speed = Math.max(SimClock.MIN_SPEED, Math.min(SimClock.MAX_SPEED,
          command.getDouble("speed", speed)));
      case "seek" -> {
        Object at = command.getValue("at");
        Object seq = command.getValue("seq", 1L);
        if (at instanceof Number time) {
          seekTo(time.longValue());
        } else if (at == null && seq instanceof Number number) {
          seek(number.longValue());
        } else {
          // A time of day as text ("14:05") would otherwise fall back to seq 1 and look like a working seek.
          socket.close((short) 1003, "seek takes a number: seq or at");
        }
      }
      default -> socket.close((short) 1003, "unknown replay control");
    }
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
    long now = System.currentTimeMillis();
    long sim = simShown();
    ClockView.write(view, sim, sim, now, speed, !paused && state.clock().running() && next < events.size(),
        state.scenario(), now);
    return view.put("replay", new JsonObject().put("speed", speed).put("paused", paused).put("seq", state.seq())
        .put("lastSeq", events.get(events.size() - 1).seq()).put("finished", next >= events.size())
        .put("firstSim", events.get(0).simTime()).put("lastSim", lastSim()));
  }

  private void send(JsonObject frame, List<Event> listed) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(listed.isEmpty() ? frame.encode() : EventsJson.with(frame, listed));
      stats.frameSent();
    }
  }

  private long lastSim() {
    return events.get(events.size() - 1).simTime();
  }
}
