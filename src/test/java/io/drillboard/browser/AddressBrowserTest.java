package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Browser;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A link with ?token= gets a person into a page, but the token must not stay in the address bar, where it would be
 * printed, bookmarked or shown to the room: every page drops it as it loads, and none of its links carries one.
 */
class AddressBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  @Test
  void everyPageDropsTheTokenFromItsAddressAndNoLinkCarriesOne() {
    Http http = server.http();
    String director = server.token(Role.DIRECTOR);
    String id = http.json(http.post("/api/v1/drills", director, "{\"scenarioId\":\"major-complaint\"}"))
        .getString("id");
    String base = "http://127.0.0.1:" + server.server().port();
    Map<String, String> pages = Map.of(
        "wall", "/?drill=" + id + "&token=" + server.token(Role.OBSERVER),
        "console", "/console.html?drill=" + id + "&token=" + director,
        "team", "/team.html?drill=" + id + "&token=" + server.teamToken("comfort"),
        "evaluate", "/evaluate.html?drill=" + id + "&token=" + server.token(Role.EVALUATOR),
        "compare", "/compare.html?pick=" + id + "&token=" + server.token(Role.EVALUATOR));
    try (Browser browser = Browser.open()) {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        browser.get(base + "/health");
        browser.script("sessionStorage.clear();");
        browser.get(base + page.getValue());
        browser.await(10, d -> !browser.url().contains("token"));
        assertThat(browser.url()).as(page.getKey()).contains(page.getKey().equals("compare") ? "pick=" : "drill=" + id);
        // Wait for the page to have drawn what it draws from the drill, then look at every link it made.
        browser.await(10, d -> Boolean.TRUE.equals(browser.script(
            "return document.readyState === 'complete' && !!document.querySelector('#status, #title');")));
        assertThat(browser.findAll("a[href*='token=']")).as(page.getKey() + ": links with a token").isEmpty();
      }
    }
  }
}
