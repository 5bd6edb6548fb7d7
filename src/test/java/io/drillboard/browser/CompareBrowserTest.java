package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Browser;
import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The comparison page in a real (headless) Chromium, with two autopilot runs of the seed: one played to its end, one
 * stopped while the leading group's first meeting (a critical task) was still going on. The stopped run did less and
 * must read as worse, however short its times; ratings and corrective actions sit beside each other; runs go by name.
 */
class CompareBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  /** 11:12 and 11:30: the plan is active from 11:10, the first meeting ends at 11:30. */
  private static final long PLAN_ACTIVE = (11 * 60 + 12) * 60_000L;
  private static final long MEETING_OVER = (11 * 60 + 30) * 60_000L;
  private static final String STATEMENT = "task:public-statement";
  private static final String ACTION = "修订舆情应对预案,明确 4 小时内发布声明";

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);

  private String base() {
    return "http://127.0.0.1:" + server.server().port();
  }

  private String created(double speed) {
    var created = http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":" + speed + ",\"autopilot\":true}");
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = http.json(created).getString("id");
    assertThat(http.post("/api/v1/drills/" + id + "/start", director, null).statusCode()).isEqualTo(200);
    return id;
  }

  private JsonObject snapshot(String id) {
    return http.json(http.get("/api/v1/drills/" + id, director));
  }

  /** Nine sim hours at 3600x: about nine seconds. */
  private String wholeRun() throws InterruptedException {
    String id = created(3600);
    Eventually.drillEnded(http, id, director);
    return id;
  }

  /** At 1200x the first meeting lasts a wall second: stopped in it, the plan is done and the meeting is not. */
  private String runStoppedInTheFirstMeeting() throws InterruptedException {
    String id = created(1200);
    Eventually.await("the plan active", Duration.ofSeconds(30), () -> snapshot(id),
        drill -> drill.getLong("simTime") >= PLAN_ACTIVE);
    JsonObject stopped = http.json(http.post("/api/v1/drills/" + id + "/stop", director, null));
    assertThat(stopped.getLong("simTime")).as("stopped before the meeting ended").isLessThan(MEETING_OVER);
    return id;
  }

  private String evaluator(String subject) {
    return http.json(http.post("/api/v1/tokens", director,
        "{\"role\":\"evaluator\",\"subject\":\"" + subject + "\",\"ttl\":\"1h\"}")).getString("token");
  }

  private void post(String drill, String what, String token, String body) {
    var answer = http.post("/api/v1/drills/" + drill + "/" + what, token, body);
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
  }

  @Test
  void twoRunsByNameWithUnfinishedWorkRatingsAndActionsInChineseAndEnglish() throws InterruptedException {
    String whole = wholeRun();
    String stopped = runStoppedInTheFirstMeeting();
    String li = evaluator("evaluator-li");
    String wang = evaluator("evaluator-wang");
    post(whole, "ratings", li, "{\"target\":\"task\",\"targetId\":\"public-statement\",\"rating\":\"S\"}");
    post(whole, "ratings", wang, "{\"target\":\"task\",\"targetId\":\"public-statement\",\"rating\":\"M\"}");
    post(whole, "ratings", li, "{\"target\":\"objective\",\"targetId\":\"plan\",\"rating\":\"P\"}");
    post(stopped, "ratings", li, "{\"target\":\"task\",\"targetId\":\"public-statement\",\"rating\":\"U\"}");
    post(whole, "actions", li, "{\"text\":\"" + ACTION + "\",\"owner\":\"办公室\",\"due\":\"2026-12-31\"}");
    post(stopped, "actions", wang, "{\"text\":\"" + ACTION + "\",\"owner\":\"办公室\",\"due\":\"2027-01-31\"}");
    post(stopped, "actions", wang, "{\"text\":\"补做客户回访\",\"owner\":\"客户安抚小组\",\"due\":\"2027-01-15\"}");
    List<Long> seeds = List.of(whole, stopped).stream().map(id -> snapshot(id).getLong("seed")).toList();

    try (Browser browser = Browser.open()) {
      // The choice lists runs by state and time, not by id or seed.
      browser.get(base() + "/compare.html?pick=" + whole + "&token=" + server.token(Role.OBSERVER));
      browser.await(10, d -> browser.findAll("#groups li[data-drill=" + stopped + "]").size() == 1);
      assertThat(browser.find("#groups input[value=" + whole + "]").isSelected()).isTrue();
      String choice = browser.find("#groups").getText();
      assertThat(choice).doesNotContain(whole).doesNotContain(stopped).contains("已结束");
      seeds.forEach(seed -> assertThat(choice).doesNotContain(String.valueOf(seed)));
      browser.screenshot("compare-choice");

      // A link to one drill offers the choice with it ticked and says a second is needed, not "request not valid".
      browser.get(base() + "/compare.html?drills=" + whole + "&token=" + server.token(Role.OBSERVER));
      browser.await(10, d -> browser.findAll("#groups li[data-drill=" + stopped + "]").size() == 1);
      assertThat(browser.find("#groups input[value=" + whole + "]").isSelected()).isTrue();
      assertThat(browser.find("#pick-hint").getText()).isEqualTo("请选择同一场景的两次或以上演练。");
      assertThat(browser.find("#compare").isEnabled()).isFalse();
      assertThat(browser.find("#message").isDisplayed()).isFalse();

      browser.get(base() + "/compare.html?drills=" + whole + "," + stopped + "&token=" + server.token(Role.OBSERVER));
      browser.await(15, d -> browser.findAll("#actions .action-run").size() == 2);
      assertThat(browser.find("#message").isDisplayed()).isFalse();

      // Runs by the scenario's title and when they started (created, where the comparison has no start), never by
      // seed or id.
      assertThat(browser.findAll("#runs .run-name")).extracting(e -> e.getText())
          .containsExactlyElementsOf(expectedNames(whole, stopped));
      String page = browser.find("main").getText();
      assertThat(page).doesNotContain("种子").doesNotContain(whole).doesNotContain(stopped);
      seeds.forEach(seed -> assertThat(page).doesNotContain(String.valueOf(seed)));
      assertThat(browser.find("#runs li[data-drill=" + stopped + "] .run-meta").getText())
          .containsPattern("已结束 · 于 11:[1-2][0-9] 手动结束");
      assertThat(browser.find("#runs li[data-drill=" + stopped + "] .run-work").getText()).contains("关键任务完成 1/5");

      // The stopped run's leading group did one of two tasks; its shorter average does not make it better.
      String completion = "#teams tr[data-team=leadership][data-measure=completion] ";
      var undone = browser.find(completion + "td[data-drill=" + stopped + "]");
      assertThat(undone.getAttribute("data-complete")).isEqualTo("false");
      assertThat(undone.getText()).contains("完成 1/2").contains("关键任务未完成:首次领导小组会");
      assertThat(undone.findElement(org.openqa.selenium.By.cssSelector(".figure")).getText()).startsWith("≥ ");
      assertThat(browser.find(completion + "td[data-drill=" + whole + "]").getText()).contains("完成 2/2");
      assertThat(browser.find(completion + "td.change").getAttribute("data-change")).isEqualTo("worse");
      assertThat(browser.find(completion + "td.change").getText()).contains("少完成 1 项").contains("变差");
      assertThat(browser.findAll("#teams td.change[data-change=better]")).isEmpty();
      // The meeting met its 45 minutes once and never ended the second time.
      assertThat(browser.find("tr[data-criterion=first-meeting] td.change").getText()).contains("转为未达标");
      assertThat(browser.find("tr[data-criterion=golden-4-hours] td.change").getAttribute("data-change"))
          .isEqualTo("unclear");

      // Ratings: the worse of two evaluators' grades, then the second run's U.
      String statement = "#ratings tr[data-rating-row='" + STATEMENT + "'] ";
      assertThat(browser.find(statement + "td[data-drill=" + whole + "]").getAttribute("data-rating")).isEqualTo("M");
      assertThat(browser.find(statement + "td[data-drill=" + whole + "]").getText()).contains("2 位评估员:S / M");
      assertThat(browser.find(statement + "td[data-drill=" + stopped + "]").getAttribute("data-rating"))
          .isEqualTo("U");
      assertThat(browser.find(statement + "td.change").getText()).contains("M → U").contains("变差");
      assertThat(browser.find("#ratings tr[data-rating-row='objective:plan'] td[data-drill=" + stopped + "]")
          .getText()).isEqualTo("未评定");
      assertThat(browser.findAll("#ratings tr[data-rating-row^='task:']")).hasSize(5);

      // Corrective actions per run, with owner and due date; the one raised again is marked.
      var second = browser.find("#actions .action-run[data-drill=" + stopped + "]");
      assertThat(second.getText()).contains("整改措施 2 项").contains(ACTION).contains("第 1 次也提出过")
          .contains("责任人:客户安抚小组").contains("期限:2027-01-31");
      assertThat(browser.find("#actions .action-run[data-drill=" + whole + "]").getText())
          .contains("责任人:办公室").contains("期限:2026-12-31");

      shootAtBothSizes(browser, "compare");

      browser.find("#lang").click();
      browser.await(5, d -> browser.find("#runs .run-name").getText().startsWith("XX Bank"));
      assertThat(browser.find(completion + "td[data-drill=" + stopped + "]").getText()).contains("1/2 done")
          .contains("Critical task not done: First meeting");
      assertThat(browser.find(completion + "td.change").getText()).contains("1 fewer done").contains("worse");
      assertThat(browser.find(statement + "td[data-drill=" + whole + "]").getText()).contains("2 evaluators: S / M");
      assertThat(browser.find("#actions .action-run[data-drill=" + stopped + "]").getText())
          .contains("Also raised in run 1").contains("Owner: 客户安抚小组");
      String english = browser.find("main").getText().replace(ACTION, "").replace("补做客户回访", "")
          .replace("办公室", "").replace("客户安抚小组", "");
      assertThat(english).as("every word of the page itself in English").doesNotContainPattern("\\p{IsHan}");
      shootAtBothSizes(browser, "compare-en");
    }
  }

  /** "title MM-dd HH:mm" of each run's start, with seconds if the runs started in the same minute. */
  private List<String> expectedNames(String... ids) {
    JsonObject comparison = http.json(http.get("/api/v1/compare?drills=" + String.join(",", ids), director));
    List<ZonedDateTime> starts = comparison.getJsonArray("drills").stream().map(JsonObject.class::cast)
        .map(run -> run.getLong("startedAt") != null ? run.getLong("startedAt") : run.getLong("createdAt"))
        .map(at -> Instant.ofEpochMilli(at).atZone(ZoneId.systemDefault())).toList();
    DateTimeFormatter minutes = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    boolean clash = starts.stream().map(minutes::format).distinct().count() < starts.size();
    DateTimeFormatter stamp = clash ? DateTimeFormatter.ofPattern("MM-dd HH:mm:ss") : minutes;
    return starts.stream().map(at -> comparison.getString("title") + " " + stamp.format(at)).toList();
  }

  /** The top of the page and the ratings and actions, at 1920x1080 and 1280x720. */
  private static void shootAtBothSizes(Browser browser, String name) {
    for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
      browser.resize(size[0], size[1]);
      String suffix = "-" + size[0] + "x" + size[1];
      browser.script("window.scrollTo(0, 0);");
      browser.screenshot(name + suffix);
      browser.script("document.getElementById('teams-panel').scrollIntoView();");
      browser.screenshot(name + "-teams" + suffix);
      browser.script("document.getElementById('ratings-panel').scrollIntoView();");
      browser.screenshot(name + "-ratings" + suffix);
    }
    browser.resize(1920, 1080);
  }
}
