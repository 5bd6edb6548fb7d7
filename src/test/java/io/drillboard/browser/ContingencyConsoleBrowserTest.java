package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Browser;
import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.support.TestScenarios;
import io.drillboard.web.Role;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The director console of a drill with contingency injects, in a real (headless) Chromium: each contingency says
 * what it watches and where it stands, a held inject says it waits for the director, who fires it from its row.
 */
class ContingencyConsoleBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static Http http;
  private static String director;
  private static String drillId;

  /** At 120x the drill passes 09:30, when the first task goes overdue, 15 wall seconds after its start. */
  @BeforeAll
  static void aDrillPastItsFirstOverdueTask() throws InterruptedException {
    http = server.http();
    director = server.token(Role.DIRECTOR);
    TestScenarios.post(http, director, "contingencies");
    drillId = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"contingencies\",\"speed\":120,\"seed\":3}")).getString("id");
    http.post("/api/v1/drills/" + drillId + "/start", director, null);
    Eventually.await("the escalation's condition met", Duration.ofSeconds(40),
        () -> http.json(http.get("/api/v1/drills/" + drillId, director)), drill -> drill.getJsonArray("injects")
            .stream().map(JsonObject.class::cast).anyMatch(i -> i.getString("id").equals("escalation")
                && i.getJsonObject("met") != null));
  }

  private String console(String language) {
    return "http://127.0.0.1:" + server.server().port() + "/console.html?drill=" + drillId + "&lang=" + language
        + "&token=" + director;
  }

  @Test
  void eachContingencySaysWhatItWatchesAndWhereItStands() {
    try (Browser console = Browser.open()) {
      console.get(console("zh"));
      console.await(15, d -> console.findAll("#injects tr[data-inject=escalation] .inject-status").size() == 1
          && !console.text("#injects tr[data-inject=escalation] .inject-status").isEmpty());
      assertThat(console.text("#injects tr[data-inject=escalation] .time")).isEqualTo("应变");
      assertThat(console.text("#injects tr[data-inject=escalation] .inject-status"))
          .startsWith("09:30 条件满足：任务“回应投诉”超时，5m 后注入");
      assertThat(console.text("#injects tr[data-inject=regulator] .inject-status"))
          .isEqualTo("09:20 条件满足：标准“20 分钟内回应”未达成");
      assertThat(console.text("#injects tr[data-inject=trending] .inject-status"))
          .isEqualTo("监视中：微博 10m 内帖子超过 50 条");
      assertThat(console.text("#injects tr[data-inject=backlash] .inject-status"))
          .isEqualTo("11:00 起监视：全平台 15m 内负面占比超过 50%");
      assertThat(console.text("#injects tr[data-inject=hotline] .time")).isEqualTo("待命");
      assertThat(console.text("#injects tr[data-inject=hotline] .inject-status"))
          .isEqualTo("不在时间线上，仅由指挥员手动注入");
      console.resize(1920, 1080);
      console.screenshot("console-contingencies-1920");
      console.resize(1280, 720);
      console.screenshot("console-contingencies-1280");

      console.find("#injects tr[data-inject=hotline] [data-action=fire]").click();
      console.await(15, d -> console.findAll("#injects tr[data-inject=hotline][data-fired=true]").size() == 1);
      assertThat(console.find("#injects tr[data-inject=hotline] .inject-status").isDisplayed()).isFalse();
    }
  }

  @Test
  void theConsoleSaysItInEnglishToo() {
    try (Browser console = Browser.open()) {
      console.get(console("en"));
      console.await(15, d -> console.findAll("#injects tr[data-inject=trending] .inject-status").size() == 1
          && !console.text("#injects tr[data-inject=trending] .inject-status").isEmpty());
      assertThat(console.text("#injects tr[data-inject=trending] .inject-status"))
          .isEqualTo("Watching: over 50 posts on Weibo within 10m");
      assertThat(console.text("#injects tr[data-inject=follow-up] .inject-status"))
          .isEqualTo("Watching: task \"回应投诉\" done");
      console.resize(1920, 1080);
      console.screenshot("console-contingencies-en");
    }
  }
}
