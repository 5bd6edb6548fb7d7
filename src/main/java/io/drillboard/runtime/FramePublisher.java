package io.drillboard.runtime;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes one drill's live frames: at most one a tick, with every event committed since the last, published once
 * for every viewer on every node. Only committed events and states reach it. Used from the drill's context only.
 */
final class FramePublisher {
  /** Live frames go out at most ten times a second per drill. */
  private static final long FRAME_INTERVAL_MS = 100;

  private final Vertx vertx;
  private final String address;
  private final FrameWriter frames;
  private final InstantSource clock;
  private final List<Event> unframed = new ArrayList<>();
  private DrillState committed;
  private long lastFrameWall;
  private long frameTimerId = -1;
  private boolean stopped;

  FramePublisher(Vertx vertx, String address, FrameWriter frames, InstantSource clock) {
    this.vertx = vertx;
    this.address = address;
    this.frames = frames;
    this.clock = clock;
  }

  /** The drill starts from {@code state}, with nothing to frame yet. */
  void startFrom(DrillState state) {
    committed = state;
  }

  /** The drill was rebuilt from the store, whose last event is {@code last}: the next frame carries the whole view. */
  void restartFrom(DrillState state, Event last) {
    committed = state;
    frames.restart();
    // A viewer may lack the last events stored before this (re)load, if the node that stored them died before
    // framing them: the last event, framed again, shows each viewer whether it has a gap to fill from the store.
    if (unframed.isEmpty()) {
      unframed.add(last);
    }
    schedule();
  }

  /** {@code events} are stored, and the drill is {@code after} them. */
  void committed(List<Event> events, DrillState after) {
    committed = after;
    unframed.addAll(events);
    schedule();
  }

  void stop() {
    stopped = true;
    if (frameTimerId >= 0) {
      vertx.cancelTimer(frameTimerId);
    }
  }

  private void schedule() {
    if (frameTimerId >= 0 || stopped) {
      return;
    }
    long wait = lastFrameWall + FRAME_INTERVAL_MS - clock.millis();
    if (wait <= 0) {
      publish();
    } else {
      frameTimerId = vertx.setTimer(wait, id -> publish());
    }
  }

  private void publish() {
    frameTimerId = -1;
    if (unframed.isEmpty()) {
      return;
    }
    lastFrameWall = clock.millis();
    String frame = frames.delta(committed, unframed, lastFrameWall);
    DeliveryOptions range = new DeliveryOptions()
        .addHeader(DrillVerticle.FROM_SEQ, String.valueOf(unframed.get(0).seq()))
        .addHeader(DrillVerticle.TO_SEQ, String.valueOf(unframed.get(unframed.size() - 1).seq()));
    unframed.clear();
    vertx.eventBus().publish(address, frame, range);
  }
}
