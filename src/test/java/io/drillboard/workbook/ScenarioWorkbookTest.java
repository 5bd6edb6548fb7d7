package io.drillboard.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static io.drillboard.support.Workbooks.edit;
import static io.drillboard.support.Workbooks.open;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioInvalidException;
import io.drillboard.scenario.ScenarioParser;
import io.drillboard.support.TestScenarios;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ScenarioWorkbookTest {
  private static final Scenario SEED = DefaultScenario.load();

  static Stream<Scenario> everyScenarioWeShip() {
    List<Scenario> all = new ArrayList<>(DefaultScenario.builtIns());
    all.add(ScenarioParser.parse(TestScenarios.text("contingencies")));
    all.add(ScenarioParser.parse(TestScenarios.text("wall-eight-teams")));
    return all.stream();
  }

  @Test
  void anExportReadBackIsTheSameScenarioFieldForFieldForEveryBuiltInScenario() {
    everyScenarioWeShip().forEach(scenario -> {
      Scenario back = ScenarioWorkbook.read(ScenarioWorkbook.xlsx(scenario));
      assertThat(back).as(scenario.id()).usingRecursiveComparison().ignoringFields("source").isEqualTo(scenario);
      // The order of the platforms is the order of the model's draws: the same seed must give the same drill.
      assertThat(back.opinion().platforms().keySet()).as(scenario.id())
          .containsExactlyElementsOf(scenario.opinion().platforms().keySet());
      assertThat(ScenarioWorkbook.read(ScenarioWorkbook.xlsx(back))).usingRecursiveComparison()
          .isEqualTo(back);
    });
  }

  @Test
  void theWorkbookHasASheetPerListHeadedByTheFormatsKeysInChineseAndEnglish() throws IOException {
    try (XSSFWorkbook workbook = open(ScenarioWorkbook.xlsx(SEED))) {
      List<String> names = new ArrayList<>();
      workbook.forEach(sheet -> names.add(sheet.getSheetName()));
      assertThat(names).containsExactly("Scenario", "Objectives", "Teams", "Tasks", "Injects", "Criteria", "Opinion",
          "Platforms", "Channels", "Feed", "FeedValues", "FeedTemplates");
      Sheet injects = workbook.getSheet("Injects");
      assertThat(injects.getRow(0).getCell(1).getStringCellValue()).isEqualTo("at\n时间 · At");
      assertThat(injects.getLastRowNum()).isEqualTo(SEED.injects().size());
      Cell firstAt = injects.getRow(1).getCell(1);
      assertThat(firstAt.getCellType()).as("times are text, never a fraction of a day").isEqualTo(CellType.STRING);
      assertThat(firstAt.getStringCellValue()).isEqualTo("09:00");
      Sheet tasks = workbook.getSheet("Tasks");
      assertThat(tasks.getRow(0).getCell(0).getStringCellValue()).startsWith("team\n");
      assertThat(tasks.getLastRowNum()).isEqualTo(SEED.teams().stream().mapToInt(t -> t.tasks().size()).sum());
      assertThat(workbook.getSheet("Criteria").getDataValidations()).as("measure offers its three choices")
          .anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
              .containsExactly("interval", "before-peak", "tasks-on-time"));
      assertThat(workbook.getSheet("Platforms").getRow(1).getCell(0).getStringCellValue()).isEqualTo("wechat");
    }
  }

  @Test
  void aPlannersEditsComeBackAsTheScenario() {
    byte[] edited = edit(ScenarioWorkbook.xlsx(SEED), workbook -> {
      workbook.getSheet("Scenario").getRow(1).getCell(0).setCellValue("from-a-workbook");
      Sheet injects = workbook.getSheet("Injects");
      Row added = injects.createRow(injects.getLastRowNum() + 1);
      added.createCell(0).setCellValue("press-call");
      added.createCell(1).setCellValue(0.625); // typed as a time in Excel: 15:00
      added.createCell(13).setCellValue("记者来电");
    });
    Scenario read = ScenarioWorkbook.read(edited);
    assertThat(read.id()).isEqualTo("from-a-workbook");
    assertThat(read.injects()).hasSize(SEED.injects().size() + 1);
    assertThat(read.injects().get(SEED.injects().size()).title()).isEqualTo("记者来电");
    assertThat(read.injects().get(SEED.injects().size()).at()).hasValue(15 * 3_600_000L);
    assertThat(read.source()).contains("id: from-a-workbook", "press-call");
    assertThat(ScenarioParser.parse(read.source())).usingRecursiveComparison().isEqualTo(read);
  }

  @Test
  void everyProblemOfABadWorkbookIsNamedBySheetRowAndColumnAllAtOnce() {
    byte[] broken = edit(ScenarioWorkbook.xlsx(SEED), workbook -> {
      workbook.getSheet("Injects").getRow(2).getCell(1).setCellValue("25:00");
      Sheet tasks = workbook.getSheet("Tasks");
      tasks.getRow(1).getCell(8).setCellValue("fifteen");
      tasks.getRow(2).getCell(0).setCellValue("nobody");
      tasks.getRow(1).getCell(6).setCellValue("no-such-inject");
      tasks.getRow(3).createCell(6).setCellValue(SEED.injects().get(0).id()); // beside its trigger.task
      tasks.getRow(0).createCell(30).setCellValue("deadine");
      workbook.getSheet("Injects").getRow(3).getCell(1).setCellValue(45_000.5); // a date and time, not a time of day
      workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("x");
    });
    assertThatThrownBy(() -> ScenarioWorkbook.read(broken)).isInstanceOfSatisfying(ScenarioInvalidException.class,
        invalid -> assertThat(invalid.problems()).contains(
            "Injects!B3: \"25:00\" is not a valid time of day",
            "Tasks!I2: expected a duration such as \"15m\", \"4h\", \"1h30m\" or \"1d\", got \"fifteen\"",
            "Tasks!A3: no row of the sheet Teams has the id \"nobody\"",
            "Tasks!4:4: trigger: give exactly one of inject (an inject id) or task (a task id)",
            "Tasks!AE1: unknown column \"deadine\" (expected one of team, id, title, titleEn, short, shortEn, "
                + "trigger.inject, trigger.task, deadline, critical, objectives, script.ack, script.start, "
                + "script.done, script.statement.text, script.statement.textEn, effect.branching, "
                + "effect.sentimentShift)",
            "Notes: unknown sheet (expected Scenario, Objectives, Teams, Tasks, Injects, Criteria, Opinion, "
                + "Platforms, Channels, Feed, FeedValues, FeedTemplates); delete it or rename it")
            .anySatisfy(p -> assertThat(p).startsWith("Tasks!G2: no inject has the id \"no-such-inject\""))
            .anySatisfy(p -> assertThat(p).startsWith("Injects!B4: is a date or a number, not a time of day"))
            .as("a time that cannot be read is not also outside the clock")
            .noneMatch(p -> p.startsWith("Injects!B3: must lie within the clock")));
  }

  @Test
  void aZipBombIsRefusedBeforeItExpands() throws IOException {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ScenarioWorkbook.xlsx(SEED)));
        ZipOutputStream out = new ZipOutputStream(bomb)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
      }
      out.putNextEntry(new ZipEntry("xl/media/padding.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 200; i++) {
        out.write(spaces); // 200 MiB of spaces: about 200 KiB zipped
      }
    }
    assertThat(bomb.size()).isLessThan(ScenarioWorkbook.MAX_BYTES);
    assertThatThrownBy(() -> ScenarioWorkbook.read(bomb.toByteArray()))
        .isInstanceOfSatisfying(ScenarioInvalidException.class, invalid -> assertThat(invalid.problems())
            .contains("(workbook): refused: a part of the file would unzip to more than 100 times its size "
                + "(a zip bomb)"));
  }

  @Test
  void aFileTooLargeOrNotAWorkbookIsRefusedWithoutReadingIt() {
    assertThatThrownBy(() -> ScenarioWorkbook.read(new byte[ScenarioWorkbook.MAX_BYTES + 1]))
        .isInstanceOfSatisfying(ScenarioInvalidException.class, invalid -> assertThat(invalid.problems())
            .contains("(workbook): larger than 5 MiB"));
    assertThatThrownBy(() -> ScenarioWorkbook.read(SEED.source().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ScenarioInvalidException.class, invalid -> assertThat(invalid.problems())
            .anySatisfy(p -> assertThat(p).startsWith("(workbook): not a readable xlsx workbook")));
  }

  @Test
  void tooManyRowsOnASheetAreRefused() {
    byte[] long_ = edit(ScenarioWorkbook.xlsx(SEED), workbook -> {
      Sheet objectives = workbook.getSheet("Objectives");
      for (int r = 1; r <= WorkbookReader.MAX_ROWS + 1; r++) {
        objectives.createRow(r).createCell(0).setCellValue("o" + r);
      }
    });
    assertThatThrownBy(() -> ScenarioWorkbook.read(long_)).isInstanceOfSatisfying(ScenarioInvalidException.class,
        invalid -> assertThat(invalid.problems()).contains("Objectives: more than 5000 rows"));
  }

  @Test
  void aSheetExportsAsCsvWithItsKeysAndQuotedText() {
    String csv = ScenarioWorkbook.csv(SEED, "injects");
    List<String> lines = csv.lines().toList();
    assertThat(csv).startsWith("\uFEFFid,at,held,");
    assertThat(lines).hasSize(SEED.injects().size() + 1);
    assertThat(lines.get(1)).startsWith(SEED.injects().get(0).id() + ",09:00,");
    String tasks = ScenarioWorkbook.csv(SEED, "Tasks");
    assertThat(tasks).contains("\r\n").contains(SEED.teams().get(0).id() + ",");
    assertThatThrownBy(() -> ScenarioWorkbook.csv(SEED, "nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected one of Scenario, Objectives");
  }
}
