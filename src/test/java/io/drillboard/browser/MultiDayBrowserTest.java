package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.SimTime;
import io.drillboard.support.Browser;
import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The card-outage scenario on its second morning, in a real (headless) Chromium: the wall and the console say the day
 * beside the time, in both languages, and the timeline's times carry it.
 */
class MultiDayBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static String director;
  private static String drillId;

  /** At 3600x the drill reaches its second morning in about 25 wall seconds. */
  @BeforeAll
  static void aDrillOnItsSecondDay() throws InterruptedException {
    Http http = server.http();
    director = server.token(Role.DIRECTOR);
    drillId = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"card-outage-holiday\",\"speed\":3600,\"autopilot\":true,\"seed\":3}")).getString("id");
    http.post("/api/v1/drills/" + drillId + "/start", director, null);
    Eventually.await("the drill on its second morning", Duration.ofSeconds(60),
        () -> http.json(http.get("/api/v1/drills/" + drillId, director)).getLong("simTime"),
        sim -> sim > SimTime.DAY + 10 * SimTime.HOUR + 5 * SimTime.MINUTE);
    http.post("/api/v1/drills/" + drillId + "/pause", director, null);
  }

  private String page(String path, String language) {
    return "http://127.0.0.1:" + server.server().port() + path + "?drill=" + drillId + "&lang=" + language
        + "&token=" + director;
  }

  @Test
  void theWallSaysTheDayBesideTheTimeInBothLanguages() {
    try (Browser wall = Browser.open()) {
      wall.resize(1920, 1080);
      wall.get(page("/", "zh"));
      wall.await(20, d -> wall.text("#sim-clock").startsWith("第2天") && !wall.findAll("#timeline .when").isEmpty());
      assertThat(wall.text("#sim-clock .clock-day")).isEqualTo("第2天");
      assertThat(wall.findAll("#timeline .when")).anySatisfy(when -> assertThat(when.getText()).startsWith("第2天 "));
      wall.screenshot("wall-day2-zh-1920");
      wall.resize(1280, 720);
      wall.screenshot("wall-day2-zh-1280");
      wall.get(page("/", "en"));
      wall.await(20, d -> wall.text("#sim-clock").startsWith("Day 2"));
      wall.resize(1920, 1080);
      wall.screenshot("wall-day2-en-1920");
    }
  }

  @Test
  void theConsoleAndTheTeamDeskSayTheDayToo() {
    try (Browser console = Browser.open()) {
      console.resize(1920, 1080);
      console.get(page("/console.html", "zh"));
      console.await(20, d -> console.text("#sim-clock").startsWith("第2天"));
      assertThat(console.text("#injects tr[data-inject=next-day] .fired")).isEqualTo("第2天 09:00:00");
      console.screenshot("console-day2-zh");
      console.resize(390, 844);
      console.get(page("/team.html", "en") + "&team=service");
      console.await(20, d -> console.text("#sim-clock").startsWith("Day 2"));
      console.screenshot("team-day2-en-phone");
    }
  }
}
