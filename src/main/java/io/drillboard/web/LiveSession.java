package io.drillboard.web;

import io.drillboard.metrics.LiveStats;
import io.drillboard.view.DrillViews.Frame;
import io.drillboard.view.LiveFrames;
import io.vertx.core.http.ServerWebSocket;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One viewer's WebSocket. It tracks the last seq the viewer has, so that what it is sent is contiguous with no repeat;
 * frames that arrive while it joins or resynchronises wait in a small buffer. When the socket's write queue is full
 * the viewer is skipped (its frames dropped, not queued) until it drains, and then gets a fresh snapshot.
 */
final class LiveSession {
  enum Mode {
    /** Waiting for its first snapshot or catch-up; frames are buffered. */
    JOINING,
    LIVE,
    /** Its write queue is full: frames are dropped until it drains. */
    BEHIND
  }

  /** Frames buffered while joining; past this the viewer resynchronises from a fresh snapshot instead. */
  static final int MAX_BUFFERED_FRAMES = 200;

  final String drillId;
  final ServerWebSocket socket;
  private final LiveStats stats;
  private final InstantSource clock;
  private final Deque<Frame> buffered = new ArrayDeque<>();
  private Mode mode = Mode.JOINING;
  private long lastSeq;
  private long lastPong;

  LiveSession(String drillId, ServerWebSocket socket, LiveStats stats, InstantSource clock) {
    this.drillId = drillId;
    this.socket = socket;
    this.stats = stats;
    this.clock = clock;
    this.lastPong = clock.millis();
  }

  Mode mode() {
    return mode;
  }

  /** The last seq this viewer has been sent. */
  long lastSeq() {
    return lastSeq;
  }

  long lastPong() {
    return lastPong;
  }

  void ponged() {
    lastPong = clock.millis();
  }

  /**
   * A live frame from the drill. False when the viewer can no longer be kept contiguous (its join buffer overflowed,
   * or frames went missing) and must resynchronise from a snapshot.
   */
  boolean offer(Frame frame) {
    return switch (mode) {
      case JOINING -> {
        buffered.add(frame);
        yield buffered.size() <= MAX_BUFFERED_FRAMES;
      }
      case BEHIND -> {
        stats.frameDropped();
        yield true;
      }
      case LIVE -> deliver(frame);
    };
  }

  /** Starts (or restarts) the stream from a snapshot at {@code seq}; buffered frames after it follow. */
  boolean startFrom(String snapshotFrame, long seq) {
    write(snapshotFrame);
    lastSeq = seq;
    return goLive();
  }

  /** Resumes after {@code seq}: catch-up frames are written first by the caller through {@link #writeCatchUp}. */
  void resumeFrom(long seq) {
    lastSeq = seq;
  }

  void writeCatchUp(String delta, long toSeq) {
    write(delta);
    lastSeq = toSeq;
  }

  /** Sends what was buffered and goes live; false when a buffered frame does not connect (resynchronise). */
  boolean goLive() {
    mode = Mode.LIVE;
    while (!buffered.isEmpty() && mode == Mode.LIVE) {
      if (!deliver(buffered.poll())) {
        return false;
      }
    }
    return true;
  }

  void rejoin() {
    buffered.clear();
    mode = Mode.JOINING;
  }

  private boolean deliver(Frame frame) {
    if (frame.toSeq() <= lastSeq) {
      return true;
    }
    if (frame.fromSeq() > lastSeq + 1) {
      return false;
    }
    write(frame.fromSeq() == lastSeq + 1 ? frame.text() : trimmed(frame));
    lastSeq = frame.toSeq();
    if (socket.writeQueueFull()) {
      mode = Mode.BEHIND;
    }
    return true;
  }

  /** A frame that starts before what the viewer has (it joined mid-frame): keep only the events it lacks. */
  private String trimmed(Frame frame) {
    return LiveFrames.after(frame.text(), lastSeq, frame.viewAfter());
  }

  private void write(String text) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(text);
      stats.frameSent();
    }
  }
}
