package io.drillboard.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One load run. Events are scheduled at a fixed rate whatever the server does (an open model): each carries its
 * intended send time, and latencies are measured from it, so a stalling server cannot hide its delay behind the
 * requests it prevented (no coordinated omission).
 */
final class LoadRun {
  /**
   * {@code deflate}: the viewers offer permessage-deflate, as browsers do. {@code warmUp}: the first part of the run,
   * over which the rate rises from zero to {@code rate} ({@link LoadSchedule}); its events are sent and acknowledged
   * like the others, but their acknowledgement latencies are not counted.
   */
  record Plan(URI url, String token, String drill, double rate, Duration duration, int batch, int subscribers,
      int connections, Path ackedLog, boolean deflate, Duration warmUp) {
    /** A plan whose viewers, if any, do not offer deflate, and every latency counts. */
    Plan(URI url, String token, String drill, double rate, Duration duration, int batch, int subscribers,
        int connections, Path ackedLog) {
      this(url, token, drill, rate, duration, batch, subscribers, connections, ackedLog, false, Duration.ZERO);
    }
  }

  private static final String TYPE = "load";
  /** Room for one event's line, so that a batch's text is never copied to grow (a line is about 110 characters). */
  private static final int EVENT_CHARS = 128;
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
  private static final int MIN_REQUESTS_PER_TICK = 8;
  private static final byte[] INTENDED_AT = "{\"intendedAt\":".getBytes(StandardCharsets.UTF_8);

  private final Plan plan;
  /**
   * Four times the requests a 1 ms tick is due on average, and at least 8: enough to catch up after a late tick, yet
   * few enough that the loader's own event loop stays responsive. A fixed 8 capped single events near 8,000 a second,
   * and the backlog then read as seconds of acknowledgement latency.
   */
  private final int maxRequestsPerTick;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final Histogram ackLatency = new Histogram(HIGHEST_MICROS, 3);
  private final Histogram endToEnd = new Histogram(HIGHEST_MICROS, 3);
  private final Map<String, Long> failures = new TreeMap<>();
  private long sent;
  private long acknowledged;
  private long acknowledgedMeasured;
  private long inFlight;
  private long lastAck;
  /** Events before this index are the warm-up's: their latency is not counted. */
  private final long firstMeasured;
  private final LoadSchedule schedule;
  private long frames;
  private long frameBytes;
  private int viewersLost;
  private boolean finished;
  private final byte[] runMarker = runMarker(runId);

  LoadRun(Plan plan) {
    this.plan = plan;
    this.schedule = new LoadSchedule(plan.rate(), plan.warmUp().toMillis(), plan.duration().toMillis());
    this.firstMeasured = schedule.dueBy(plan.warmUp().toMillis());
    this.maxRequestsPerTick = Math.max(MIN_REQUESTS_PER_TICK, (int) Math.ceil(4 * plan.rate() / plan.batch() / 1000));
  }

  Summary execute(PrintStream progress) throws Exception {
    Vertx vertx = Vertx.vertx();
    BufferedWriter acked = plan.ackedLog() == null ? null
        : Files.newBufferedWriter(plan.ackedLog(), StandardCharsets.UTF_8);
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setTcpNoDelay(true),
          new PoolOptions().setHttp1MaxSize(plan.connections()).setMaxWaitQueueSize(-1));
      List<WebSocket> viewers = subscribe(vertx);
      long total = schedule.total();
      long start = System.currentTimeMillis() + 100;
      long ticker = vertx.setPeriodic(1, id -> sendDue(client, start, acked));
      long reporter = vertx.setPeriodic(1_000, id -> progress.println(progressLine(start)));
      long deadline = start + plan.duration().toMillis() + 30_000;
      while ((sent < total || inFlight > 0) && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      vertx.cancelTimer(ticker);
      vertx.cancelTimer(reporter);
      // Give the screens a moment to show the last events.
      Thread.sleep(viewers.isEmpty() ? 0 : 2_000);
      synchronized (this) {
        finished = true;
        // Throughput after the warm-up, over the span in which its acknowledgements came (not less than planned).
        long measuredFrom = start + plan.warmUp().toMillis();
        long elapsed = Math.max(1, Math.max(lastAck, start + plan.duration().toMillis()) - measuredFrom);
        Viewers seen = plan.subscribers() == 0 ? null : new Viewers(plan.subscribers(), plan.deflate(), viewersLost,
            frames, frames == 0 ? 0 : frameBytes / frames, endToEnd.copy());
        return new Summary(sent, acknowledged, new TreeMap<>(failures), acknowledgedMeasured * 1000.0 / elapsed,
            ackLatency.copy(), seen);
      }
    } finally {
      if (acked != null) {
        acked.close();
      }
      vertx.close().await();
    }
  }

  /**
   * Sends the events whose intended time has come, in requests of the planned batch size; at most a few requests per
   * tick, so the loader's own event loop stays responsive (late requests still count from their intended time).
   */
  private void sendDue(WebClient client, long start, BufferedWriter acked) {
    long now = System.currentTimeMillis();
    long due = schedule.dueBy(now - start);
    long total = schedule.total();
    int requests = 0;
    while ((sent + plan.batch() <= due || (sent < due && due == total)) && requests++ < maxRequestsPerTick) {
      int count = (int) Math.min(plan.batch(), due - sent);
      long[] intended = new long[count];
      StringBuilder body = new StringBuilder(count * EVENT_CHARS);
      for (int i = 0; i < count; i++) {
        long index = sent + i;
        intended[i] = start + schedule.intendedMillis(index);
        body.append("{\"id\":\"").append(runId).append('-').append(index).append("\",\"type\":\"").append(TYPE)
            .append("\",\"payload\":{\"intendedAt\":").append(intended[i]).append(",\"run\":\"").append(runId)
            .append("\",\"n\":").append(index).append("}}\n");
      }
      long first = sent;
      sent += count;
      synchronized (this) {
        inFlight++;
      }
      post(client, body, count).onComplete(result -> completed(result.succeeded() ? result.result() : null,
          result.cause(), first, intended, acked));
    }
  }

  private Future<HttpResponse<Buffer>> post(WebClient client, StringBuilder body, int count) {
    String base = "/api/v1/drills/" + plan.drill() + "/events";
    boolean single = count == 1 && plan.batch() == 1;
    return client.request(HttpMethod.POST, port(), plan.url().getHost(), single ? base : base + "/batch")
        .bearerTokenAuthentication(plan.token()).timeout(30_000)
        .putHeader("Content-Type", single ? "application/json" : "application/x-ndjson")
        .sendBuffer(Buffer.buffer(single ? body.toString().trim() : body.toString()));
  }

  /** Counts a request's events, which are numbered from {@code first}, as acknowledged or failed. */
  private synchronized void completed(HttpResponse<Buffer> response, Throwable failure, long first, long[] intended,
      BufferedWriter acked) {
    inFlight--;
    long now = System.currentTimeMillis();
    if (response != null && response.statusCode() == 202) {
      acknowledged += intended.length;
      lastAck = now;
      for (int i = 0; i < intended.length; i++) {
        if (first + i >= firstMeasured) {
          acknowledgedMeasured++;
          ackLatency.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, now - intended[i]) * 1000));
        }
        if (acked != null) {
          try {
            acked.write(runId + "-" + (first + i));
            acked.newLine();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return;
    }
    String cause = response != null ? "http-" + response.statusCode()
        : failure instanceof java.util.concurrent.TimeoutException ? "timeout"
        : failure == null ? "unknown" : failure.getClass().getSimpleName();
    failures.merge(cause, (long) intended.length, Long::sum);
  }

  private List<WebSocket> subscribe(Vertx vertx) {
    List<WebSocket> viewers = new ArrayList<>();
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(64 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024)
        .setMaxConnections(Math.max(1, plan.subscribers())).setTryUsePerMessageCompression(plan.deflate()));
    for (int i = 0; i < plan.subscribers(); i++) {
      WebSocket socket = client.connect(new WebSocketConnectOptions().setHost(plan.url().getHost()).setPort(port())
          .setURI("/api/v1/drills/" + plan.drill() + "/live?token=" + plan.token())).await();
      // A server that declined would leave a deflate run measuring uncompressed frames without saying so.
      String extensions = socket.headers().get("Sec-WebSocket-Extensions");
      if (plan.deflate() && (extensions == null || !extensions.contains("permessage-deflate"))) {
        throw new IllegalStateException("--deflate: the server did not accept permessage-deflate");
      }
      socket.handler(this::onFrame);
      socket.closeHandler(v -> onViewerClosed());
      viewers.add(socket);
    }
    return viewers;
  }

  private synchronized void onViewerClosed() {
    if (!finished) {
      viewersLost++;
    }
  }

  /**
   * A frame as the viewer's page gets it (decompressed, when deflate was negotiated). Only the events a frame lists
   * are timed: a delta lists the newest of its range, so the older ones it leaves out (its {@code omitted}) waited up
   * to one frame interval longer than the figures show.
   */
  private void onFrame(Buffer frame) {
    long now = System.currentTimeMillis();
    byte[] bytes = frame.getBytes();
    List<Long> intended = intendedTimes(bytes, runMarker);
    synchronized (this) {
      frames++;
      frameBytes += bytes.length;
      intended.forEach(t -> endToEnd.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, now - t) * 1000)));
    }
  }

  /**
   * The intended send times of one run's events in a frame, found by scanning its bytes for their payloads,
   * {"intendedAt":T,"run":"R",...} (servers write payloads compactly, keys in order). Parsing every frame of thousands
   * of viewers as JSON would make the load tool, not the server, the bottleneck.
   */
  static List<Long> intendedTimes(byte[] bytes, byte[] runMarker) {
    List<Long> intended = new ArrayList<>();
    for (int at = indexOf(bytes, INTENDED_AT, 0); at >= 0; at = indexOf(bytes, INTENDED_AT, at + 1)) {
      int digit = at + INTENDED_AT.length;
      long value = 0;
      while (digit < bytes.length && bytes[digit] >= '0' && bytes[digit] <= '9') {
        value = value * 10 + (bytes[digit++] - '0');
      }
      if (startsWith(bytes, digit, runMarker)) {
        intended.add(value);
      }
    }
    return intended;
  }

  static byte[] runMarker(String runId) {
    return (",\"run\":\"" + runId + "\"").getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from) {
    for (int i = from; i <= bytes.length - pattern.length; i++) {
      if (bytes[i] == pattern[0] && startsWith(bytes, i, pattern)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private int port() {
    return plan.url().getPort() > 0 ? plan.url().getPort() : "https".equals(plan.url().getScheme()) ? 443 : 80;
  }

  private synchronized String progressLine(long start) {
    long seconds = Math.max(0, (System.currentTimeMillis() - start) / 1000);
    return String.format(java.util.Locale.ROOT, "t=%3ds sent=%d acked=%d failed=%d in-flight=%d ack p99=%.1fms%s",
        seconds, sent, acknowledged, failures.values().stream().mapToLong(Long::longValue).sum(), inFlight,
        ackLatency.getValueAtPercentile(99) / 1000.0, plan.subscribers() > 0 ? String.format(java.util.Locale.ROOT,
            " e2e p99=%.1fms", endToEnd.getValueAtPercentile(99) / 1000.0) : "");
  }

  /**
   * What the subscribed viewers saw: how many were lost during the run, the frames (their size decompressed) and
   * their timing.
   */
  record Viewers(int subscribed, boolean deflate, int lost, long frames, long meanFrameBytes, Histogram endToEnd) {
  }

  record Summary(long sent, long acknowledged, Map<String, Long> failed, double throughput, Histogram ack,
      Viewers viewers) {

    JsonObject toJson() {
      JsonObject json = new JsonObject().put("sent", sent).put("acknowledged", acknowledged)
          .put("failed", new JsonObject(new TreeMap<>(failed))).put("throughput", Math.round(throughput))
          .put("ackLatency", percentiles(ack));
      if (viewers != null) {
        json.put("endToEndLatency", percentiles(viewers.endToEnd())).put("subscribers", viewers.subscribed())
            .put("deflate", viewers.deflate()).put("subscribersLost", viewers.lost()).put("frames", viewers.frames())
            .put("meanFrameBytes", viewers.meanFrameBytes());
      }
      return json;
    }

    private static JsonObject percentiles(Histogram h) {
      return new JsonObject().put("count", h.getTotalCount()).put("p50", ms(h.getValueAtPercentile(50)))
          .put("p99", ms(h.getValueAtPercentile(99))).put("p999", ms(h.getValueAtPercentile(99.9)))
          .put("max", ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
      return Math.round(micros / 100.0) / 10.0;
    }

    String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(java.util.Locale.ROOT, "%n%-22s %d%n%-22s %d%n%-22s %s%n%-22s %.0f events/s%n",
          "sent", sent, "acknowledged", acknowledged, "failed", failed.isEmpty() ? "0" : failed, "throughput",
          throughput));
      if (viewers != null) {
        out.append(String.format(java.util.Locale.ROOT, "%-22s %d%s (%d lost), %d frames of %d bytes on average%n",
            "subscribers", viewers.subscribed(), viewers.deflate() ? " offering permessage-deflate" : "",
            viewers.lost(), viewers.frames(), viewers.meanFrameBytes()));
      }
      out.append(String.format("%-22s %10s %10s %10s %10s%n", "latency (ms)", "p50", "p99", "p99.9", "max"));
      out.append(row("ack", ack));
      if (viewers != null) {
        out.append(row("end to end", viewers.endToEnd()));
      }
      return out.toString();
    }

    private static String row(String name, Histogram h) {
      return String.format(java.util.Locale.ROOT, "%-22s %10.1f %10.1f %10.1f %10.1f%n", name,
          ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
          ms(h.getMaxValue()));
    }
  }
}
