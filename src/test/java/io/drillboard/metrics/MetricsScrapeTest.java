package io.drillboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.LiveClient;
import io.drillboard.support.RunningServer;
import io.drillboard.support.Scrape;
import io.drillboard.support.Scrape.Sample;
import io.drillboard.support.TestServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /metrics after an autopilot drill, read as text the way a user's Prometheus reads it. */
class MetricsScrapeTest {
  private static final Set<String> TEAMS = Set.of("leadership", "coordination", "comfort", "opinion", "business");
  private static final Set<String> ALLOWED_LABELS = Set.of("application", "node", "drill", "team", "platform",
      "sentiment", "state", "type", "statement", "le", "method", "code");

  /** A short retention, so the test can see an ended drill's series go. */
  @RegisterExtension
  static final RunningServer server = RunningServer.with(() -> TestServer.config()
      .withMetricsRetention(Duration.ofSeconds(3)));

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);

  @Test
  void theScrapeAfterAnAutopilotDrillHoldsEveryMetricWithSensibleValues() throws InterruptedException {
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":9}")).getString("id");
    try (LiveClient viewer = new LiveClient()) {
      viewer.connect(server.server().port(), "/api/v1/drills/" + id + "/live?token=" + director);
      http.post("/api/v1/drills/" + id + "/events/batch", director, "[{\"type\":\"message\"},{\"type\":\"message\"}]");
      http.post("/api/v1/drills/" + id + "/start", director, null);
      JsonObject drill = viewer.next(5).view();
      while (!drill.getString("state").equals("ended")) {
        drill = viewer.next(20).view();
      }
      Scrape scrape = scrape();
      assertThat(scrape.value("drillboard_ws_clients", "drill", id)).isEqualTo(1);
      assertThat(scrape.value("drillboard_ws_frames_sent_total")).isGreaterThan(10);
      assertThat(scrape.value("drillboard_ws_frames_dropped_total")).isZero();

      assertThat(scrape.value("drillboard_drill_state", "drill", id, "state", "ended")).isEqualTo(1);
      assertThat(scrape.value("drillboard_drill_state", "drill", id, "state", "running")).isZero();
      assertThat(scrape.value("drillboard_drill_sim_time_seconds", "drill", id)).isEqualTo(18 * 3600);
      assertThat(scrape.value("drillboard_injects_fired_total", "drill", id)).isEqualTo(5);
      assertThat(scrape.value("drillboard_events_ingested_total", "drill", id, "type", "task.completed")).isEqualTo(7);
      assertThat(scrape.value("drillboard_events_ingested_total", "drill", id, "type", "message")).isEqualTo(2);
      assertThat(scrape.value("drillboard_events_ingested_total", "drill", id, "type", "opinion.sampled"))
          .isEqualTo(8 * 60);
      for (String team : TEAMS) {
        assertThat(scrape.value("drillboard_team_progress_ratio", "drill", id, "team", team)).as(team).isEqualTo(1);
        assertThat(scrape.value("drillboard_tasks", "drill", id, "team", team, "state", "pending")).isZero();
        assertThat(scrape.value("drillboard_tasks", "drill", id, "team", team, "state", "done")).isPositive();
        assertThat(scrape.value("drillboard_response_latency_seconds_count", "drill", id, "team", team)).isPositive();
        assertThat(scrape.value("drillboard_completion_latency_seconds_count", "drill", id, "team", team))
            .isPositive();
      }
      // Leadership activated the plan 10 sim minutes after detection and met 30 minutes after it: 40 min in all.
      assertThat(scrape.value("drillboard_completion_latency_seconds_sum", "drill", id, "team", "leadership"))
          .isEqualTo(600 + 1800);
      assertThat(scrape.value("drillboard_completion_latency_seconds_bucket", "drill", id, "team", "leadership",
          "le", "900.0")).isEqualTo(1);
      assertThat(scrape.value("drillboard_tasks_overdue", "drill", id, "team", "opinion")).isEqualTo(1);
      assertThat(scrape.value("drillboard_tasks_overdue", "drill", id, "team", "leadership")).isZero();
      double posts = scrape.find("drillboard_opinion_posts_total", "drill", id).stream().mapToDouble(Sample::value)
          .sum();
      assertThat(posts).isEqualTo(drill.getJsonObject("opinion").getLong("total").doubleValue());
      assertThat(scrape.find("drillboard_opinion_volume", "drill", id)).extracting(s -> s.labels().get("platform"))
          .containsExactlyInAnyOrder("wechat", "weibo", "douyin");
      assertThat(scrape.value("drillboard_event_commit_seconds_count", "statement", "insert")).isPositive();
      assertThat(scrape.value("drillboard_event_commit_seconds_count", "statement", "copy"))
          .as("an autopilot drill commits a few events at a time: never a COPY").isZero();
      assertThat(scrape.find("drillboard_event_commit_seconds_bucket")).isNotEmpty();
      assertThat(scrape.value("drillboard_ingest_queue_depth")).isGreaterThanOrEqualTo(0);
      assertThat(scrape.value("drillboard_drills_owned")).as("drills running on this server").isPositive();
      for (Sample sample : scrape.samples()) {
        if (sample.name().startsWith("drillboard_")) {
          assertThat(ALLOWED_LABELS).as(sample.toString()).containsAll(sample.labels().keySet());
          assertThat(sample.labels()).containsEntry("application", "drillboard").containsEntry("node", "test");
        }
      }
      assertThat(scrape.find("jvm_memory_used_bytes")).isNotEmpty();
      assertThat(scrape.value("drillboard_http_requests_total", "method", "POST", "code", "202"))
          .as("the batch accepted").isPositive();
      assertThat(scrape.find("vertx_eventbus_processed_total")).isNotEmpty();
      assertThat(scrape.find("vertx_pool_in_use")).isNotEmpty();
      assertThat(scrape.samples()).noneMatch(s -> s.labels().getOrDefault("address", "").contains(id));
    }
    // The viewer left, and past the retention time the ended drill's series are gone.
    Eventually.await("the ended drill's series gone", Duration.ofSeconds(15), Duration.ofMillis(200), this::scrape,
        later -> later.samples().stream().noneMatch(s -> id.equals(s.labels().get("drill"))));
  }

  private Scrape scrape() {
    var response = http.get("/metrics", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
    return new Scrape(response.bodyAsString());
  }
}
