package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Browser;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wallboard in a real (headless) Chromium, following a live autopilot drill. */
class WallboardBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);

  private String base() {
    return "http://127.0.0.1:" + server.server().port();
  }

  private String startDrill(int speed) {
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":" + speed + ",\"autopilot\":true,\"seed\":11}")).getString("id");
    http.post("/api/v1/drills/" + id + "/start", director, null);
    return id;
  }

  @Test
  void theWallboardOfARunningDrillShowsTheClockMovingAndEveryPanelFilled() {
    String id = startDrill(1800);
    try (Browser browser = Browser.open()) {
      browser.get(base() + "/?drill=" + id + "&token=" + server.token(Role.OBSERVER));
      browser.await(15, d -> browser.find("#status").getAttribute("data-status").equals("live"));
      String firstClock = browser.find("#sim-clock").getText();
      // At 1800x a wall second is half a sim hour: wait for the 16:00 public statement, so every panel has content.
      browser.await(40, d -> browser.findAll("[data-task=public-statement][data-state=done]").size() == 1
          && browser.findAll("#timeline li[data-type='inject.fired']").size() >= 3);
      assertThat(browser.find("#sim-clock").getText()).isNotEqualTo(firstClock).matches("\\d\\d:\\d\\d:\\d\\d");
      for (String panel : new String[] {"clock", "kpis", "latency", "progress", "opinion", "timeline"}) {
        assertThat(browser.find("[data-panel=" + panel + "]").isDisplayed()).as(panel).isTrue();
      }
      assertThat(browser.findAll("[data-panel=kpis] .kpi")).hasSizeGreaterThanOrEqualTo(5);
      assertThat(browser.findAll("[data-panel=latency] canvas")).isNotEmpty();
      assertThat(browser.findAll("[data-panel=progress] .team-row")).hasSize(5);
      assertThat(browser.find("[data-panel=progress]").getText()).contains("舆情监测与应对小组");
      assertThat(browser.find("#title").getText()).contains("金融消费者重大投诉应急演练");
      browser.screenshot("wallboard");
    }
  }

  @Test
  void theEnglishSwitchTranslatesThePageAndTheScenario() {
    String id = startDrill(60);
    try (Browser browser = Browser.open()) {
      browser.get(base() + "/?drill=" + id + "&token=" + server.token(Role.OBSERVER));
      browser.await(15, d -> browser.findAll("[data-panel=progress] .team-row").size() == 5);
      browser.find("#lang").click();
      browser.await(5, d -> browser.find("[data-panel=progress]").getText().contains("Public Opinion"));
      assertThat(browser.find("[data-panel=timeline] h2").getText()).isEqualTo("Timeline");
      assertThat(browser.find("#lang").getText()).isEqualTo("中文");
      assertThat(browser.find("#status").getText()).isEqualTo("Live");
      browser.screenshot("wallboard-en");
    }
  }

  @Test
  void withoutADrillTheWallboardOffersAPicker() {
    String id = startDrill(60);
    try (Browser browser = Browser.open()) {
      browser.get(base() + "/?token=" + server.token(Role.OBSERVER));
      browser.await(10, d -> browser.findAll("#drill-list a").size() > 0);
      assertThat(browser.findAll("#drill-list a").stream().map(a -> a.getAttribute("href")))
          .anyMatch(href -> href.endsWith("?drill=" + id));
    }
  }
}
