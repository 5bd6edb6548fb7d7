package io.drillboard.web;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.EventsJson;
import io.drillboard.drill.LiveFrames;
import io.drillboard.drill.OpinionTally;
import io.drillboard.drill.SimClock;
import io.drillboard.drill.Snapshots;
import io.drillboard.scenario.SimTime;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A stored drill played back to one viewer at any speed, pausable and seekable: the frames are those a live viewer
 * would have seen, built by the same projection over the events up to each seq; only the clock is the replay's own.
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
  private long seriesSent = OpinionTally.NONE;
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
    seriesSent = lastMinute(state);
    send(LiveFrames.snapshot(Snapshots.toJson(state, wallShowing(cursorSim))), List.of());
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
      List<Event> shown = events.subList(from, next);
      send(LiveFrames.deltaHead(state, shown, wallShowing(cursorSim), seriesSent), LiveFrames.listed(shown));
      seriesSent = lastMinute(state);
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

  private void send(JsonObject frame, List<Event> listed) {
    long now = System.currentTimeMillis();
    SimClock original = state.clock();
    long sim = simShown();
    frame.put("simTime", sim).put("sim", SimTime.format(sim));
    frame.put("clock", new JsonObject().put("simAnchor", sim).put("wallAnchor", now)
        .put("speed", speed).put("running", !paused && original.running() && next < events.size())
        .put("start", state.scenario().start()).put("end", state.scenario().end()).put("wallNow", now));
    frame.put("replay", new JsonObject().put("speed", speed).put("paused", paused).put("seq", state.seq())
        .put("lastSeq", events.get(events.size() - 1).seq()).put("finished", next >= events.size())
        .put("firstSim", events.get(0).simTime()).put("lastSim", lastSim()));
    if (!socket.isClosed()) {
      socket.writeTextMessage(listed.isEmpty() ? frame.encode() : EventsJson.with(frame, listed));
      stats.frameSent();
    }
  }

  private long lastSim() {
    return events.get(events.size() - 1).simTime();
  }

  private static long lastMinute(DrillState state) {
    List<OpinionSampled> series = state.opinion().series();
    return series.isEmpty() ? OpinionTally.NONE : series.get(series.size() - 1).minute();
  }
}
