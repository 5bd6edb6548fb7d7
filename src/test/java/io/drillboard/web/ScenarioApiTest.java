package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.DefaultScenario;
import io.drillboard.config.ServerConfig;
import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.RunningServer;
import io.drillboard.support.TestDatabase;
import io.drillboard.support.TestServer;
import io.drillboard.support.Workbooks;
import io.drillboard.workbook.ScenarioWorkbook;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScenarioApiTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.with(ScenarioApiTest::configWithScenarioFiles);
  private static Http http;
  private static String director;

  @BeforeAll
  static void tokens() {
    http = server.http();
    director = server.token(Role.DIRECTOR);
  }

  private static ServerConfig configWithScenarioFiles() {
    try {
      Path dataDir = Path.of("target", "test-data", "scenario-api");
      TestDatabase.deleteRecursively(dataDir);
      Files.createDirectories(dataDir.resolve("scenarios"));
      Files.writeString(dataDir.resolve("scenarios/from-file.yaml"), variant("from-file", "文件场景"));
      Files.writeString(dataDir.resolve("scenarios/broken.yaml"), "id: broken\n");
      return TestServer.config().withDataDir(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String variant(String id, String title) {
    return DefaultScenario.load().source().replace("id: major-complaint", "id: " + id)
        .replace("title: XX 银行金融消费者重大投诉应急演练", "title: " + title);
  }

  @Test
  void theBuiltInAndDataDirScenariosAreListedAndAnInvalidFileIsSkipped() {
    JsonObject list = http.json(http.get("/api/v1/scenarios", server.token(Role.OBSERVER)));
    assertThat(list.getJsonArray("scenarios").stream().map(s -> ((JsonObject) s).getString("id") + ":"
        + ((JsonObject) s).getString("origin"))).contains("major-complaint:built-in", "from-file:file")
        .doesNotContain("broken:file");
    JsonObject seed = http.json(http.get("/api/v1/scenarios/major-complaint", director));
    assertThat(seed.getJsonArray("teams")).hasSize(5);
    assertThat(seed.getString("source")).contains("舆情监测与应对小组");
  }

  @Test
  void aPostedScenarioIsValidatedStoredAndUsable() {
    String id = "posted-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<Buffer> created = http.call(HttpMethod.POST, "/api/v1/scenarios", director, variant(id, "新场景"),
        "application/yaml");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.getHeader("Location")).isEqualTo("/api/v1/scenarios/" + id);
    HttpResponse<Buffer> replaced = http.post("/api/v1/scenarios", director,
        new JsonObject().put("source", variant(id, "改过的场景")).encode());
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(http.json(http.get("/api/v1/scenarios/" + id, director)).getString("title")).isEqualTo("改过的场景");
    HttpResponse<Buffer> drill = http.post("/api/v1/drills", director, "{\"scenarioId\":\"" + id + "\"}");
    assertThat(drill.statusCode()).isEqualTo(201);
    assertThat(http.json(drill).getString("title")).isEqualTo("改过的场景");
  }

  /**
   * The wall's eight-team test scenario, posted as the browser tests post it, plays to its end on autopilot; its
   * snapshot names every platform and channel and gives each name its short form, or null.
   */
  @Test
  void theWallsEightTeamScenarioPlaysToItsEndWithItsNamesInTheSnapshot() throws Exception {
    String yaml;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("scenarios/wall-eight-teams.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(http.call(HttpMethod.POST, "/api/v1/scenarios", director, yaml, "application/yaml").statusCode())
        .isIn(200, 201);
    String id = http.json(http.post("/api/v1/drills", director,
        "{\"scenarioId\":\"wall-eight-teams\",\"speed\":3600,\"autopilot\":true,\"seed\":5}")).getString("id");
    http.post("/api/v1/drills/" + id + "/start", director, null);
    JsonObject drill = Eventually.drillEnded(http, id, director);
    assertThat(drill.getJsonObject("kpis").getInteger("tasks")).isEqualTo(12);
    assertThat(drill.getJsonObject("kpis").getInteger("done")).as("every task scripted").isEqualTo(12);

    JsonObject platforms = drill.getJsonObject("labels").getJsonObject("platforms");
    assertThat(platforms.fieldNames()).containsExactlyInAnyOrder("wechat", "weibo", "douyin", "news", "bank-app");
    assertThat(platforms.getJsonObject("bank-app").getString("name")).isEqualTo("手机银行评论区");
    assertThat(platforms.getJsonObject("news").getString("nameEn")).isEqualTo("News sites");
    JsonObject channels = drill.getJsonObject("labels").getJsonObject("channels");
    assertThat(channels.fieldNames()).containsExactlyInAnyOrder("internal", "hotline", "branch", "social", "media");
    assertThat(channels.getJsonObject("hotline").getString("name")).isEqualTo("客服热线");

    JsonObject command = drill.getJsonArray("teams").getJsonObject(0);
    assertThat(command.getString("short")).isEqualTo("指挥部");
    assertThat(command.getJsonArray("tasks").getJsonObject(0).getString("shortEn")).isEqualTo("Convene");
    JsonObject consumers = drill.getJsonArray("teams").getJsonObject(2);
    assertThat(consumers.getString("name")).isEqualTo("个人金融业务部消费者权益保护工作小组");
    assertThat(consumers.containsKey("short")).isTrue();
    assertThat(consumers.getString("short")).isNull();
    assertThat(drill.getJsonArray("injects").getJsonObject(1).getString("short")).isEqualTo("投诉激增");
    assertThat(drill.getJsonArray("criteria").getJsonObject(0).getString("shortEn")).isEqualTo("Convened ≤ 20m");
    assertThat(drill.getJsonArray("criteria").getJsonObject(1).getString("shortEn")).isNull();
  }

  /**
   * A planner's way from a spreadsheet to a drill: export a scenario as xlsx, edit it, post it back, create the drill.
   */
  @Test
  void aScenarioGoesFromItsWorkbookThroughASpreadsheetToADrill() {
    HttpResponse<Buffer> exported = http.get("/api/v1/scenarios/major-complaint.xlsx", server.token(Role.OBSERVER));
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.getHeader("Content-Type")).isEqualTo(ScenarioWorkbook.XLSX_TYPE);
    assertThat(exported.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"major-complaint.xlsx\"");
    HttpResponse<Buffer> byAccept = http.send(HttpMethod.GET, "/api/v1/scenarios/major-complaint", director, null,
        null, ScenarioWorkbook.XLSX_TYPE);
    assertThat(byAccept.getHeader("Content-Type")).isEqualTo(ScenarioWorkbook.XLSX_TYPE);

    String id = "from-sheet-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] edited = Workbooks.edit(exported.body().getBytes(), workbook -> {
      Row scenario = workbook.getSheet("Scenario").getRow(1);
      scenario.getCell(0).setCellValue(id);
      scenario.getCell(1).setCellValue("表格里改过的演练");
    });
    HttpResponse<Buffer> posted = http.send(HttpMethod.POST, "/api/v1/scenarios", director, Buffer.buffer(edited),
        ScenarioWorkbook.XLSX_TYPE, null);
    assertThat(posted.statusCode()).isEqualTo(201);
    JsonObject stored = http.json(http.get("/api/v1/scenarios/" + id, director));
    assertThat(stored.getString("title")).isEqualTo("表格里改过的演练");
    assertThat(stored.getString("source")).startsWith("# Read from a workbook (xlsx).").contains("start: \"09:00\"");
    assertThat(stored.getJsonArray("injects")).hasSize(DefaultScenario.load().injects().size());
    HttpResponse<Buffer> drill = http.post("/api/v1/drills", director, "{\"scenarioId\":\"" + id + "\"}");
    assertThat(drill.statusCode()).isEqualTo(201);
    assertThat(http.json(drill).getString("title")).isEqualTo("表格里改过的演练");
  }

  @Test
  void aBadWorkbookIsRefusedWithEveryProblemByCellAndNothingIsStored() {
    byte[] xlsx = http.get("/api/v1/scenarios/major-complaint.xlsx", director).body().getBytes();
    byte[] broken = Workbooks.edit(xlsx, workbook -> {
      workbook.getSheet("Scenario").getRow(1).getCell(0).setCellValue("broken-sheet");
      workbook.getSheet("Injects").getRow(2).getCell(1).setCellValue("25:00");
      workbook.getSheet("Criteria").getRow(1).getCell(6).setCellValue("speed");
    });
    // A generic type (a file picker's guess): the zip signature says it is a workbook all the same.
    HttpResponse<Buffer> response = http.send(HttpMethod.POST, "/api/v1/scenarios", director,
        Buffer.buffer(broken), "application/octet-stream", null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getJsonArray("errors", new JsonArray()).getList())
        .as(response.bodyAsString()).contains(
        "Injects!B3: \"25:00\" is not a valid time of day",
        "Criteria!G2: must be interval, before-peak or tasks-on-time, got \"speed\"");
    assertThat(http.get("/api/v1/scenarios/broken-sheet", director).statusCode()).isEqualTo(404);
  }

  @Test
  void oneSheetExportsAsCsvAndAnUnknownSheetIsRefused() {
    HttpResponse<Buffer> csv = http.get("/api/v1/scenarios/card-outage-holiday.csv?sheet=tasks", director);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(csv.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"card-outage-holiday-tasks.csv\"");
    assertThat(csv.bodyAsString()).startsWith("\uFEFFteam,id,title,");
    HttpResponse<Buffer> injects = http.send(HttpMethod.GET, "/api/v1/scenarios/major-complaint", director, null,
        null, "text/csv");
    assertThat(injects.bodyAsString()).startsWith("\uFEFFid,at,");
    HttpResponse<Buffer> unknown = http.get("/api/v1/scenarios/major-complaint.csv?sheet=people", director);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getString("detail")).startsWith("sheet: no sheet is called \"people\"");
  }

  @Test
  void anInvalidScenarioIsRefusedWithEveryProblemByPath() {
    String broken = variant("broken-one", "坏场景").replace("deadline: 15m", "deadline: fifteen")
        .replace("trigger: {task: first-meeting}", "trigger: {task: no-meeting}");
    HttpResponse<Buffer> response = http.call(HttpMethod.POST, "/api/v1/scenarios", director, broken, "text/yaml");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    String errors = response.bodyAsJsonObject().getJsonArray("errors").encode();
    assertThat(errors).contains("teams[0].tasks[0].deadline", "trigger.task: no task has the id \\\"no-meeting\\\"");
    assertThat(http.get("/api/v1/scenarios/broken-one", director).statusCode()).isEqualTo(404);
  }

  @Test
  void theBuiltInIdCannotBeTakenAndOnlyDirectorsPost() {
    assertThat(http.call(HttpMethod.POST, "/api/v1/scenarios", director, DefaultScenario.load().source(),
        "application/yaml").statusCode()).isEqualTo(409);
    assertThat(http.call(HttpMethod.POST, "/api/v1/scenarios", server.token(Role.INJECTOR), variant("x-y", "x"),
        "application/yaml").statusCode()).isEqualTo(403);
  }
}
