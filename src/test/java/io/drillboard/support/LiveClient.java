package io.drillboard.support;

import io.drillboard.view.LiveFrames;
import io.drillboard.view.ViewPatch;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A viewer of the live stream for tests: every frame it receives, with the time it arrived and the drill as the viewer
 * holds it after the frame (its snapshot with every delta's patch applied, as the pages do).
 */
public final class LiveClient implements AutoCloseable {
  /** @param view the drill after this frame; null until the first snapshot */
  public record Received(JsonObject frame, long arrivedAt, JsonObject view) {
  }

  /** Touched on the socket's event loop only. */
  private JsonObject held;

  private final Vertx vertx = Vertx.vertx();
  private final BlockingQueue<Received> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closeStatus = new CompletableFuture<>();
  private WebSocket socket;

  /** Connects to {@code path} (with its query); returns the HTTP status of a refused handshake, or 101. */
  public int connect(int port, String path) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(16 * 1024 * 1024)
        .setMaxMessageSize(64 * 1024 * 1024));
    try {
      // The handler is set on the event loop as the socket opens: set after await(), it could miss the first frame.
      socket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path))
          .andThen(opened -> {
            if (opened.succeeded()) {
              WebSocket ws = opened.result();
              ws.textMessageHandler(text -> frames.add(received(new JsonObject(text))));
              ws.closeHandler(v -> closeStatus.complete(ws.closeStatusCode()));
            }
          }).await();
    } catch (UpgradeRejectedException rejected) {
      return rejected.getStatus();
    }
    return 101;
  }

  private Received received(JsonObject frame) {
    long arrivedAt = System.currentTimeMillis();
    if ("snapshot".equals(frame.getString("type"))) {
      held = frame.copy();
      held.remove("type");
    } else if (held != null) {
      ViewPatch.apply(held, LiveFrames.patchOf(frame));
    }
    return new Received(frame, arrivedAt, held == null ? null : held.copy());
  }

  /** The next frame, or fails after {@code seconds}. */
  public Received next(int seconds) throws InterruptedException {
    Received received = poll(seconds);
    if (received == null) {
      throw new AssertionError("no frame within " + seconds + " s");
    }
    return received;
  }

  /** The next frame, or null when none comes within {@code seconds}. */
  public Received poll(int seconds) throws InterruptedException {
    return frames.poll(seconds, TimeUnit.SECONDS);
  }

  /** Sends a text message, such as a replay control. */
  public void send(String text) {
    socket.writeTextMessage(text).await();
  }

  /** The status code the server closed the socket with, or fails after {@code seconds}. */
  public short closedWith(int seconds) throws Exception {
    return closeStatus.get(seconds, TimeUnit.SECONDS);
  }

  /** Stops reading from the socket, as a frozen screen would. */
  public void pause() {
    socket.pause();
  }

  public void resume() {
    socket.resume();
  }

  @Override
  public void close() {
    // Close the socket first: a Vert.x instance closed under an open WebSocket waits out the close handshake.
    if (socket != null && !socket.isClosed()) {
      socket.close().await();
    }
    vertx.close().await();
  }
}
