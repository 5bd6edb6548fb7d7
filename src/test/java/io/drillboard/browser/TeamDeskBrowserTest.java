package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Browser;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The team desk on a 390x844 phone and a 1280x720 desk: buttons in reach, readable times, done that asks first and
 * takes a note (which the wall then shows), new tasks highlighted with an optional chime, and autopilot tasks marked
 * with their buttons off.
 */
class TeamDeskBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");
  /** Hours and minutes, minutes, or seconds under a minute: never decimal minutes such as "1.1". */
  private static final Pattern SPAN_ZH = Pattern.compile("\\d+ 小时 \\d\\d 分|\\d+ 分钟|\\d+ 秒");
  private static final Pattern SPAN_EN = Pattern.compile("\\d+ h \\d\\d min|\\d+ min|\\d+ s");
  private static final String STATEMENT = "关于客户投诉事件的情况说明：我行高度重视客户 A 反映的问题，已于当日与客户当面沟通并致歉，"
      + "重新核实业务办理结果，并将依规对相关人员问责。感谢社会各界的监督。";

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);

  private String base() {
    return "http://127.0.0.1:" + server.server().port();
  }

  private String startedDrill(int speed, boolean autopilot) {
    var response = http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":" + speed + ",\"autopilot\":" + autopilot + ",\"seed\":5}");
    assertThat(response.statusCode()).isEqualTo(201);
    String id = http.json(response).getString("id");
    post(id, "/start");
    post(id, "/injects/detection/fire");
    return id;
  }

  private void post(String id, String path) {
    var response = http.post("/api/v1/drills/" + id + path, director, null);
    assertThat(response.statusCode()).as(path + ": " + response.bodyAsString()).isEqualTo(200);
  }

  private JsonObject task(String id, String taskId) {
    JsonObject drill = http.json(http.get("/api/v1/drills/" + id, director));
    return drill.getJsonArray("teams").stream().map(JsonObject.class::cast)
        .flatMap(team -> team.getJsonArray("tasks").stream().map(JsonObject.class::cast))
        .filter(task -> task.getString("id").equals(taskId)).findFirst().orElseThrow();
  }

  private static String row(String taskId) {
    return "#tasks tr[data-task=" + taskId + "]";
  }

  /** Every visible control lies inside the page's width, and the page does not scroll sideways. */
  private static void assertEverythingInReach(Browser page, String where) {
    @SuppressWarnings("unchecked")
    List<Long> measured = (List<Long>) page.script("""
        const width = document.documentElement.clientWidth;
        const shown = [...document.querySelectorAll('button, textarea')].filter((b) => b.getClientRects().length > 0);
        const outside = shown.filter((b) => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > width; });
        return [document.documentElement.scrollWidth - width, outside.length, shown.length];
        """);
    assertThat(measured.get(0)).as(where + ": sideways scroll in px").isLessThanOrEqualTo(0L);
    assertThat(measured.get(1)).as(where + ": controls outside the screen").isZero();
    assertThat(measured.get(2)).as(where + ": controls measured").isGreaterThan(3L);
  }

  private static long tones(Browser page) {
    return (Long) page.script("return window.tones;");
  }

  @Test
  void onAPhoneAndADeskANewTaskStandsOutAndDoneAsksFirstAndTakesTheStatement() {
    String id = startedDrill(60, false);
    // The plan's 15-minute deadline would put a task.overdue on top of the wall's timeline, which at 1280x720 shows
    // only the newest entry or two: the leading group activates it at once.
    for (String step : List.of("ack", "start", "done")) {
      post(id, "/tasks/activate-plan/" + step);
    }
    try (Browser team = Browser.open()) {
      team.resize(390, 844);
      team.get(base() + "/team.html?drill=" + id + "&token=" + server.teamToken("opinion"));
      team.await(15, d -> team.find("#sound").isDisplayed() && team.findAll("#tasks tr[data-task]").size() == 2);
      // Counts the tones the page plays through the Web Audio API.
      team.script("window.tones = 0; const start = OscillatorNode.prototype.start;"
          + "OscillatorNode.prototype.start = function (...args) { window.tones += 1; return start.apply(this, args); };");
      assertThat(team.find("#sound").getAttribute("aria-pressed")).isEqualTo("false");
      team.find("#sound").click();
      assertThat(team.find("#sound").getAttribute("aria-pressed")).isEqualTo("true");
      assertThat(team.find("#sound").getText()).isEqualTo("新任务提示音：开");
      assertThat(tones(team)).as("switching the sound on plays it once").isEqualTo(2);
      assertThat(team.findAll("#tasks tr.fresh")).as("nothing has arrived yet").isEmpty();

      // The leading group's first meeting is done: both of this team's tasks arrive.
      for (String step : List.of("ack", "start", "done")) {
        post(id, "/tasks/first-meeting/" + step);
      }
      team.await(10, d -> team.findAll("#tasks tr.fresh[data-state=pending]").size() == 2);
      assertThat(team.find(row("public-statement") + " .new-tag").getText()).isEqualTo("新任务");
      assertThat(team.find(row("public-statement") + " .new-tag").isDisplayed()).isTrue();
      team.await(5, d -> tones(team) == 4);
      assertEverythingInReach(team, "phone, new tasks");
      team.screenshot("team-phone-new-tasks");

      // Acknowledged, a task is no longer new; the buttons are a full finger wide.
      team.find(row("public-statement") + " [data-action=ack]").click();
      team.await(10, d -> team.findAll(row("public-statement") + "[data-state=acknowledged]").size() == 1);
      assertThat(team.find(row("public-statement")).getAttribute("class")).doesNotContain("fresh");
      assertThat(team.find(row("public-statement") + " .new-tag").isDisplayed()).isFalse();
      assertThat(team.find(row("monitor-opinion")).getAttribute("class")).contains("fresh");
      assertThat(team.find(row("public-statement") + " [data-action=start]").getRect().getHeight())
          .isGreaterThanOrEqualTo(44);
      team.await(5, d -> team.find(row("public-statement") + " [data-action=start]").isEnabled());
      team.find(row("public-statement") + " [data-action=start]").click();
      team.await(10, d -> team.find(row("public-statement") + " [data-action=done]").isEnabled());

      // Done asks first: cancelling changes nothing.
      team.find(row("public-statement") + " [data-action=done]").click();
      team.await(5, d -> team.findAll("#tasks tr.confirm-row[data-confirm=public-statement]").size() == 1);
      assertThat(team.find(".confirm-row .confirm-question").getText()).isEqualTo("确认此任务已完成？完成后不能撤回。");
      assertThat(task(id, "public-statement").getString("state")).isEqualTo("in_progress");
      team.find(".confirm-row [data-action=cancel-done]").click();
      team.await(5, d -> team.findAll("#tasks tr.confirm-row").isEmpty());
      assertThat(task(id, "public-statement").getString("state")).isEqualTo("in_progress");

      // Done again, with the statement's text as evidence.
      team.find(row("public-statement") + " [data-action=done]").click();
      team.await(5, d -> team.findAll(".confirm-row .note-input").size() == 1);
      team.find(".confirm-row .note-input").sendKeys(STATEMENT);
      assertEverythingInReach(team, "phone, confirming done");
      team.screenshot("team-phone-confirm-done");
      team.find(".confirm-row [data-action=confirm-done]").click();
      team.await(10, d -> team.findAll(row("public-statement") + "[data-state=done]").size() == 1);
      assertThat(team.findAll("#tasks tr.confirm-row")).isEmpty();
      assertThat(team.find(row("public-statement") + " .done-note-text").getText()).isEqualTo(STATEMENT);
      assertThat(task(id, "public-statement").getString("note")).isEqualTo(STATEMENT);
      assertNoteOnTheWall(id);

      // Times read as hours and minutes.
      String completion = team.find(row("public-statement") + " .completion .minutes").getText();
      assertThat(completion).matches(SPAN_ZH);
      assertThat(team.find(row("monitor-opinion") + " .deadline-left").getText()).matches("剩余 (" + SPAN_ZH + ")");
      assertEverythingInReach(team, "phone, done");
      team.screenshot("team-phone-zh");

      team.find("#lang").click();
      team.await(5, d -> team.find("#sound").getText().equals("New-task sound: on"));
      assertThat(team.find(row("public-statement") + " .completion .minutes").getText()).matches(SPAN_EN);
      assertThat(team.find(row("monitor-opinion") + " .deadline-left").getText()).matches("(" + SPAN_EN + ") left");
      for (String part : List.of("#summary", "#tasks-panel thead", row("monitor-opinion"),
          row("public-statement") + " .action", row("public-statement") + " .done-note-label")) {
        assertThat(CJK.matcher(team.find(part).getAttribute("textContent")).find()).as(part + " in English").isFalse();
      }
      assertEverythingInReach(team, "phone, English");
      team.screenshot("team-phone-en");

      team.resize(1280, 720);
      team.await(5, d -> team.find("#tasks-panel thead").isDisplayed());
      assertEverythingInReach(team, "desk, English");
      team.screenshot("team-desk-en");
      team.find("#lang").click();
      team.find(row("monitor-opinion") + " [data-action=ack]").click();
      team.await(10, d -> team.find(row("monitor-opinion") + " [data-action=start]").isEnabled());
      team.find(row("monitor-opinion") + " [data-action=start]").click();
      team.await(10, d -> team.find(row("monitor-opinion") + " [data-action=done]").isEnabled());
      team.find(row("monitor-opinion") + " [data-action=done]").click();
      team.await(5, d -> team.findAll(".confirm-row .note-input").size() == 1);
      assertEverythingInReach(team, "desk, confirming done");
      team.screenshot("team-desk-confirm-done");
      team.find(".confirm-row [data-action=confirm-done]").click();
      team.await(10, d -> team.findAll(row("monitor-opinion") + "[data-state=done]").size() == 1);
      assertThat(task(id, "monitor-opinion").getString("note")).as("done without a note").isNull();
      assertThat(team.find(row("monitor-opinion") + " .done-note").isDisplayed()).isFalse();
      team.screenshot("team-desk-zh");

      // The sound choice is remembered by this browser.
      team.get(base() + "/team.html?drill=" + id);
      team.await(15, d -> team.find("#sound").isDisplayed());
      assertThat(team.find("#sound").getAttribute("aria-pressed")).isEqualTo("true");
    }
  }

  /** The wall's timeline shows the statement under the task's completion, cut short. */
  private void assertNoteOnTheWall(String id) {
    try (Browser wall = Browser.open()) {
      wall.resize(1280, 720);
      wall.get(base() + "/?drill=" + id + "&token=" + server.token(Role.OBSERVER));
      String entry = "#timeline li[data-type='task.completed']";
      wall.await(15, d -> wall.findAll(entry + " .note").size() == 1);
      String shown = wall.text(entry + " .note");
      assertThat(shown).startsWith("“" + STATEMENT.substring(0, 10)).endsWith("…”");
      assertThat(shown.length()).isLessThan(STATEMENT.length() / 2);
      assertThat(wall.text(entry + " .what")).startsWith("舆情应对组 · 发布声明");
      wall.screenshot("team-note-on-wall");
    }
  }

  @Test
  void aBroadcastReachesEveryTeamDeskAndTheWall() {
    String id = startedDrill(60, false);
    String message = "各小组注意：14:00 前向领导小组报告处置进展";
    try (Browser team = Browser.open(); Browser wall = Browser.open()) {
      team.resize(390, 844);
      team.get(base() + "/team.html?drill=" + id + "&token=" + server.teamToken("comfort"));
      wall.get(base() + "/?drill=" + id + "&token=" + server.token(Role.OBSERVER));
      team.await(15, d -> team.findAll("#briefing li").size() >= 1);
      var sent = http.post("/api/v1/drills/" + id + "/broadcasts", director, "{\"text\":\"" + message + "\"}");
      assertThat(sent.statusCode()).isEqualTo(201);
      team.await(15, d -> team.findAll("#briefing li.broadcast").size() == 1);
      assertThat(team.text("#briefing li.broadcast")).contains("指挥部通知", message);
      assertThat(team.findAll("#briefing li").get(0).getAttribute("class")).as("newest first").contains("broadcast");
      team.screenshot("team-broadcast-phone");
      wall.await(15, d -> wall.findAll("#timeline li[data-type='drill.broadcast']").size() == 1);
      assertThat(wall.text("#timeline li[data-type='drill.broadcast']")).contains("指挥部通知", message);
    }
  }

  @Test
  void timesTakenReadAsHoursAndMinutes() {
    String id = startedDrill(600, false);
    long assigned = task(id, "activate-plan").getLong("triggeredAt");
    try (Browser team = Browser.open()) {
      team.resize(390, 844);
      team.get(base() + "/team.html?drill=" + id + "&token=" + server.teamToken("leadership"));
      String ack = row("activate-plan") + " [data-action=ack]";
      team.await(15, d -> team.findAll(ack).size() == 1 && team.find(ack).isEnabled());
      // At 600x a wall second is ten sim minutes: wait until the task has waited over an hour.
      team.await(20, d -> http.json(http.get("/api/v1/drills/" + id, director)).getLong("simTime")
          > assigned + 61 * 60_000L);
      team.find(ack).click();
      team.await(10, d -> team.findAll(row("activate-plan") + "[data-state=acknowledged]").size() == 1);
      String response = team.find(row("activate-plan") + " .response .minutes").getText();
      assertThat(response).matches("1 小时 \\d\\d 分");
      assertThat(team.find(row("activate-plan") + " .deadline-left").getText()).matches("已超 (" + SPAN_ZH + ")");
      team.find("#lang").click();
      team.await(5, d -> team.find(row("activate-plan") + " .response .minutes").getText().matches("1 h \\d\\d min"));
    }
  }

  @Test
  void anAutopilotDrillMarksTheTasksItPlaysAndTurnsTheirButtonsOff() {
    String id = startedDrill(60, true);
    try (Browser team = Browser.open()) {
      team.resize(390, 844);
      team.get(base() + "/team.html?drill=" + id + "&token=" + server.teamToken("leadership"));
      team.await(15, d -> team.findAll(row("activate-plan") + "[data-autopilot=true]").size() == 1);
      team.await(5, d -> team.find("#autopilot-hint").isDisplayed());
      assertThat(team.find("#autopilot-hint").getText()).contains("自动驾驶");
      for (WebElement tag : team.findAll("#tasks tr[data-task] .autopilot-tag")) {
        assertThat(tag.isDisplayed()).isTrue();
        assertThat(tag.getText()).isEqualTo("自动驾驶");
      }
      List<WebElement> buttons = team.findAll("#tasks .steps button");
      assertThat(buttons).hasSize(6).allSatisfy(button -> assertThat(button.isEnabled()).isFalse());
      assertThat(team.find(row("activate-plan")).getAttribute("data-state")).isEqualTo("pending");
      assertEverythingInReach(team, "phone, autopilot");
      team.screenshot("team-phone-autopilot");
      team.find("#lang").click();
      team.resize(1280, 720);
      team.await(5, d -> team.find(row("activate-plan") + " .autopilot-tag").getText().equals("Autopilot"));
      assertEverythingInReach(team, "desk, autopilot");
      team.screenshot("team-desk-autopilot-en");
    }
  }
}
