package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Browser;
import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The media feed of an autopilot seed drill played to its end, in a real (headless) Chromium: the feed page on a
 * phone and a desk in both languages, its platform tabs, the bank's statement as the official post, and the wall's
 * feed panel.
 */
class FeedBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static String observer;
  private static String drillId;

  @BeforeAll
  static void aSeedDrillPlayedToItsEnd() throws InterruptedException {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    observer = server.token(Role.OBSERVER);
    drillId = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":7}")).getString("id");
    http.post("/api/v1/drills/" + drillId + "/start", director, null);
    Eventually.drillEnded(http, drillId, director);
  }

  private String page(String path, String query) {
    return "http://127.0.0.1:" + server.server().port() + path + "?drill=" + drillId + "&token=" + observer + query;
  }

  @Test
  void theFeedShowsPostsNewestFirstInTheirPlatformsMannerWithTheBanksStatement() {
    try (Browser feed = Browser.open()) {
      feed.resize(390, 844);
      feed.get(page("/feed.html", "&lang=zh"));
      feed.await(20, d -> feed.findAll("#feed .post").size() >= 50);
      assertThat(feed.findAll("#feed .post")).as("the newest hundred at most").hasSizeLessThanOrEqualTo(100);
      List<String> times = feed.findAll("#feed .post .when").stream().map(WebElement::getText).toList();
      assertThat(times).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
      assertThat(feed.findAll("#feed .post[data-platform=wechat]")).isNotEmpty();
      assertThat(feed.findAll("#feed .post[data-platform=weibo]")).isNotEmpty();
      feed.screenshot("feed-phone-zh");

      feed.find("#platforms [data-platform=weibo]").click();
      feed.await(5, d -> feed.findAll("#feed .post:not([data-platform=weibo])").isEmpty());
      assertThat(feed.text("#feed .post.official .author")).isEqualTo("XX银行官方微博");
      assertThat(feed.text("#feed .post.official .badge")).isEqualTo("官方");
      assertThat(feed.text("#feed .post.official .text")).startsWith("关于近期客户投诉事件的情况说明");
      assertThat(feed.findAll("#feed .post .answers")).anySatisfy(answer ->
          assertThat(answer.getText()).isIn("回复 @XX银行官方微博", "转发自 @XX银行官方微博"));
      feed.screenshot("feed-phone-weibo");

      feed.resize(1280, 720);
      feed.get(page("/feed.html", "&lang=en"));
      feed.await(20, d -> feed.findAll("#feed .post").size() >= 50);
      assertThat(feed.text("#platforms [data-platform=all]")).isEqualTo("All");
      assertThat(feed.findAll("#feed .post .text")).anySatisfy(text -> assertThat(text.getText()).contains("XX Bank"));
      feed.screenshot("feed-desk-en");
    }
  }

  /** A running drill: an ended one's wall shows its summary instead of the board. */
  @Test
  void theWallShowsTheFeedAsAPanelWhenAsked() throws InterruptedException {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String running = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":300,\"autopilot\":true,\"seed\":7}")).getString("id");
    http.post("/api/v1/drills/" + running + "/start", director, null);
    Eventually.await("the first feed posts", Duration.ofSeconds(60),
        () -> http.json(http.get("/api/v1/drills/" + running, director)).getLong("simTime"),
        sim -> sim > 10 * 3_600_000L + 10 * 60_000);
    try (Browser wall = Browser.open()) {
      wall.resize(1920, 1080);
      wall.get("http://127.0.0.1:" + server.server().port() + "/?panel=feed&drill=" + running + "&token=" + observer);
      wall.await(20, d -> wall.findAll("#wall-feed .post").size() >= 2);
      assertThat(wall.find("[data-panel=timeline]").isDisplayed()).isFalse();
      assertThat(wall.text("[data-panel=feed] h2")).isEqualTo("舆情信息流");
      wall.screenshot("wall-feed-1920");
      wall.resize(3840, 2160);
      wall.await(10, d -> wall.findAll("#wall-feed .post").size() >= 2);
      wall.screenshot("wall-feed-3840");
    }
  }

  @Test
  void aDrillBeforeAnyPostSaysWhatWillAppear() {
    Http http = server.http();
    String fresh = http.json(http.post("/api/v1/drills", server.token(Role.DIRECTOR),
        "{\"scenarioId\":\"major-complaint\"}")).getString("id");
    try (Browser feed = Browser.open()) {
      feed.get("http://127.0.0.1:" + server.server().port() + "/feed.html?drill=" + fresh + "&token=" + observer);
      feed.await(15, d -> !feed.text("#feed-empty").isEmpty());
      assertThat(feed.text("#feed-empty")).isEqualTo("暂无帖子:舆情开始后,这里会显示模拟的社交媒体帖子。");
      feed.get("http://127.0.0.1:" + server.server().port() + "/feed.html?drill=no-such-drill&token=" + observer);
      feed.await(15, d -> feed.find("#message").isDisplayed());
      feed.screenshot("feed-bad-link");
    }
  }
}
