package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.SimTime;
import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.SeedTimeline;
import io.drillboard.support.TestClock;
import io.drillboard.support.TestServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A server restarted on the same database keeps every drill and event, and running drills go on. */
class RestartTest {

  @Test
  void aRunningDrillResumesAtTheRightSimTimeAndItsSeqsContinue() {
    TestClock clock = TestClock.running();
    Duration downtime = Duration.ofSeconds(5);
    String drillId;
    long simBefore;
    long seqBefore;
    long wallBefore;
    try (TestServer first = TestServer.start(clock); Http http = new Http(first.port())) {
      String director = first.token(Role.DIRECTOR);
      drillId = http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\",\"speed\":60}"))
          .getString("id");
      http.post("/api/v1/drills/" + drillId + "/start", director, null);
      seqBefore = http.json(http.post("/api/v1/drills/" + drillId + "/events", director,
          "{\"id\":\"before\",\"type\":\"message\"}")).getLong("seq");
      wallBefore = clock.millis();
      simBefore = http.drillAtLeast(drillId, director, seqBefore).getLong("simTime");
    }
    // What is under test: wall time passes while no server runs, and the drill's clock counts it.
    clock.advance(downtime);
    try (TestServer second = TestServer.start(clock); Http http = new Http(second.port())) {
      String director = second.token(Role.DIRECTOR);
      JsonObject drills = http.json(http.get("/api/v1/drills", director));
      assertThat(drills.getJsonArray("drills").stream().map(d -> ((JsonObject) d).getString("id"))).contains(drillId);
      JsonObject snapshot = http.json(http.get("/api/v1/drills/" + drillId, director));
      long elapsedSim = (clock.millis() - wallBefore) * 60;
      assertThat(snapshot.getString("state")).isEqualTo("running");
      assertThat(snapshot.getLong("seq")).isEqualTo(seqBefore);
      // The clock kept its anchor: sim time went on while the server was down, at speed 60.
      assertThat(snapshot.getLong("simTime")).isBetween(simBefore + downtime.toMillis() * 60, simBefore + elapsedSim);
      JsonObject again = http.json(http.post("/api/v1/drills/" + drillId + "/events", director,
          "{\"id\":\"before\",\"type\":\"message\"}"));
      assertThat(again.getBoolean("duplicate")).isTrue();
      JsonObject next = http.json(http.post("/api/v1/drills/" + drillId + "/events", director,
          "{\"id\":\"after\",\"type\":\"message\"}"));
      assertThat(next.getLong("seq")).isEqualTo(seqBefore + 1);
    }
  }

  @Test
  void anAutopilotDrillInterruptedByARestartStillPlaysTheSeedExactly() throws InterruptedException {
    String drillId;
    try (TestServer first = TestServer.start(); Http http = new Http(first.port())) {
      String director = first.token(Role.DIRECTOR);
      drillId = http.json(http.post("/api/v1/drills", director,
          "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":5}")).getString("id");
      http.post("/api/v1/drills/" + drillId + "/start", director, null);
      // Interrupted mid-drill, after the activation's steps (11:10) and before the statement's.
      Eventually.await("the drill past 12:00", Duration.ofSeconds(30),
          () -> http.json(http.get("/api/v1/drills/" + drillId, director)),
          drill -> drill.getLong("simTime") >= 12 * SimTime.HOUR);
    }
    try (TestServer second = TestServer.start(); Http http = new Http(second.port())) {
      String director = second.token(Role.DIRECTOR);
      Eventually.drillEnded(http, drillId, director);
      JsonArray events = http.json(http.get("/api/v1/drills/" + drillId + "/events?limit=10000", director))
          .getJsonArray("events");
      Map<String, String> completions = events.stream().map(e -> (JsonObject) e)
          .filter(e -> e.getString("type").equals("task.completed"))
          .collect(Collectors.toMap(e -> e.getJsonObject("payload").getString("taskId"), e -> e.getString("sim")));
      assertThat(completions).isEqualTo(SeedTimeline.DONE_AT);
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.getJsonObject(i).getLong("seq")).isEqualTo(i + 1L);
      }
    }
  }

  /**
   * The second built-in scenario runs from 09:30 to D2 12:00. At 60x a sim hour is a wall minute: the test moves its
   * clock past midnight, stops the server, moves on to the second morning and starts another.
   */
  @Test
  void aDrillPastMidnightResumesAfterARestartOnItsSecondDay() throws InterruptedException {
    TestClock clock = TestClock.running();
    String drillId;
    try (TestServer first = TestServer.start(clock); Http http = new Http(first.port())) {
      String director = first.token(Role.DIRECTOR);
      drillId = http.json(http.post("/api/v1/drills", director,
          "{\"scenarioId\":\"card-outage-holiday\",\"speed\":60}")).getString("id");
      http.post("/api/v1/drills/" + drillId + "/start", director, null);
      clock.advance(Duration.ofMinutes(15));
      long seq = http.json(http.post("/api/v1/drills/" + drillId + "/events", director,
          "{\"id\":\"after-midnight\",\"type\":\"message\"}")).getLong("seq");
      JsonObject night = http.drillAtLeast(drillId, director, seq);
      assertThat(night.getLong("simTime")).as("past midnight").isGreaterThanOrEqualTo(SimTime.DAY);
      assertThat(night.getString("sim")).startsWith("D2 00:");
    }
    clock.advance(Duration.ofMinutes(9));
    try (TestServer second = TestServer.start(clock); Http http = new Http(second.port())) {
      String director = second.token(Role.DIRECTOR);
      JsonObject morning = Eventually.await("the drill caught up to its second morning", Duration.ofSeconds(30),
          () -> http.json(http.get("/api/v1/drills/" + drillId, director)),
          drill -> drill.getLong("simTime") >= SimTime.DAY + 9 * SimTime.HOUR);
      assertThat(morning.getString("state")).isEqualTo("running");
      assertThat(morning.getString("sim")).startsWith("D2 09:");
      JsonArray events = http.json(http.get("/api/v1/drills/" + drillId + "/events?limit=10000", director))
          .getJsonArray("events");
      Map<String, String> fired = events.stream().map(e -> (JsonObject) e)
          .filter(e -> e.getString("type").equals("inject.fired"))
          .collect(Collectors.toMap(e -> e.getJsonObject("payload").getString("injectId"), e -> e.getString("sim")));
      assertThat(fired).containsEntry("outage", "09:30:00").containsEntry("next-day", "D2 09:00:00");
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.getJsonObject(i).getLong("seq")).isEqualTo(i + 1L);
      }
    }
  }
}
