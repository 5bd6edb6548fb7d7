package io.drillboard.scenario;

import io.drillboard.view.ScenarioView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drillboard.scenario.Scenario.Label;
import io.drillboard.scenario.Scenario.ShortName;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names a wall screen shows: short forms of long names, and display names instead of platform and channel ids. */
class ShortNamesAndLabelsTest {
  private static final String SCENARIO = """
      id: names
      title: 名称
      clock: {start: "09:00", end: "12:00"}
      opinion:
        timescale: 5m
        platforms: {wechat: 1, bank-app: 1}
        sentiment: {negative: 1}
      injects:
        - {id: start, at: "09:00", title: 客户在网点投诉并情绪激动, short: 网点投诉, shortEn: Complaint, channel: branch}
        - {id: odd, at: "09:30", title: 其他渠道, channel: carrier-pigeon}
      teams:
        - id: team-a
          name: 舆情监测与应对小组
          short: 舆情组
          shortEn: Opinion
          tasks:
            - {id: t1, title: 发布正面回应和声明, shortEn: Statement, trigger: {inject: start}, deadline: 15m}
      criteria:
        - {id: c1, name: 各小组按时完成全部任务, short: 全部按时, measure: tasks-on-time}
      LABELS
      """;

  private static Scenario parse(String labels) {
    return ScenarioParser.parse(SCENARIO.replace("LABELS", labels));
  }

  private static List<String> problems(String labels) {
    List<String> problems = new ArrayList<>();
    assertThatThrownBy(() -> parse(labels)).isInstanceOfSatisfying(ScenarioInvalidException.class,
        e -> problems.addAll(e.problems()));
    return problems;
  }

  @Test
  void shortNamesAreReadWhereGivenAndNullWhereNot() {
    Scenario scenario = parse("");
    assertThat(scenario.teams().get(0).shortName()).isEqualTo(new ShortName("舆情组", "Opinion"));
    assertThat(scenario.tasks().get(0).shortName()).isEqualTo(new ShortName(null, "Statement"));
    assertThat(scenario.injects().get(0).shortName()).isEqualTo(new ShortName("网点投诉", "Complaint"));
    assertThat(scenario.injects().get(1).shortName()).isEqualTo(ShortName.NONE);
    assertThat(scenario.criteria().get(0).shortName()).isEqualTo(new ShortName("全部按时", null));
    JsonObject team = ScenarioView.full(scenario, "test").getJsonArray("teams").getJsonObject(0);
    assertThat(team.getString("short")).isEqualTo("舆情组");
    assertThat(team.getJsonArray("tasks").getJsonObject(0).getString("shortEn")).isEqualTo("Statement");
  }

  @Test
  void everyPlatformAndChannelGetsADisplayNameFromTheScenarioTheBuiltInTableOrItsId() {
    Scenario scenario = parse("""
        labels:
          platforms:
            bank-app: {name: 手机银行评论区, nameEn: Bank app reviews}
          channels:
            branch: {name: 营业网点}
        """);
    assertThat(scenario.labels().platforms()).containsExactly(
        java.util.Map.entry("wechat", new Label("微信", "WeChat")),
        java.util.Map.entry("bank-app", new Label("手机银行评论区", "Bank app reviews")));
    assertThat(scenario.labels().channels()).containsEntry("branch", new Label("营业网点", null))
        .containsEntry("carrier-pigeon", new Label("carrier-pigeon", null));
    assertThat(ScenarioView.full(scenario, "test").getJsonObject("labels").getJsonObject("platforms")
        .getJsonObject("bank-app").getString("nameEn")).isEqualTo("Bank app reviews");
  }

  @Test
  void aShortNameTooLongToShowWholeOrBlankIsRefusedByItsPath() {
    String tooLong = SCENARIO.replace("short: 舆情组", "short: 舆情监测与应对小组全体成员工作组")
        .replace("shortEn: Statement", "shortEn: Publish the public statement").replace("short: 全部按时", "short: ' '")
        .replace("LABELS", "");
    assertThatThrownBy(() -> ScenarioParser.parse(tooLong)).isInstanceOfSatisfying(ScenarioInvalidException.class,
        e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "teams[0].short: is 16 characters long; a short name has at most 12, so that the wall shows it whole",
            "teams[0].tasks[0].shortEn: is 28 characters long; a short name has at most 24, so that the wall shows it "
                + "whole",
            "criteria[0].short: must not be blank (leave it out to let the wall shorten the full name)"));
  }

  @Test
  void aLabelForAnIdTheScenarioNeverUsesIsReportedAsATypo() {
    assertThat(problems("""
        labels:
          platforms:
            wechta: {name: 微信}
          channels:
            branch: {nameEn: Branch}
            phone: {name: 电话}
        """)).containsExactlyInAnyOrder(
        "labels.platforms.wechta: no platform of this scenario has the id \"wechta\" (it uses [wechat, bank-app])",
        "labels.channels.branch.name: is required",
        "labels.channels.phone: no channel of this scenario has the id \"phone\" (it uses [branch, carrier-pigeon])");
  }

  @Test
  void aShortNameIsMeasuredInCharactersNotInJavaChars() {
    // Twelve characters beyond the BMP: 24 UTF-16 units, and still a short name that fits.
    String rare = "\uD840\uDC00".repeat(12);
    Scenario scenario = ScenarioParser.parse(SCENARIO.replace("short: 舆情组", "short: " + rare).replace("LABELS", ""));
    assertThat(scenario.teams().get(0).shortName().text()).isEqualTo(rare);
  }

  @Test
  void everyNameOfTheBuiltInScenarioHasShortFormsThatFitAndEveryPlatformAndChannelANameInBothLanguages() {
    Scenario seed = DefaultScenario.load();
    List<ShortName> names = new ArrayList<>();
    seed.teams().forEach(t -> names.add(t.shortName()));
    seed.tasks().forEach(t -> names.add(t.shortName()));
    seed.injects().forEach(i -> names.add(i.shortName()));
    seed.criteria().forEach(c -> names.add(c.shortName()));
    assertThat(names).hasSize(26).allSatisfy(name -> {
      assertThat(name.text()).isNotBlank();
      assertThat(name.text().codePointCount(0, name.text().length())).isLessThanOrEqualTo(ScenarioParser.MAX_SHORT);
      assertThat(name.textEn()).isNotBlank().hasSizeLessThanOrEqualTo(ScenarioParser.MAX_SHORT_EN);
    });
    assertThat(seed.labels().platforms()).containsOnlyKeys("wechat", "weibo", "douyin");
    assertThat(seed.labels().channels()).containsOnlyKeys("branch", "social", "internal", "media", "meeting");
    assertThat(seed.labels().platforms().values()).allSatisfy(l -> assertThat(l.nameEn()).isNotBlank());
    assertThat(seed.labels().channels().values()).allSatisfy(l -> assertThat(l.nameEn()).isNotBlank());
  }

  @Test
  void theWallsEightTeamTestScenarioLoads() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("scenarios/wall-eight-teams.yaml")) {
      Scenario scenario = ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(scenario.teams()).hasSize(8);
      assertThat(scenario.criteria()).hasSize(9);
      assertThat(scenario.labels().platforms()).hasSize(5)
          .containsEntry("bank-app", new Label("手机银行评论区", "Bank app reviews"));
      assertThat(scenario.tasks()).allSatisfy(t -> assertThat(t.script()).isPresent());
    }
  }
}
