package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Http;
import io.drillboard.support.Scrape;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What the crash tests share: a running drill, the load tool in the background, and the check of what was stored. */
final class CrashChecks {
  private CrashChecks() {
  }

  static String runningDrill(Http http, String director) {
    var created = http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\",\"speed\":60}");
    assertThat(created.statusCode()).isEqualTo(201);
    String drillId = http.json(created).getString("id");
    assertThat(http.post("/api/v1/drills/" + drillId + "/start", director, null).statusCode()).isEqualTo(200);
    return drillId;
  }

  static CompletableFuture<LoadRun.Summary> loadInBackground(LoadRun.Plan plan) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new LoadRun(plan).execute(new PrintStream(java.io.OutputStream.nullOutputStream()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /**
   * Group commits so far by {@code statement} ("insert" or "copy"), from the server's /metrics: which path the load
   * took before the crash.
   */
  static double commits(Http http, String statement) {
    return metric(http, "drillboard_event_commit_seconds_count", "statement", statement);
  }

  /** The sum of a metric's samples with the given labels, from the server's /metrics. */
  static double metric(Http http, String name, String... labelPairs) {
    String text = http.client().get("/metrics").send().await().bodyAsString();
    return new Scrape(text).find(name, labelPairs).stream().mapToDouble(Scrape.Sample::value).sum();
  }

  /** Every acknowledged id is stored exactly once, seqs run from 1 without a gap, and the drill still runs. */
  static void assertNothingAcknowledgedLost(Http http, String drillId, String director, Path ackedLog)
      throws IOException {
    Set<String> acked = new HashSet<>(Files.readAllLines(ackedLog));
    Set<String> stored = new HashSet<>();
    long expectedSeq = 1;
    long after = 0;
    boolean more = true;
    while (more) {
      JsonObject page = http.json(http.get("/api/v1/drills/" + drillId + "/events?after=" + after + "&limit=10000",
          director));
      for (Object e : page.getJsonArray("events")) {
        JsonObject event = (JsonObject) e;
        assertThat(event.getLong("seq")).as("seqs without a gap").isEqualTo(expectedSeq++);
        if ("load".equals(event.getString("type"))) {
          assertThat(stored.add(event.getString("id"))).as("stored once: " + event.getString("id")).isTrue();
        }
      }
      more = page.getBoolean("more");
      after = page.getLong("next");
    }
    assertThat(acked).as("acknowledged events").isNotEmpty();
    assertThat(stored).containsAll(acked);
    assertThat(http.json(http.get("/api/v1/drills/" + drillId, director)).getString("state")).isEqualTo("running");
  }
}
