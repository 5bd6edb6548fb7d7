package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.drillboard.support.Browser;
import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The evaluation of ended autopilot drills in a real (headless) Chromium: HSEEP ratings on the evaluator page, the
 * after-action report (and its PDF), the comparison of runs, and the wallboard's replay.
 */
class EvaluationBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  private static final String NOTE = "声明发布过晚,错过舆情黄金 4 小时";
  private static final List<String> REPORT_SECTIONS = List.of("overview", "executive", "timeline", "latency",
      "opinion", "criteria", "ratings", "lessons", "actions", "conclusions", "signoff");

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);

  private String base() {
    return "http://127.0.0.1:" + server.server().port();
  }

  /** An autopilot drill of the seed scenario at 3600x (nine sim hours in about nine seconds), run to its end. */
  private String endedDrill(int seed) throws InterruptedException {
    var created = http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":3600,\"autopilot\":true,\"seed\":" + seed + "}");
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = http.json(created).getString("id");
    var started = http.post("/api/v1/drills/" + id + "/start", director, null);
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
    Eventually.drillEnded(http, id, director);
    return id;
  }

  @Test
  void anEvaluatorRatesACriticalTaskAndTheReportShowsIt() throws InterruptedException {
    String id = endedDrill(21);
    String evaluator = server.token(Role.EVALUATOR);
    String row = "[data-rating-row='task:public-statement']";
    try (Browser browser = Browser.open()) {
      browser.get(base() + "/evaluate.html?drill=" + id + "&token=" + evaluator);
      browser.await(15, d -> browser.findAll(row + " button.grade[data-grade=M]").size() == 1
          && browser.findAll("[data-rating-row^='objective:']").size() == 5);
      // Every critical task of the seed can be rated, and the meaning of each grade is shown.
      assertThat(browser.findAll("[data-rating-row^='task:']")).hasSize(5);
      assertThat(browser.find("#hseep-legend").getText()).contains("完成,但遇到重大问题").contains("未能完成");
      assertThat(browser.find("[data-rating-target='task:public-statement']").getAttribute("data-rating")).isNull();
      // An ended drill still takes entries, and says so; it can be replayed.
      assertThat(browser.find("#ended-note").isDisplayed()).isTrue();
      assertThat(browser.find("#replay-link").isDisplayed()).isTrue();
      assertThat(browser.find("#replay-link").getAttribute("href")).contains("drill=" + id).contains("replay=1")
          .doesNotContain("token");
      // Each criterion's evidence: when, in sim time, and what happened, each a link into the replay.
      browser.await(10, d -> browser.findAll("tr[data-criterion=plan-activation] td.evidence a.moment").stream()
          .allMatch(moment -> moment.getText().matches("\\d\\d:\\d\\d \\S.*")));
      assertThat(browser.findAll("tr[data-criterion=plan-activation] td.evidence a.moment")).extracting(e -> e.getText())
          .containsExactly("11:00 情景注入：风险管理部门发现投诉和负面言论",
              "11:10 任务完成：启动应急预案,成立以分管行领导为组长的领导小组和四个工作小组,通过内部办公系统、短信平台向全行发布应急响应通知");
      assertThat(browser.findAll("a[href*='token']")).as("no link carries a token").isEmpty();

      WebElement save = browser.find(row + " [data-action=rate]");
      assertThat(save.isEnabled()).as("nothing to save before a grade is chosen").isFalse();
      browser.find(row + " button.grade[data-grade=M]").click();
      browser.find(row + " .rating-note-input").sendKeys(NOTE);
      save.click();
      browser.await(10, d -> browser.findAll("[data-rating-target='task:public-statement'][data-rating=M]").size() == 1);
      assertThat(browser.find(row + " .rating-note").getText()).isEqualTo(NOTE);
      assertThat(browser.find("#message").isDisplayed()).isFalse();

      // A note pinned to 16:05, a lesson and a corrective action.
      browser.script("document.getElementById('note-at').value = '16:05';");
      browser.find("#note-text").sendKeys("领导小组 16:05 才审定声明");
      browser.find("#note-add").click();
      browser.await(10, d -> browser.findAll("#notes li[data-at^='16:05']").size() == 1);
      browser.find("#lesson-text").sendKeys("客户安抚小组走访及时");
      browser.find("#lesson-add").click();
      browser.await(10, d -> browser.findAll("#strengths li[data-kind=strength]").size() == 1);
      browser.find("#action-text").sendKeys("修订舆情应对预案,明确 4 小时内发布声明");
      browser.find("#action-owner").sendKeys("办公室");
      browser.script("document.getElementById('action-due').value = '2026-12-31';");
      browser.find("#action-add").click();
      browser.await(10, d -> browser.findAll("#actions tr[data-seq]").size() == 1);
      assertThat(browser.find("#actions").getText()).contains("办公室").contains("2026-12-31");
      assertThat(browser.find("#message").isDisplayed()).isFalse();
      // Corrections: the action moves on to done (a new event that supersedes it), the lesson is withdrawn with a
      // reason (the page asks for it).
      new org.openqa.selenium.support.ui.Select(browser.find("#actions select.action-state")).selectByValue("done");
      browser.await(10, d -> browser.findAll("#actions tr[data-state=done]").size() == 1);
      browser.script("window.prompt = () => '与另一条重复';");
      browser.find("#strengths li[data-kind=strength] button.retract").click();
      browser.await(10, d -> browser.findAll("#strengths li[data-kind=strength]").isEmpty());
      assertThat(browser.find("#message").isDisplayed()).isFalse();
      browser.screenshot("evaluate-ratings");
    }

    JsonObject report = http.json(http.get("/api/v1/drills/" + id + "/report?format=json", director));
    JsonArray ratings = report.getJsonObject("assessment").getJsonArray("ratings");
    assertThat(ratings.stream().map(JsonObject.class::cast))
        .anySatisfy(rating -> {
          assertThat(rating.getString("target")).isEqualTo("task");
          assertThat(rating.getString("targetId")).isEqualTo("public-statement");
          assertThat(rating.getString("rating")).isEqualTo("M");
          assertThat(rating.getString("note")).isEqualTo(NOTE);
        });

    try (Browser browser = Browser.open()) {
      browser.get(base() + "/api/v1/drills/" + id + "/report?format=html&token=" + evaluator);
      browser.await(10, d -> browser.findAll("section#ratings").size() == 1);
      assertThat(browser.find("section#ratings").getText()).contains(NOTE, "更正记录", "客户安抚小组走访及时", "与另一条重复");
      assertThat(browser.find("section#actions").getText()).contains("已完成");
      assertThat(browser.find("section#lessons").getText()).doesNotContain("客户安抚小组走访及时");
    }
  }

  @Test
  void theEvaluatorOpensTheReportAtAnAddressWithoutATokenAndItPrintsOnA4NamingThem() throws Exception {
    String id = endedDrill(22);
    String wangMin = server.token(Role.EVALUATOR, "王敏");
    http.post("/api/v1/drills/" + id + "/ratings", wangMin,
        "{\"target\":\"objective\",\"targetId\":\"plan\",\"rating\":\"U\",\"note\":\"预案启动及时,部分环节衔接不畅\"}");
    http.post("/api/v1/drills/" + id + "/lessons", wangMin, "{\"kind\":\"improvement\",\"text\":\"声明发布过晚\"}");
    http.post("/api/v1/drills/" + id + "/actions", wangMin,
        "{\"text\":\"修订舆情应对预案\",\"owner\":\"办公室\",\"due\":\"2026-12-31\"}");
    try (Browser browser = Browser.open()) {
      browser.get(base() + "/evaluate.html?drill=" + id + "&token=" + wangMin);
      browser.await(15, d -> browser.find("#report-html").isDisplayed());
      assertThat(browser.url()).doesNotContain("token");
      browser.find("#report-html").click();
      browser.switchToNewestTab(2);
      browser.await(15, d -> browser.findAll("section#conclusions").size() == 1);
      assertThat(browser.url()).as("the report's address").contains("/report?format=html&lang=zh")
          .doesNotContain("token");
      for (String section : REPORT_SECTIONS) {
        assertThat(browser.findAll("section#" + section)).as(section).hasSize(1);
      }
      // Rated U by 王敏 although both of its criteria were met: not achieved, and the report says why and who.
      assertThat(browser.find("#executive").getText()).contains("总体评价：未达到", "U 王敏");
      assertThat(browser.find("#conclusions li.not-achieved").getText()).contains("王敏 U", "两者不一致");
      assertThat(browser.find("#overview").getText()).contains("评估人员", "王敏");
      assertThat(browser.find("#signoff").getText()).contains("评估组组长", "王敏");
      byte[] pdf = browser.printToPdf();
      String raw = new String(pdf, StandardCharsets.ISO_8859_1);
      assertThat(raw).startsWith("%PDF");
      // Every page A4 (595 x 842 points), as the report's @page asks.
      assertThat(java.util.regex.Pattern.compile("/MediaBox \\[0 0 ([\\d.]+) ([\\d.]+)\\]").matcher(raw).results())
          .isNotEmpty().allSatisfy(box -> {
            assertThat(Double.parseDouble(box.group(1))).as("width in points").isCloseTo(595.3, within(1.0));
            assertThat(Double.parseDouble(box.group(2))).as("height in points").isCloseTo(841.9, within(1.0));
          });
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.write(Browser.SCREENSHOTS.resolve("report.pdf"), pdf);
      browser.screenshot("report");
    }
  }

  @Test
  void anEvaluatorClosesAnEarlierDrillsOpenActionFromTheNextDrill() {
    String evaluator = server.token(Role.EVALUATOR, "王敏");
    String earlier = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"name\":\"上季度演练\"}")).getString("id");
    http.post("/api/v1/drills/" + earlier + "/actions", evaluator,
        "{\"text\":\"建立舆情值班制度\",\"owner\":\"办公室\",\"due\":\"2026-12-31\"}");
    String next = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"name\":\"本季度演练\"}")).getString("id");
    String item = "#earlier-actions li[data-drill=" + earlier + "]";
    try (Browser browser = Browser.open()) {
      browser.get(base() + "/evaluate.html?drill=" + next + "&token=" + evaluator);
      browser.await(15, d -> browser.findAll(item).size() == 1);
      assertThat(browser.find(item).getText()).contains("建立舆情值班制度", "办公室", "上季度演练");
      browser.script("window.prompt = () => '本次演练中值班人员 10 分钟内发现帖子';");
      browser.find(item + " button.close-earlier").click();
      browser.await(20, d -> browser.findAll(item).isEmpty());
      assertThat(browser.find("#message").isDisplayed()).isFalse();
      // Across runs: the comparison says which earlier actions the later run closed.
      browser.get(base() + "/compare.html?drills=" + earlier + "," + next);
      String closed = ".action-run[data-drill=" + next + "] .closed-earlier-list";
      browser.await(15, d -> browser.findAll(closed).size() == 1);
      assertThat(browser.find(closed).getText()).contains("建立舆情值班制度", "值班人员 10 分钟内发现帖子");
    }
    assertThat(http.get("/api/v1/drills/" + next + "/report?format=html", director).bodyAsString())
        .contains("建立舆情值班制度——本次演练中值班人员 10 分钟内发现帖子（王敏）");
  }

  @Test
  void theComparisonShowsTwoRunsSideBySide() throws InterruptedException {
    String first = endedDrill(23);
    String second = endedDrill(24);
    try (Browser browser = Browser.open()) {
      // Chosen on the page: the run the evaluator came from is ticked, the other is added.
      browser.get(base() + "/compare.html?pick=" + first + "&token=" + server.token(Role.OBSERVER));
      browser.await(10, d -> browser.findAll("#groups input[value=" + second + "]").size() == 1);
      assertThat(browser.find("#groups input[value=" + first + "]").isSelected()).isTrue();
      assertThat(browser.find("#compare").isEnabled()).isFalse();
      browser.find("li[data-drill=" + second + "] label").click();
      browser.await(5, d -> browser.find("#compare").isEnabled());
      browser.find("#compare").click();

      browser.await(15, d -> browser.findAll("tr[data-criterion=plan-activation] td.value").size() == 2);
      assertThat(browser.script("return new URL(location.href).searchParams.get('drills');"))
          .isEqualTo(first + "," + second);
      assertThat(browser.findAll("#criteria-head th.run-col")).extracting(th -> th.getAttribute("data-drill"))
          .containsExactly(first, second);
      // The plan is activated ten minutes after detection in both runs, within its 15 minutes.
      assertThat(browser.findAll("tr[data-criterion=plan-activation] td.value[data-met=true]")).hasSize(2);
      assertThat(browser.find("tr[data-criterion=plan-activation] td.change").getAttribute("data-change"))
          .isEqualTo("unchanged");
      assertThat(browser.findAll("#teams tr[data-team=leadership]")).hasSize(2);
      assertThat(browser.findAll("#teams tr[data-team=leadership][data-measure=response] td[data-drill]")).hasSize(2);
      assertThat(browser.find("#message").isDisplayed()).isFalse();
      browser.screenshot("compare");
    }
  }

  @Test
  void theWallboardReplaysAnEndedDrillAndSeeks() throws InterruptedException {
    String id = endedDrill(25);
    try (Browser browser = Browser.open()) {
      // 600x: the nine sim hours take 54 s, so the replay is still playing when the test pauses it, however slow the
      // machine (at 3600x it could finish first, and the button would then mean "play again").
      browser.get(base() + "/?drill=" + id + "&replay=1&speed=600&token=" + server.token(Role.OBSERVER));
      browser.await(30, d -> browser.find("#replay").isDisplayed()
          && browser.find("#replay").getAttribute("data-seq") != null);
      assertThat(browser.find("#status").getAttribute("data-status")).isEqualTo("replay");
      WebElement panel = browser.find("#replay");
      // It plays on from the start.
      browser.await(30, d -> Long.parseLong(panel.getAttribute("data-seq")) > 100);
      browser.screenshot("replay-playing");

      browser.find("#replay-toggle").click();
      browser.await(5, d -> "true".equals(panel.getAttribute("data-paused")));
      // The slider moves in sim time: back to 11:00.
      browser.script("const slider = document.getElementById('replay-seek');"
          + "slider.value = String(11 * 3600000); slider.dispatchEvent(new Event('change'));");
      browser.await(10, d -> browser.find("#sim-clock").getText().startsWith("11:00"));
      long seq = Long.parseLong(panel.getAttribute("data-seq"));
      // The timeline is rebuilt for 11:00: nothing after it.
      browser.await(10, d -> !browser.findAll("#timeline li").isEmpty());
      assertThat(browser.findAll("#timeline li"))
          .allSatisfy(li -> assertThat(Long.parseLong(li.getAttribute("data-seq"))).isLessThanOrEqualTo(seq));
      // That the server's playback, once paused, holds there is shown tick by tick by ReplayPlaybackTest and over the
      // stream by ReplayTest, without waiting on the wall clock here.
      browser.screenshot("replay");
    }
  }
}
