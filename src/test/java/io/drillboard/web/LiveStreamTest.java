package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.config.ServerConfig;
import io.drillboard.support.Http;
import io.drillboard.support.LiveClient;
import io.drillboard.support.LiveClient.Received;
import io.drillboard.support.RunningServer;
import io.drillboard.support.Scrape;
import io.drillboard.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live stream: a snapshot, then contiguous deltas; resume without gap or repeat; slow viewers skipped. */
class LiveStreamTest {
  /** A small write queue, so that a viewer who stops reading falls behind within seconds. */
  @RegisterExtension
  static final RunningServer server = RunningServer.with(() -> TestServer.config()
      .withLive(new ServerConfig.Live(64 * 1024, ServerConfig.Live.DEFAULT_DEFLATE)));

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);
  private final String observer = server.token(Role.OBSERVER);

  private String newDrill(String options) {
    return http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\"," + options + "}"))
        .getString("id");
  }

  private String live(String drillId, String query) {
    return "/api/v1/drills/" + drillId + "/live?token=" + observer + query;
  }

  @Test
  void aViewerGetsASnapshotThenContiguousDeltasThroughAWholeDrill() throws InterruptedException {
    String id = newDrill("\"speed\":3600,\"autopilot\":true,\"seed\":3");
    try (LiveClient viewer = new LiveClient()) {
      assertThat(viewer.connect(server.server().port(), live(id, ""))).isEqualTo(101);
      JsonObject first = viewer.next(20).frame();
      assertThat(first.getString("type")).isEqualTo("snapshot");
      assertThat(first.getJsonArray("teams")).hasSize(5);
      assertThat(first.getJsonObject("labels").getJsonObject("channels").getJsonObject("internal").getString("name"))
          .isEqualTo("内部报告");
      http.post("/api/v1/drills/" + id + "/start", director, null);
      long seq = first.getLong("seq");
      JsonObject drill = first;
      while (!drill.getString("state").equals("ended")) {
        Received received = viewer.next(20);
        JsonObject delta = received.frame();
        assertThat(delta.getString("type")).isEqualTo("delta");
        assertThat(delta.getLong("fromSeq")).isEqualTo(seq + 1);
        assertThat(delta.getLong("toSeq")).isGreaterThanOrEqualTo(delta.getLong("fromSeq"));
        assertThat(delta.getJsonArray("events").size() + delta.getInteger("omitted"))
            .isEqualTo((int) (delta.getLong("toSeq") - delta.getLong("fromSeq") + 1));
        assertThat(delta.containsKey("labels")).as("static display names, sent once with the snapshot").isFalse();
        seq = delta.getLong("toSeq");
        drill = received.view();
      }
      // The viewer's drill, patched frame by frame, is the drill the server serves.
      JsonObject served = http.json(http.get("/api/v1/drills/" + id, director));
      assertThat(seq).isEqualTo(served.getLong("seq"));
      served.getJsonObject("clock").remove("wallNow");
      drill.getJsonObject("clock").remove("wallNow");
      assertThat(drill).isEqualTo(served);
      JsonObject last = drill;
      assertThat(last.getJsonObject("kpis").getInteger("done")).isEqualTo(7);
    }
  }

  @Test
  void resumingAfterASeqLosesAndRepeatsNothing() throws InterruptedException {
    String id = newDrill("\"speed\":1");
    http.post("/api/v1/drills/" + id + "/start", director, null);
    long resumeAfter;
    try (LiveClient viewer = new LiveClient()) {
      assertThat(viewer.connect(server.server().port(), live(id, ""))).isEqualTo(101);
      resumeAfter = viewer.next(20).frame().getLong("seq");
    }
    long lastSeq = 0;
    for (int batch = 0; batch < 3; batch++) {
      lastSeq = http.json(http.post("/api/v1/drills/" + id + "/events/batch", director, events(1_500, 10)))
          .getLong("lastSeq");
    }
    try (LiveClient viewer = new LiveClient()) {
      assertThat(viewer.connect(server.server().port(), live(id, "&after=" + resumeAfter))).isEqualTo(101);
      List<Long> seqs = new ArrayList<>();
      long covered = resumeAfter;
      while (covered < lastSeq) {
        JsonObject frame = viewer.next(20).frame();
        assertThat(frame.getString("type")).isEqualTo("delta");
        assertThat(frame.getLong("fromSeq")).isEqualTo(covered + 1);
        assertThat(frame.getInteger("omitted")).isZero();
        assertThat(frame.containsKey("labels")).isFalse();
        frame.getJsonArray("events").forEach(e -> seqs.add(((JsonObject) e).getLong("seq")));
        covered = frame.getLong("toSeq");
      }
      assertThat(seqs).hasSize((int) (lastSeq - resumeAfter)).doesNotHaveDuplicates().isSorted();
      assertThat(seqs.get(0)).isEqualTo(resumeAfter + 1);
      http.post("/api/v1/drills/" + id + "/events", director, "{\"type\":\"message\"}");
      JsonObject live = viewer.next(20).frame();
      assertThat(live.getLong("fromSeq")).isEqualTo(lastSeq + 1);
    }
  }

  @Test
  void aViewerThatStopsReadingDelaysNoOneAndGetsASnapshotWhenItDrains() throws InterruptedException {
    String id = newDrill("\"speed\":1");
    http.post("/api/v1/drills/" + id + "/start", director, null);
    try (LiveClient frozen = new LiveClient(); LiveClient watching = new LiveClient()) {
      assertThat(frozen.connect(server.server().port(), live(id, ""))).isEqualTo(101);
      assertThat(watching.connect(server.server().port(), live(id, ""))).isEqualTo(101);
      frozen.next(20);
      long seq = watching.next(20).frame().getLong("seq");
      frozen.pause();
      String heavy = events(500, 4_000);
      double droppedBefore = droppedFrames();
      // The kernel's socket buffers take megabytes before the server's queue for the frozen viewer fills: go on until
      // the server has skipped it (frames dropped), whatever the buffers' size.
      for (int batch = 0; batch < 40 || (droppedFrames() == droppedBefore && batch < 400); batch++) {
        long target = http.json(http.post("/api/v1/drills/" + id + "/events/batch", director, heavy))
            .getLong("lastSeq");
        while (seq < target) {
          Received received = watching.next(20);
          assertThat(received.frame().getLong("fromSeq")).isEqualTo(seq + 1);
          seq = received.frame().getLong("toSeq");
        }
      }
      // The watching viewer got every frame, contiguous, while the other sat on a full queue.
      assertThat(droppedFrames()).as("frames skipped for the frozen viewer").isGreaterThan(droppedBefore);
      assertThat(seq).isEqualTo(http.drillAtLeast(id, director, seq).getLong("seq"));
      frozen.resume();
      boolean resynchronised = false;
      for (int i = 0; i < 200 && !resynchronised; i++) {
        resynchronised = frozen.next(10).frame().getString("type").equals("snapshot");
      }
      assertThat(resynchronised).as("a fresh snapshot once the frozen viewer drained").isTrue();
    }
  }

  @Test
  void badTokensAndUnknownDrillsAreRefusedAtTheHandshake() {
    String id = newDrill("\"speed\":1");
    try (LiveClient viewer = new LiveClient()) {
      assertThat(viewer.connect(server.server().port(), "/api/v1/drills/" + id + "/live")).isEqualTo(401);
      assertThat(viewer.connect(server.server().port(), "/api/v1/drills/" + id + "/live?token=x.y.z")).isEqualTo(401);
      assertThat(viewer.connect(server.server().port(), live("dxxxxxxxxxxx", ""))).isEqualTo(404);
      assertThat(viewer.connect(server.server().port(), live(id, "&after=99999"))).isEqualTo(400);
    }
  }

  private double droppedFrames() {
    return new Scrape(http.get("/metrics", null).bodyAsString()).value("drillboard_ws_frames_dropped_total");
  }

  private static String events(int count, int payloadBytes) {
    String text = "舆".repeat(payloadBytes / 3);
    StringBuilder ndjson = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      ndjson.append(i == 0 ? "" : ",").append("{\"type\":\"message\",\"payload\":{\"text\":\"").append(text)
          .append("\"}}");
    }
    return ndjson.append("]").toString();
  }
}
