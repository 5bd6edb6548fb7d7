package io.drillboard.web;

import io.drillboard.metrics.LiveStats;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/**
 * One viewer's replay: its socket, on which it steers a {@link ReplayPlayback} with text messages and gets its frames.
 * The controls are {"action":"pause"|"resume"}, {"action":"speed","speed":N}, {"action":"seek","seq":N} or
 * {"action":"seek","at":SIM_MS} (the drill as it stood at that sim time).
 */
final class ReplaySession {
  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final ReplayPlayback playback;
  private final LiveStats stats;
  private long timerId;

  ReplaySession(Vertx vertx, ServerWebSocket socket, ReplayPlayback playback, LiveStats stats) {
    this.vertx = vertx;
    this.socket = socket;
    this.playback = playback;
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
    send(playback.seek(fromSeq));
    timerId = vertx.setPeriodic(ReplayPlayback.TICK_MS, id -> {
      String frame = playback.tick();
      if (frame != null) {
        send(frame);
      }
    });
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
      case "pause" -> playback.paused(true);
      case "resume" -> playback.paused(false);
      case "speed" -> playback.speed(command.getDouble("speed", playback.speed()));
      case "seek" -> {
        Object at = command.getValue("at");
        Object seq = command.getValue("seq", 1L);
        if (at instanceof Number time) {
          send(playback.seekTo(time.longValue()));
        } else if (at == null && seq instanceof Number number) {
          send(playback.seek(number.longValue()));
        } else {
          // A time of day as text ("14:05") would otherwise fall back to seq 1 and look like a working seek.
          socket.close((short) 1003, "seek takes a number: seq or at");
        }
      }
      default -> socket.close((short) 1003, "unknown replay control");
    }
  }

  private void send(String frame) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(frame);
      stats.frameSent();
    }
  }
}
