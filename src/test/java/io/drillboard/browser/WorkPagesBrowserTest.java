package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Browser;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** The director console, the team desk and the evaluator page in a real (headless) Chromium. */
class WorkPagesBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  private final Http http = server.http();
  private final String director = server.token(Role.DIRECTOR);

  private String base() {
    return "http://127.0.0.1:" + server.server().port();
  }

  private String createDrill(int speed, boolean autopilot) {
    var response = http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"major-complaint\",\"speed\":" + speed + ",\"autopilot\":" + autopilot + ",\"seed\":7}");
    assertThat(response.statusCode()).isEqualTo(201);
    return http.json(response).getString("id");
  }

  private void post(String path) {
    var response = http.post(path, director, null);
    assertThat(response.statusCode()).as(path + ": " + response.bodyAsString()).isEqualTo(200);
  }

  /** A token as the console gets it, from POST /api/v1/tokens. */
  private String issueToken(JsonObject request) {
    var response = http.post("/api/v1/tokens", director, request.encode());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return http.json(response).getString("token");
  }

  private JsonObject drill(String id) {
    return http.json(http.get("/api/v1/drills/" + id, director));
  }

  private static String queryParam(String url, String name) {
    String query = URI.create(url).getQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  @Test
  void theTeamDeskAcknowledgesATaskAndTheWallboardShowsIt() {
    String id = createDrill(60, false);
    post("/api/v1/drills/" + id + "/start");
    post("/api/v1/drills/" + id + "/injects/detection/fire");
    String teamToken = issueToken(new JsonObject().put("role", "team").put("team", "leadership"));

    try (Browser team = Browser.open()) {
      team.get(base() + "/team.html?drill=" + id + "&token=" + teamToken);
      String ack = "[data-task=activate-plan][data-state=pending] [data-action=ack]";
      team.await(15, d -> team.findAll(ack).size() == 1 && team.find(ack).isEnabled());
      assertThat(team.find("#team-name").getText()).isEqualTo("应急处置领导小组");
      assertThat(team.find("#team-choice").isDisplayed()).as("a team token cannot choose a team").isFalse();
      // Only the step that fits the state is offered.
      assertThat(team.find("[data-task=activate-plan] [data-action=start]").isEnabled()).isFalse();
      assertThat(team.find("[data-task=activate-plan] [data-action=done]").isEnabled()).isFalse();
      // The leading group's tasks only: tasks of other teams are not on this desk.
      assertThat(team.findAll("[data-task=reverify]")).isEmpty();

      team.find(ack).click();
      team.await(10, d -> team.findAll("[data-task=activate-plan][data-state=acknowledged]").size() == 1);
      team.await(5, d -> team.find("[data-task=activate-plan] [data-action=start]").isEnabled());
      assertThat(team.find("[data-task=activate-plan] [data-action=ack]").isEnabled()).isFalse();
      assertThat(team.find("#message").isDisplayed()).isFalse();
      assertThat(team.findAll("#briefing li[data-inject=detection]")).hasSize(1);
      team.screenshot("team");
    }
    assertThat(drill(id).getJsonArray("teams").getJsonObject(0).getJsonArray("tasks").getJsonObject(0)
        .getString("state")).isEqualTo("acknowledged");

    String observer = issueToken(new JsonObject().put("role", "observer"));
    try (Browser wallboard = Browser.open()) {
      wallboard.get(base() + "/?drill=" + id + "&token=" + observer);
      wallboard.await(15, d -> wallboard.findAll("[data-task=activate-plan][data-state=acknowledged]").size() == 1);
    }
  }

  /**
   * On a phone no work page is wider than the screen: the header wraps, and the console's and evaluator's tables
   * become a card per row, each value beside its column's name in the page's language (a grouped column named by both
   * its headings).
   */
  @Test
  void onAPhoneEveryWorkPageFitsTheScreenItsHeaderWrappedAndItsTablesAsCards() {
    String id = createDrill(60, false);
    post("/api/v1/drills/" + id + "/start");
    java.util.Map<String, String> responseAverage = java.util.Map.of("zh", "响应时长 · 平均", "en", "Response · avg");
    java.util.Map<String, String> state = java.util.Map.of("zh", "状态", "en", "State");
    try (Browser phone = Browser.open()) {
      phone.resize(390, 844);
      for (String lang : new String[] {"zh", "en"}) {
        for (String page : new String[] {"/console.html", "/evaluate.html", "/team.html"}) {
          phone.get(base() + page + "?lang=" + lang + "&drill=" + id + "&team=opinion&token=" + director);
          phone.await(15, d -> phone.findAll("#status[data-status=live]").size() == 1);
          @SuppressWarnings("unchecked")
          List<Long> widths = (List<Long>) phone.script("""
              const width = document.documentElement.clientWidth;
              const bar = document.querySelector('header.bar');
              const outside = [...bar.querySelectorAll('*')].filter((e) => e.getClientRects().length > 0)
                .filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > width; });
              return [bar.scrollWidth - bar.clientWidth, outside.length,
                document.documentElement.scrollWidth - width];
              """);
          assertThat(widths).as(page + " in " + lang + ": the header's overflow in px, its parts off screen, and the"
              + " page's overflow in px").containsExactly(0L, 0L, 0L);
          phone.screenshot("phone" + page.replace(".html", "").replace('/', '-') + "-" + lang);
          if (page.equals("/console.html")) {
            // The task board is rebuilt every second on its own, between the frames that render the rest.
            phone.script("document.querySelector('#board tr').dataset.seen = 'yes';");
            phone.await(5, d -> phone.findAll("#board tr[data-seen]").isEmpty());
            assertThat(phone.script("return document.querySelector('#board tr td:nth-child(3)').dataset.label;"))
                .as("a rebuilt board row's state, named").isEqualTo(state.get(lang));
            // The first inject fires as the drill starts: its card has no button left, so no empty row for it.
            phone.await(15, d -> phone.findAll("#injects button[data-action=fire][hidden]").size() >= 1);
            @SuppressWarnings("unchecked")
            List<String> actionCells = (List<String>) phone.script("""
                return [...document.querySelectorAll('#injects td.action')].map((cell) =>
                  (cell.querySelector('button').hidden ? 'fired, ' : 'due, ')
                  + (getComputedStyle(cell).display === 'none' ? 'hidden' : 'shown'));""");
            assertThat(actionCells).as("each inject's action cell, shown only while it holds a button")
                .allMatch(cell -> cell.equals("fired, hidden") || cell.equals("due, shown"))
                .contains("fired, hidden");
          }
          if (page.equals("/evaluate.html")) {
            String label = (String) phone.script("""
                const cell = document.querySelectorAll('#team-latency tr:first-child td')[5];
                return cell.dataset.label + ' | ' + getComputedStyle(cell, '::before').content;""");
            assertThat(label).as("the first team's average response, shown under its column's name")
                .isEqualTo(responseAverage.get(lang) + " | \"" + responseAverage.get(lang) + "\"");
          }
        }
      }
    }
  }

  @Test
  void theConsoleCreatesAndStartsADrill() {
    try (Browser console = Browser.open()) {
      console.get(base() + "/console.html?token=" + director);
      console.await(15, d -> console.findAll("#scenario option[value=major-complaint]").size() == 1);
      WebElement speed = console.find("#create-speed");
      speed.clear();
      speed.sendKeys("600");
      console.find("#create").click();

      console.await(15, d -> queryParam(d.getCurrentUrl(), "drill") != null
          && console.findAll("#drill-state[data-state=created]").size() == 1);
      String id = queryParam(console.script("return window.location.href;").toString(), "drill");
      assertThat(id).matches("d[a-z0-9]{11}");
      assertThat(console.findAll("#drill-list li[aria-current=true][data-drill=" + id + "]")).hasSize(1);
      console.await(5, d -> console.find("#start").isEnabled());
      assertThat(console.find("#pause").isEnabled()).isFalse();
      assertThat(console.find("#resume").isEnabled()).isFalse();
      // The buttons follow the drill's own list of allowed actions: a drill not yet started may be called off.
      assertThat(console.find("#stop").isEnabled()).isTrue();

      console.find("#start").click();
      console.await(15, d -> console.findAll("#drill-state[data-state=running]").size() == 1
          && console.find("#pause").isEnabled());
      assertThat(console.find("#start").isEnabled()).isFalse();
      assertThat(console.find("#stop").isEnabled()).isTrue();
      assertThat(console.find("#drill-state").getText()).isEqualTo("进行中");
      String firstClock = console.find("#sim-clock").getText();
      console.await(10, d -> !console.find("#sim-clock").getText().equals(firstClock));
      assertThat(console.find("#sim-clock").getText()).matches("\\d\\d:\\d\\d:\\d\\d");

      // The scripted injects are listed; those still due can be fired from here.
      console.await(10, d -> console.findAll("#injects tr[data-inject=complaint][data-fired=true]").size() == 1);
      assertThat(console.findAll("#injects tr[data-inject=evaluation] [data-action=fire]"))
          .singleElement().satisfies(button -> assertThat(button.isEnabled()).isTrue());

      // A link for a team: the token's own link, with the drill.
      console.find("#links tr[data-link='team:leadership'] [data-action=issue]").click();
      console.await(10, d -> console.findAll("#links tr[data-link='team:leadership'] a.link-url").size() == 1);
      String link = console.find("#links tr[data-link='team:leadership'] a.link-url").getAttribute("href");
      assertThat(link).contains("/team.html?token=").endsWith("&drill=" + id);
      assertThat(console.find("#message").isDisplayed()).isFalse();
      console.screenshot("console");

      JsonObject drill = drill(id);
      assertThat(drill.getString("state")).isEqualTo("running");
      assertThat(drill.getDouble("speed")).isEqualTo(600.0);
      assertThat(drill.getBoolean("autopilot")).isFalse();
    }
  }

  @Test
  void theDirectorNamesADrillBroadcastsToTheTeamsAndArchivesItWhenItEnds() {
    try (Browser console = Browser.open()) {
      console.get(base() + "/console.html?token=" + director);
      console.await(15, d -> console.findAll("#scenario option[value=major-complaint]").size() == 1);
      console.find("#drill-name").sendKeys("第四季度投诉应急演练");
      console.find("#drill-place").sendKeys("总行三楼指挥中心");
      console.find("#create").click();
      console.await(15, d -> queryParam(d.getCurrentUrl(), "drill") != null
          && console.findAll("#drill-state[data-state=created]").size() == 1);
      String id = queryParam(console.url(), "drill");
      String item = "#drill-list li[data-drill=" + id + "]";
      assertThat(console.find(item + " .drill-title").getText()).isEqualTo("第四季度投诉应急演练");
      assertThat(console.find(item + " .drill-meta").getText()).contains("总行三楼指挥中心");
      assertThat(console.findAll(item + " .mono")).as("no raw id in the list").isEmpty();

      console.find("#start").click();
      console.await(15, d -> console.findAll("#drill-state[data-state=running]").size() == 1);
      assertThat(console.find("#archive").isDisplayed()).as("a running drill cannot be archived").isFalse();
      // A link for a named evaluator: the token carries the name the report will show.
      console.find("#links tr[data-link=evaluator] input.link-name").sendKeys("王敏");
      console.find("#links tr[data-link=evaluator] [data-action=issue]").click();
      console.await(10, d -> console.findAll("#links tr[data-link=evaluator] a.link-url").size() == 1);
      String link = console.find("#links tr[data-link=evaluator] a.link-url").getAttribute("href");
      String payload = link.substring(link.indexOf("token=") + 6).split("[.&]")[1];
      assertThat(new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8))
          .contains("\"sub\":\"王敏\"");
      console.find("#broadcast-text").sendKeys("各小组注意：14:00 前报告进展");
      console.find("#broadcast-send").click();
      console.await(10, d -> console.find("#broadcast-status").getText().startsWith("已发送"));
      assertThat(console.find("#broadcast-text").getAttribute("value")).isEmpty();

      console.script("window.confirm = () => true;");
      console.find("#stop").click();
      console.await(15, d -> console.findAll("#drill-state[data-state=ended]").size() == 1);
      console.await(5, d -> console.find("#archive").isDisplayed());
      console.find("#archive").click();
      console.await(10, d -> console.findAll(item).isEmpty());
      assertThat(console.find("#control-status").getText()).as("confirmed beside the control").isEqualTo("已归档。");
      console.find("#show-archived").click();
      console.await(10, d -> console.findAll(item).size() == 1);
      assertThat(console.find("#message").isDisplayed()).isFalse();
      JsonObject events = http.json(http.get("/api/v1/drills/" + id + "/events", director));
      assertThat(events.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("type")))
          .contains("drill.broadcast", "drill.archived");
    }
  }

  @Test
  void theConsoleIssuesEveryLinkAtOnceWithNamesAndQrCodesAndPrintsALinkSheet() throws Exception {
    String id = createDrill(60, false);
    try (Browser console = Browser.open()) {
      console.get(base() + "/console.html?drill=" + id + "&token=" + director);
      console.await(15, d -> console.findAll("#links tr").size() == 8);
      console.find("#links tr[data-link=observer] input.link-name").sendKeys("指挥中心大屏");
      console.find("#links tr[data-link=evaluator] input.link-name").sendKeys("王敏");
      console.find("#issue-all").click();
      console.await(20, d -> console.findAll("#links a.link-url").size() == 8);
      assertThat(console.findAll("#links svg.qr")).hasSize(8);
      assertThat(console.find("#links tr[data-link=feed] a.link-url").getAttribute("href"))
          .contains("/feed.html?drill=" + id + "&token=");
      assertThat(console.find("#links tr[data-link=evaluator] th").getText()).endsWith("· 王敏");
      assertThat(console.find("#message").isDisplayed()).isFalse();
      console.screenshot("console-links");
      // The sheet: the drill's name over the links, a QR code beside each, and nothing of the controls.
      console.script("window.print = () => {}; document.getElementById('print-links').click();");
      assertThat((String) console.script("return document.getElementById('sheet-title').textContent;"))
          .contains("参演链接单");
      console.emulateMedia("print");
      assertThat(console.find(".side").isDisplayed()).isFalse();
      assertThat(console.find("#control").isDisplayed()).isFalse();
      assertThat(console.find("#issue-all").isDisplayed()).isFalse();
      assertThat(console.find("#sheet-title").isDisplayed()).isTrue();
      assertThat(console.findAll("#links svg.qr")).allSatisfy(qr -> assertThat(qr.isDisplayed()).isTrue());
      console.emulateMedia("");
      byte[] pdf = console.printToPdf();
      assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
      java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("link-sheet.pdf"), pdf);
    }
  }

  @Test
  void theConsolesTaskBoardPutsOverdueWorkFirstCountsDownToTheNextInjectsAndWarnsOfAnInjectOutOfOrder() {
    String id = createDrill(60, false);
    post("/api/v1/drills/" + id + "/start");
    // Detection at 09:00, ahead of the 10:00 post: out of the script's order; its tasks are due 15 minutes later.
    post("/api/v1/drills/" + id + "/injects/detection/fire");
    try (Browser console = Browser.open()) {
      console.get(base() + "/console.html?drill=" + id + "&token=" + director);
      console.await(15, d -> console.findAll("#board tr").size() == 7);
      assertThat(console.find("#order-warning").isDisplayed()).isTrue();
      assertThat(console.find("#order-warning").getText()).contains("风险管理部门发现投诉和负面言论", "客户 A 张贴大字报");
      assertThat(console.findAll("#next-injects li")).hasSizeBetween(1, 3);
      assertThat(console.text("#next-injects li")).matches("\\d\\d:\\d\\d .+ · 还有 .+");
      // The board is redrawn every second as its countdowns move: read it as the page has it now.
      String first = "const row = document.querySelector('#board tr'); return row.dataset.";
      assertThat(console.script(first + "state;")).as("open work before work not yet set")
          .isIn("pending", "acknowledged", "in_progress");
      // At 600x the 15 minutes pass in under two seconds: the plan's activation, overdue, rises to the top.
      http.call(io.vertx.core.http.HttpMethod.PUT, "/api/v1/drills/" + id + "/speed", director, "{\"speed\":600}");
      console.await(20, d -> "true".equals(console.script(first + "late;")));
      assertThat((String) console.script("return document.querySelector('#board tr').textContent;")).contains("已超");
      assertThat(console.find("#report-open").isDisplayed()).isTrue();
      console.screenshot("console-board");
    }
  }

  @Test
  void theConsoleShowsARefusalBesideItsControlInChineseAndConfirmsASuccess() {
    String id = createDrill(60, false);
    post("/api/v1/drills/" + id + "/start");
    try (Browser console = Browser.open()) {
      console.get(base() + "/console.html?drill=" + id + "&token=" + director);
      console.await(15, d -> console.findAll("#drill-state[data-state=running]").size() == 1);
      // Channels and spreads are picked by name, not typed as ids.
      console.await(10, d -> console.findAll("#adhoc-channel option").size() >= 5);
      assertThat(console.find("#adhoc-channel option[value=media]").getText()).isEqualTo("网络媒体");
      assertThat(console.findAll("#adhoc-spread option")).extracting(o -> o.getText()).contains("立即", "10 分钟内");
      // An ad-hoc inject on a platform the scenario does not have is refused, and said so beside the form.
      console.script("const select = document.getElementById('adhoc-platform');"
          + "select.append(new Option('myspace', 'myspace')); select.value = 'myspace';");
      console.find("#adhoc-title").sendKeys("A journalist calls");
      console.find("#adhoc-posts").sendKeys("10");
      console.find("#adhoc-send").click();
      console.await(10, d -> "error".equals(console.find("#adhoc-status").getAttribute("data-kind")));
      // Said in the page's language, from the refusal's stable code, not the server's English.
      assertThat(console.find("#adhoc-status").getText()).startsWith("填写的内容有误");
      assertThat(console.find("#message").isDisplayed()).as("no banner far above").isFalse();
      assertThat(console.find("#adhoc-send").getAttribute("aria-describedby")).isEqualTo("adhoc-status");
      // Fixed, it goes out, and the form says so.
      console.script("document.getElementById('adhoc-platform').value = 'weibo';");
      console.find("#adhoc-send").click();
      console.await(10, d -> "ok".equals(console.find("#adhoc-status").getAttribute("data-kind")));
      assertThat(console.find("#adhoc-status").getText()).startsWith("已发布");
    }
  }


  @Test
  void theEvaluatorPageShowsCriteriaForARunningAutopilotDrill() {
    String id = createDrill(1800, true);
    post("/api/v1/drills/" + id + "/start");
    String evaluator = issueToken(new JsonObject().put("role", "evaluator"));
    try (Browser evaluate = Browser.open()) {
      evaluate.get(base() + "/evaluate.html?drill=" + id + "&token=" + evaluator);
      evaluate.await(15, d -> evaluate.findAll("[data-panel=criteria] tr[data-criterion=plan-activation]").size() == 1);
      assertThat(evaluate.findAll("[data-panel=criteria] tr[data-criterion]")).hasSize(9);
      assertThat(evaluate.findAll("[data-panel=latency] #team-latency tr[data-team]")).hasSize(5);
      assertThat(evaluate.findAll("[data-panel=latency] #task-latency tr[data-task]")).hasSize(7);
      // At 1800x the plan is activated (11:10, ten minutes after detection) within seconds: the criterion is met.
      evaluate.await(30, d -> evaluate.findAll("tr[data-criterion=plan-activation][data-status=met]").size() == 1);
      // Wait for the 16:00 public statement, so that most figures are in.
      evaluate.await(40, d -> evaluate.findAll("#task-latency tr[data-task=public-statement][data-state=done]").size() == 1);
      // The statement came at 16:00, six hours after the 10:00 post.
      evaluate.await(5, d -> evaluate.findAll("tr[data-criterion=golden-4-hours][data-status=missed]").size() == 1);
      assertThat(evaluate.findAll("[data-rating-target='task:public-statement']")).hasSize(1);
      assertThat(evaluate.find("#status").getAttribute("data-status")).isEqualTo("live");
      evaluate.screenshot("evaluate");
    }
  }
}
