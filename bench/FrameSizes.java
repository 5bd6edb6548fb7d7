import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.Deflater;

/**
 * The size of the live stream's frames over one whole drill: one viewer (the JDK's WebSocket, which offers no
 * compression, so frames arrive as written) watches a created drill from its start until it ends. Prints the delta
 * frames' sizes against the snapshot's (the whole view, which every frame was before deltas carried only what
 * changed). The view grows as the drill runs, so it is also read by GET after each delta: their mean is what those
 * whole-view frames weighed on average. And the same frames deflated as permessage-deflate would: each on its own,
 * and as one stream that keeps its context from frame to frame (what browsers and the server negotiate by default).
 * Run from the jar's classpath: java -cp target/drillboard.jar bench/FrameSizes.java PORT TOKEN DRILL
 */
public class FrameSizes {
  /** The drill must show a frame at least this often (opinion is sampled every sim minute), or the run fails. */
  private static final long QUIET_LIMIT_SECONDS = 120;
  private static final int DEFLATE_LEVEL = 6;

  private final List<Integer> deltaBytes = new ArrayList<>();
  private final List<Integer> deltaDeflatedAlone = new ArrayList<>();
  private final List<Integer> deltaDeflatedInStream = new ArrayList<>();
  private final Deflater alone = new Deflater(DEFLATE_LEVEL, true);
  private final Deflater stream = new Deflater(DEFLATE_LEVEL, true);
  private final byte[] deflated = new byte[64 * 1024];
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final List<CompletableFuture<Integer>> viewBytes = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final HttpRequest readView;
  private int snapshotBytes = -1;
  private int snapshotDeflated;
  private String state;
  private volatile long lastFrameAt = System.nanoTime();

  private FrameSizes(HttpRequest readView) {
    this.readView = readView;
  }

  public static void main(String[] args) throws Exception {
    String base = "127.0.0.1:" + args[0];
    String token = args[1];
    String drill = args[2];
    FrameSizes sizes = new FrameSizes(HttpRequest.newBuilder(URI.create("http://" + base + "/api/v1/drills/" + drill))
        .header("Authorization", "Bearer " + token).build());
    HttpClient http = sizes.http;
    http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://" + base + "/api/v1/drills/" + drill + "/live?token=" + token),
            sizes.listener())
        .get(30, TimeUnit.SECONDS);
    HttpResponse<String> started = http.send(HttpRequest.newBuilder(
            URI.create("http://" + base + "/api/v1/drills/" + drill + "/start"))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() / 100 != 2) {
      throw new IllegalStateException("start: " + started.statusCode() + " " + started.body());
    }
    sizes.awaitEnd();
    sizes.print();
    System.exit(0);
  }

  private WebSocket.Listener listener() {
    return new WebSocket.Listener() {
      private final StringBuilder message = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence part, boolean last) {
        message.append(part);
        if (last) {
          onFrame(message.toString());
          message.setLength(0);
        }
        socket.request(1);
        return null;
      }

      @Override
      public void onError(WebSocket socket, Throwable error) {
        ended.completeExceptionally(error);
      }

      @Override
      public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
        ended.completeExceptionally(new IllegalStateException("stream closed: " + status + " " + reason));
        return null;
      }
    };
  }

  private void awaitEnd() throws Exception {
    while (true) {
      try {
        ended.get(1, TimeUnit.SECONDS);
        return;
      } catch (TimeoutException stillRunning) {
        if (System.nanoTime() - lastFrameAt > TimeUnit.SECONDS.toNanos(QUIET_LIMIT_SECONDS)) {
          throw new IllegalStateException("no frame for " + QUIET_LIMIT_SECONDS + " s, state " + state);
        }
      }
    }
  }

  private synchronized void onFrame(String text) {
    lastFrameAt = System.nanoTime();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    JsonObject frame = new JsonObject(text);
    int inStream = deflate(stream, bytes);
    if ("snapshot".equals(frame.getString("type"))) {
      snapshotBytes = bytes.length;
      snapshotDeflated = inStream;
    } else {
      deltaBytes.add(bytes.length);
      deltaDeflatedInStream.add(inStream);
      alone.reset();
      deltaDeflatedAlone.add(deflate(alone, bytes));
      viewBytes.add(http.sendAsync(readView, HttpResponse.BodyHandlers.ofByteArray())
          .thenApply(response -> response.body().length));
    }
    // A delta carries the state only when it changes.
    if (frame.containsKey("state")) {
      state = frame.getString("state");
    }
    if ("ended".equals(state)) {
      ended.complete(null);
    }
  }

  /**
   * The bytes of one message compressed as permessage-deflate does (RFC 7692): flushed with SYNC_FLUSH, without the
   * flush's 4-byte tail, which the extension leaves off the wire.
   */
  private int deflate(Deflater deflater, byte[] message) {
    deflater.setInput(message);
    int total = 0;
    int written;
    do {
      written = deflater.deflate(deflated, 0, deflated.length, Deflater.SYNC_FLUSH);
      total += written;
    } while (written == deflated.length);
    return total - 4;
  }

  private synchronized void print() {
    if (snapshotBytes < 0 || deltaBytes.isEmpty()) {
      throw new IllegalStateException("no snapshot or no delta seen");
    }
    int[] sorted = deltaBytes.stream().mapToInt(Integer::intValue).sorted().toArray();
    double mean = mean(deltaBytes);
    line("delta_frames", deltaBytes.size());
    line("delta_bytes_mean", mean);
    line("delta_bytes_p50", percentile(sorted, 50));
    line("delta_bytes_p95", percentile(sorted, 95));
    line("delta_bytes_max", sorted[sorted.length - 1]);
    line("snapshot_bytes", snapshotBytes);
    System.out.printf(Locale.ROOT, "ratio_mean_delta_over_snapshot=%.3f%n", mean / snapshotBytes);
    List<Integer> views = viewBytes.stream().map(CompletableFuture::join).toList();
    line("whole_view_bytes_mean", mean(views));
    line("whole_view_bytes_max", views.stream().mapToInt(Integer::intValue).max().orElse(0));
    System.out.printf(Locale.ROOT, "ratio_mean_delta_over_mean_whole_view=%.3f%n", mean / mean(views));
    line("deflated_delta_bytes_mean_per_frame", mean(deltaDeflatedAlone));
    line("deflated_delta_bytes_mean_context_takeover", mean(deltaDeflatedInStream));
    line("deflated_snapshot_bytes", snapshotDeflated);
  }

  private static double mean(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).average().orElse(0);
  }

  /** Nearest rank. */
  private static int percentile(int[] sorted, double percent) {
    return sorted[Math.max(0, (int) Math.ceil(percent / 100 * sorted.length) - 1)];
  }

  private static void line(String name, double value) {
    System.out.printf(Locale.ROOT, "%s=%.0f%n", name, value);
  }
}
