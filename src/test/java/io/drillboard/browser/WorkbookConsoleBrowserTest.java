package io.drillboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Browser;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.support.Workbooks;
import io.drillboard.web.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * A planner in the director console, in a real (headless) Chromium: imports a workbook with mistakes and reads every
 * one by its cell, imports it fixed, and creates a drill from it.
 */
class WorkbookConsoleBrowserTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();
  private static Http http;
  private static String director;
  private static Path good;
  private static Path bad;

  @BeforeAll
  static void workbooksAsAPlannerSavedThem() throws IOException {
    http = server.http();
    director = server.token(Role.DIRECTOR);
    byte[] exported = http.get("/api/v1/scenarios/major-complaint.xlsx", director).body().getBytes();
    Path dir = Files.createDirectories(Path.of("target", "test-data", "workbooks"));
    good = dir.resolve("branch-drill.xlsx").toAbsolutePath();
    Files.write(good, Workbooks.edit(exported, workbook -> {
      workbook.getSheet("Scenario").getRow(1).getCell(0).setCellValue("branch-drill");
      workbook.getSheet("Scenario").getRow(1).getCell(1).setCellValue("分行投诉处置演练");
    }));
    bad = dir.resolve("branch-drill-typos.xlsx").toAbsolutePath();
    Files.write(bad, Workbooks.edit(Files.readAllBytes(good), workbook -> {
      workbook.getSheet("Injects").getRow(2).getCell(1).setCellValue("25:00");
      workbook.getSheet("Tasks").getRow(1).getCell(8).setCellValue("fifteen");
    }));
  }

  private String console(String language) {
    return "http://127.0.0.1:" + server.server().port() + "/console.html?lang=" + language + "&token=" + director;
  }

  private static void pick(Browser console, Path file) {
    WebElement input = console.find("#workbook-file");
    console.script("arguments[0].hidden = false", input);
    input.sendKeys(file.toString());
  }

  @Test
  void aPlannerImportsAWorkbookFixesItsCellsAndCreatesADrill() {
    try (Browser console = Browser.open()) {
      console.get(console("zh"));
      console.await(15, d -> console.findAll("#scenario option").size() >= 2);
      pick(console, bad);
      console.await(15, d -> console.findAll("#workbook-errors li").size() == 2);
      assertThat(console.text("#workbook-status")).isEqualTo("表格有 2 处问题，未导入：");
      assertThat(console.findAll("#workbook-errors li").stream().map(WebElement::getText)).containsExactlyInAnyOrder(
          "Tasks!I2: expected a duration such as \"15m\", \"4h\", \"1h30m\" or \"1d\", got \"fifteen\"",
          "Injects!B3: \"25:00\" is not a valid time of day");
      console.resize(1280, 720);
      console.screenshot("console-workbook-refused");

      pick(console, good);
      console.await(15, d -> console.text("#workbook-status").startsWith("已导入场景"));
      assertThat(console.findAll("#workbook-errors li")).isEmpty();
      assertThat(console.script("return document.getElementById('scenario').value")).isEqualTo("branch-drill");
      console.screenshot("console-workbook-imported");
      console.find("#create").click();
      console.await(15, d -> console.text("#create-status").length() > 0);
      assertThat(http.json(http.get("/api/v1/drills", director)).getJsonArray("drills").encode())
          .contains("分行投诉处置演练");
    }
  }
}
