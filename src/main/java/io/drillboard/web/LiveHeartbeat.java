package io.drillboard.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * Pings the live viewers of this event loop and closes those that stopped answering: a screen whose network went away
 * sends no close, and would otherwise keep its socket, its buffer and its token's slot for good.
 */
final class LiveHeartbeat {
  private static final long PING_INTERVAL_MS = 15_000;
  private static final long DEAD_AFTER_MS = 45_000;

  private LiveHeartbeat() {
  }

  /** Pings {@code viewers}, as they stand at each beat, from now on; {@code clock} times their silence. */
  static void start(Vertx vertx, Supplier<List<LiveSession>> viewers, InstantSource clock) {
    vertx.setPeriodic(PING_INTERVAL_MS, id -> beat(viewers.get(), clock.millis()));
  }

  private static void beat(List<LiveSession> viewers, long now) {
    for (LiveSession session : viewers) {
      if (now - session.lastPong() > DEAD_AFTER_MS) {
        session.socket.close((short) 1001, "no answer to pings");
      } else {
        session.socket.writePing(Buffer.buffer("ping"));
      }
    }
  }
}
