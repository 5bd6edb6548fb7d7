package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drillboard.config.ServerConfig.TokenTrust;
import io.drillboard.support.Browser;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import io.drillboard.web.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.TimeoutException;

/**
 * The observers' wallboard in a real (headless) Chromium, as a room sees it: readable at every wall size, every team
 * and criterion on screen, each state of a drill, both languages, and bad links that say what to do.
 */
class WallboardBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  /** A projector, a 1080p wall and a 4K television. */
  private static final int[][] SCREENS = {{1280, 720}, {1920, 1080}, {3840, 2160}};
  /** At 1920x1080; other sizes scale by width, as the page does. */
  private static final double TEXT_PX = 24;
  private static final double HEADLINE_PX = 64;
  private static final double CHART_PX = 18;

  /**
   * Measures what a viewer sees: visible text that overflows its box (ellipsis included), the smallest text, the
   * smallest headline figure, the chart's text size, and which of the given teams and criteria are not wholly on
   * screen.
   */
  private static final String MEASURE = """
      const [teams, criteria] = arguments;
      const visible = (e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[hidden]');
      };
      const texts = [...document.querySelectorAll('body *')].filter((e) => visible(e)
        && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
      const size = (e) => parseFloat(getComputedStyle(e).fontSize);
      const onScreen = (e) => {
        if (!e || !visible(e)) return false;
        const r = e.getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
      };
      const headlines = [...document.querySelectorAll('.kpi .value, .clock .big')].filter(visible);
      return {
        overflowing: texts.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
          .map((e) => e.textContent.trim().slice(0, 60)),
        smallest: Math.min(...texts.map(size)),
        headline: Math.min(...headlines.map(size)),
        chart: Number(document.getElementById('opinion-chart').dataset.fontPx || 0),
        teamsOff: teams.filter((id) => !onScreen(document.querySelector(`#teams [data-team="${id}"]`))),
        criteriaOff: criteria.filter((id) => !onScreen(document.querySelector(`#criteria [data-criterion="${id}"]`))),
      };
      """;

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);
  private final String observer = server.token(Role.OBSERVER);

  private String base() {
    return "http://127.0.0.1:" + server.server().port();
  }

  private String createDrill(String scenarioId, int speed) {
    return http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"" + scenarioId + "\",\"speed\":" + speed
        + ",\"autopilot\":true,\"seed\":11}")).getString("id");
  }

  private String startDrill(String scenarioId, int speed) {
    String id = createDrill(scenarioId, speed);
    http.post("/api/v1/drills/" + id + "/start", director, null);
    return id;
  }

  private JsonObject drill(String id) {
    return http.json(http.get("/api/v1/drills/" + id, observer));
  }

  private static List<String> ids(JsonArray items) {
    return items.stream().map(item -> ((JsonObject) item).getString("id")).toList();
  }

  private String wall(String id) {
    return base() + "/?drill=" + id + "&token=" + observer;
  }

  /** The wall at each screen size: nothing cut, big enough, every team and criterion there; a screenshot of each. */
  @SuppressWarnings("unchecked")
  private void assertReadableEverywhere(Browser browser, String drillId, String name) {
    JsonObject drill = drill(drillId);
    List<String> teams = ids(drill.getJsonArray("teams"));
    List<String> criteria = ids(drill.getJsonArray("criteria"));
    for (int[] screen : SCREENS) {
      browser.resize(screen[0], screen[1]);
      double scale = screen[0] / 1920.0;
      browser.await(10, d -> ((Number) browser.script("return innerWidth;")).intValue() == screen[0]
          && Math.abs(Double.parseDouble(browser.find("#opinion-chart").getAttribute("data-font-px"))
              - Math.round(19.2 * scale)) <= 1);
      Map<String, Object> seen = (Map<String, Object>) browser.script(MEASURE, teams, criteria);
      String at = name + " at " + screen[0] + "x" + screen[1];
      assertThat((List<String>) seen.get("overflowing")).as(at + ": text cut off").isEmpty();
      assertThat(((Number) seen.get("smallest")).doubleValue()).as(at + ": smallest text").isGreaterThanOrEqualTo(TEXT_PX * scale);
      assertThat(((Number) seen.get("headline")).doubleValue()).as(at + ": headline figures")
          .isGreaterThanOrEqualTo(HEADLINE_PX * scale);
      assertThat(((Number) seen.get("chart")).doubleValue()).as(at + ": chart text").isGreaterThanOrEqualTo(CHART_PX * scale);
      assertThat((List<String>) seen.get("teamsOff")).as(at + ": teams not on screen").isEmpty();
      assertThat((List<String>) seen.get("criteriaOff")).as(at + ": criteria not on screen").isEmpty();
      browser.screenshot(name + "-" + screen[0] + "x" + screen[1]);
    }
    browser.resize(1920, 1080);
  }

  @Test
  void theSeedDrillReadsFromAcrossTheRoomOnEveryScreenInBothLanguages() {
    String id = startDrill("major-complaint", 1800);
    try (Browser browser = Browser.open()) {
      browser.get(wall(id));
      // At 1800x the public statement (16:00) comes after 14 s; then 60x leaves two minutes to look before the end.
      browser.await(60, d -> browser.findAll("[data-task=public-statement][data-state=done]").size() == 1);
      http.call(HttpMethod.PUT, "/api/v1/drills/" + id + "/speed", director, "{\"speed\":60}");
      assertThat(browser.find("#sim-clock").getText()).matches("1[67]:\\d\\d:\\d\\d");
      assertThat(browser.find("#status").getAttribute("data-status")).isEqualTo("live");
      assertThat(browser.findAll("#timeline li")).isNotEmpty();
      assertThat(browser.findAll("#timeline li[data-type^='drill.paused'], #timeline li[data-type^='drill.speed']")).isEmpty();
      assertReadableEverywhere(browser, id, "wallboard-zh");
      browser.screenshot("wallboard");

      browser.find("#lang").click();
      browser.await(5, d -> browser.find("[data-panel=progress] h2").getText().equals("Team progress"));
      // The language switch names Chinese in Chinese, as language switches do; everything else must be English.
      String text = (String) browser.script("const lang = document.getElementById('lang'); lang.hidden = true;"
          + "const text = document.body.innerText; lang.hidden = false; return text;");
      assertThat(text).as("English mode shows no Chinese: the seed has an English twin for all its text")
          .doesNotContainPattern("[\\u3400-\\u9fff\\uff00-\\uffef]");
      assertThat(text).contains("WeChat").doesNotContain("wechat");
      browser.screenshot("wallboard-en");
    }
  }

  @Test
  void anEightTeamDrillShowsEveryTeamAndCriterionOnEveryScreen() {
    http.call(HttpMethod.POST, "/api/v1/scenarios", director, resource("scenarios/wall-eight-teams.yaml"),
        "application/yaml");
    String id = startDrill("wall-eight-teams", 300);
    try (Browser browser = Browser.open()) {
      browser.get(wall(id));
      browser.await(30, d -> !browser.findAll("#board:not([hidden])").isEmpty()
          && browser.findAll("#teams [data-state=done]").size() >= 2);
      assertThat(browser.findAll("#teams .team")).hasSize(8);
      assertThat(browser.findAll("#criteria .criterion")).hasSize(9);
      assertThat(browser.findAll("#opinion-platforms li")).hasSize(5);
      assertReadableEverywhere(browser, id, "wallboard-8-teams");
    }
  }

  @Test
  void aDrillNotYetStartedShowsItsScriptAndFirstInject() {
    String id = createDrill("major-complaint", 60);
    try (Browser browser = Browser.open()) {
      browser.get(wall(id));
      browser.await(10, d -> !browser.findAll("#preview:not([hidden])").isEmpty());
      assertThat(browser.findAll("#preview-injects li")).hasSize(5);
      assertThat(browser.findAll("#preview-teams li")).hasSize(5);
      assertThat(browser.find("#preview-facts").getText()).contains("09:00", "18:00", "开始即注入");
      assertThat(browser.find("#board").isDisplayed()).isFalse();
      browser.screenshot("wallboard-created");
    }
  }

  @Test
  void aPausedDrillSaysSoAcrossTheScreenAndItsClockStands() {
    String id = startDrill("major-complaint", 600);
    try (Browser browser = Browser.open()) {
      browser.get(wall(id));
      browser.await(30, d -> !browser.findAll("#board:not([hidden])").isEmpty());
      http.post("/api/v1/drills/" + id + "/pause", director, null);
      browser.await(10, d -> browser.find("#paused-banner").isDisplayed());
      String stood = browser.find("#sim-clock").getText();
      browser.await(5, d -> browser.find("#drill-state").getText().equals("已暂停"));
      assertThat(browser.find("#paused-banner").getText()).contains("演练已暂停");
      assertThat(browser.find("#paused-banner").getSize().getWidth()).isEqualTo(1920);
      browser.screenshot("wallboard-paused");
      assertThat(browser.find("#sim-clock").getText()).isEqualTo(stood);
    }
  }

  @Test
  void anEndedDrillShowsItsSummaryAndTheBadgeSaysEnded() {
    try (Browser browser = Browser.open()) {
      endedDrill(browser);
      browser.await(5, d -> browser.find("#status").getAttribute("data-status").equals("ended"));
      assertThat(browser.find("#status").getText()).isEqualTo("已结束");
      assertThat(browser.findAll("#summary-criteria .criterion")).hasSize(9);
      assertThat(browser.findAll("#summary-latency tr")).hasSize(5);
      assertThat(browser.text("#summary [data-kpi=ended]")).contains("18:00", "到达演练结束时间");
      assertThat(browser.text("#summary [data-kpi=posts] .value")).matches("[1-9]\\d*");
      browser.screenshot("wallboard-ended");
    }
  }

  @Test
  void theReplayShowsItsOwnSpeedAndSeeksInSimTime() {
    try (Browser browser = Browser.open()) {
      String id = endedDrill(browser);
      browser.get(wall(id) + "&replay=1&speed=60");
      browser.await(15, d -> browser.find("#status").getAttribute("data-status").equals("replay"));
      // The replay starts at the drill's creation, on the script; the board comes with the first inject.
      browser.await(15, d -> !browser.findAll("#board:not([hidden])").isEmpty());
      assertThat(browser.find("#clock-label").getText()).isEqualTo("回放");
      assertThat(browser.find("#speed-line").getText()).startsWith("回放 · 60×");
      assertThat(browser.findAll("#replay-ticks .tick")).hasSize(5);
      assertThat(browser.find("#replay-from").getText()).isEqualTo("09:00");
      assertThat(browser.find("#replay-to").getText()).isEqualTo("18:00");
      browser.find("#replay-toggle").click();
      browser.script("const slider = document.getElementById('replay-seek');"
          + "slider.value = String(14 * 3600000 + 5 * 60000); slider.dispatchEvent(new Event('change'));");
      browser.await(10, d -> browser.find("#sim-clock").getText().startsWith("14:0"));
      // The drill as it stood at 14:05: the customer contacted at 14:00, the home visit (15:00) still to come.
      browser.await(5, d -> browser.findAll("[data-task=contact-customer][data-state=done]").size() == 1);
      assertThat(browser.findAll("[data-task=home-visit][data-state=done]")).isEmpty();
      assertThat(browser.find("#replay-position").getText()).startsWith("14:0").endsWith("/ 18:00");
      browser.screenshot("wallboard-replay");
    }
  }

  /** A seed drill played to its end at top speed (nine sim hours in nine seconds), followed on the wall till then. */
  private String endedDrill(Browser browser) {
    String id = startDrill("major-complaint", 3600);
    browser.get(wall(id));
    browser.await(30, d -> !browser.findAll("#summary:not([hidden])").isEmpty());
    return id;
  }

  @Test
  void eachBadLinkSaysWhatToDoAndTriesNoMoreThanOnce() {
    String drillId = createDrill("major-complaint", 60);
    String stranger;
    Vertx vertx = Vertx.vertx();
    try {
      // A wall link made by another deployment: signed with a secret this server does not know.
      stranger = new Tokens(vertx, "another-deployment-secret-long-enough-for-hs256", TokenTrust.own())
          .issue(Role.OBSERVER, null, "observer", Duration.ofHours(1));
    } finally {
      vertx.close();
    }
    String expired = unsignedToken("{\"role\":\"observer\",\"exp\":" + (System.currentTimeMillis() / 1000 - 3600) + "}");
    record BadLink(String query, String problem, int mostFetches) {
    }
    List<BadLink> links = List.of(
        new BadLink("?drill=" + drillId, "NoToken", 0),
        new BadLink("?drill=" + drillId + "&token=" + expired, "Expired", 0),
        new BadLink("?drill=" + drillId + "&token=not.a.token", "Invalid", 1),
        new BadLink("?drill=" + drillId + "&token=" + stranger, "Invalid", 1),
        new BadLink("?drill=dzzzzzzzzzzz&token=" + observer, "Unknown", 1),
        new BadLink("?drill=d12&token=" + observer, "Malformed", 0));
    try (Browser browser = Browser.open()) {
      browser.countConnections();
      for (BadLink link : links) {
        browser.get(base() + "/health");
        browser.script("sessionStorage.clear();");
        browser.get(base() + "/" + link.query());
        browser.await(10, d -> link.problem().equals(browser.find("#problem").getAttribute("data-problem")));
        String tooMany = "return window.connections.webSockets > 0 || window.connections.fetches > " + link.mostFetches();
        // A retry loop shows itself within a few seconds (the stream retried every second before): wait that long.
        assertThatThrownBy(() -> browser.await(3, d -> Boolean.TRUE.equals(browser.script(tooMany))))
            .as(link.problem() + ": no stream and at most " + link.mostFetches() + " request")
            .isInstanceOf(TimeoutException.class);
        assertThat(browser.find("#problem-title").getText()).as(link.problem()).containsPattern("[\\u4e00-\\u9fff]");
        assertThat(browser.find("#problem-text").getText()).as(link.problem()).isNotBlank();
        assertThat(browser.find("#status").getText()).isNotEqualTo("重新连接中…");
        browser.screenshot("wallboard-link-" + link.problem().toLowerCase());
      }
    }
  }

  @Test
  void aLostConnectionSaysSinceWhenAndComesBackByItself() {
    String id = startDrill("major-complaint", 60);
    try (Browser browser = Browser.open()) {
      browser.countConnections();
      browser.get(wall(id));
      browser.await(15, d -> "live".equals(browser.find("#status").getAttribute("data-status")));
      // The network goes: new connections fail, and the stream drops (emulation alone leaves an open socket be).
      browser.online(false);
      browser.script("window.connections.sockets.forEach((socket) => socket.close());");
      browser.await(10, d -> "reconnecting".equals(browser.find("#status").getAttribute("data-status")));
      assertThat(browser.find("#status").getText()).matches("未连接 · 自 \\d\\d:\\d\\d:\\d\\d 起");
      browser.online(true);
      browser.await(30, d -> "live".equals(browser.find("#status").getAttribute("data-status")));
      assertThat(((Number) browser.script("return window.connections.webSockets;")).intValue())
          .as("one stream, and one more once the network is back").isEqualTo(2);
      assertThat(browser.find("#problem").isDisplayed()).isFalse();
    }
  }

  @Test
  void theShippedFontRendersChineseOnAScreenWithoutChineseFonts() {
    String id = startDrill("major-complaint", 60);
    try (Browser browser = Browser.open()) {
      browser.get(wall(id));
      browser.await(15, d -> Boolean.TRUE.equals(browser.script(
          "return [...document.fonts].some((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded');")));
      // Characters on screen (演练时间, 评估指标): the pieces of the font that hold them have loaded.
      browser.await(15, d -> Boolean.TRUE.equals(browser.script("return document.fonts.status === 'loaded';")));
      assertThat(browser.script("return document.fonts.check('24px \"Noto Sans SC\"', '演练时间评估指标');")).isEqualTo(true);
      assertThat(http.get("/fonts/noto-sans-sc/LICENSE", null).bodyAsString()).contains("SIL Open Font License");
      assertThat(http.get("/favicon.svg", null).getHeader("Content-Type")).startsWith("image/svg+xml");
    }
  }

  @Test
  void withoutADrillTheWallboardOffersAPicker() {
    String id = startDrill("major-complaint", 60);
    try (Browser browser = Browser.open()) {
      browser.get(base() + "/?token=" + observer);
      browser.await(10, d -> browser.findAll("#drill-list a").size() > 0);
      assertThat(browser.findAll("#drill-list a").stream().map(a -> a.getAttribute("href")))
          .anyMatch(href -> href.endsWith("?drill=" + id));
    }
  }

  /** A JWT whose signature is nonsense: the page reads its claims before any server does. */
  private static String unsignedToken(String claims) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }

  private static String resource(String path) {
    try (InputStream in = WallboardBrowserTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
