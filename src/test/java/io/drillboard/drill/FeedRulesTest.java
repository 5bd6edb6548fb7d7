package io.drillboard.drill;

import static io.drillboard.drill.DrillFixture.DIRECTOR;
import static io.drillboard.drill.DrillFixture.T0;
import static io.drillboard.drill.DrillFixture.director;
import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.Command.FireInject;
import io.drillboard.drill.Command.TaskAction;
import io.drillboard.drill.EventBody.FeedPosted;
import io.drillboard.opinion.FeedPost;
import io.drillboard.opinion.FeedWriter;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.SimTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated media feed of the seed scenario: a few posts a minute with texts, the same for the same seed, and the
 * bank's statement posted by its official account when the opinion team gives its text, with replies after it.
 */
class FeedRulesTest {
  private static final Scenario SEED = DefaultScenario.load();
  private static final String STATEMENT = "我行高度重视客户反映的问题,已与客户沟通并致歉。";

  private static List<FeedPost> feed(DrillFixture drill) {
    return drill.log().stream().map(Event::body).filter(FeedPosted.class::isInstance)
        .flatMap(b -> ((FeedPosted) b).posts().stream()).toList();
  }

  private static DrillFixture autopilot(long seed) {
    DrillFixture drill = DrillFixture.of(SEED, 600, true, seed).given(director(ControlAction.START), T0);
    return drill.givenTimeTo(drill.wallAt(SimTime.parseTimeOfDay("18:00")));
  }

  @Test
  void aFewPostsAMinuteGetTextsOriginalsFirstAndTheSameSeedGivesTheSameFeed() {
    DrillFixture first = autopilot(7);
    List<FeedPost> posts = feed(first);
    assertThat(posts).hasSizeGreaterThan(100).isEqualTo(feed(autopilot(7))).isNotEqualTo(feed(autopilot(8)));
    assertThat(first.log().stream().map(Event::body).filter(FeedPosted.class::isInstance)
        .map(b -> ((FeedPosted) b).posts().size())).allMatch(n -> n >= 1 && n <= 3);
    assertThat(posts).filteredOn(post -> !post.kind().equals(FeedPost.STATEMENT)).allSatisfy(post -> {
      assertThat(post.text()).isNotBlank().doesNotContain("{");
      assertThat(post.textEn()).isNotBlank().doesNotContain("{");
      assertThat(post.author()).isNotBlank();
      assertThat(post.platform()).isIn("wechat", "weibo", "douyin");
    });
    FeedPost viral = posts.get(0);
    assertThat(viral.kind()).as("the first minute's original post").isEqualTo("post");
    assertThat(viral.platform()).isEqualTo("wechat");
    assertThat(viral.text()).contains("XX 银行");
    assertThat(viral.textEn()).contains("XX Bank");
    assertThat(posts).filteredOn(p -> p.parentId() != null && p.parentId().startsWith("p"))
        .allSatisfy(p -> assertThat(p.parentAuthor()).isNotBlank());
  }

  @Test
  void theAutopilotsStatementIsTheBanksOfficialPostAtTheScriptedTime() {
    List<FeedPost> posts = feed(autopilot(7));
    FeedPost statement = posts.stream().filter(p -> p.kind().equals(FeedPost.STATEMENT)).findFirst().orElseThrow();
    assertThat(statement.at()).isEqualTo(SimTime.parseTimeOfDay("16:00"));
    assertThat(statement.author()).isEqualTo("XX银行官方微博");
    assertThat(statement.platform()).isEqualTo("weibo");
    assertThat(statement.text()).startsWith("关于近期客户投诉事件的情况说明");
    assertThat(statement.textEn()).startsWith("A statement on the recent customer complaint");
  }

  @Test
  void aStatementTheTeamGivesAppearsInTheFeedAndTheCommentsAfterItReplyToIt() {
    DrillFixture drill = DrillFixture.startedSeedDrill(600);
    long t = drill.wallAt(SimTime.parseTimeOfDay("10:40"));
    statementUnderWay(drill, t);
    DrillFixture.Outcome done = drill.when(step("public-statement", TaskState.DONE, STATEMENT), t + 1);
    FeedPost statement = done.only(FeedPosted.class).posts().get(0);
    assertThat(statement).isEqualTo(new FeedPost(FeedWriter.statementId("public-statement"), statement.at(), "weibo",
        "neutral", FeedPost.STATEMENT, "XX银行官方微博", null, null, STATEMENT, null));

    drill.givenTimeTo(drill.wallAt(statement.at() + FeedWriter.REPLY_WINDOW + SimTime.MINUTE));
    List<FeedPost> replies = feed(drill).stream().filter(p -> statement.id().equals(p.parentId())).toList();
    assertThat(replies).isNotEmpty().allSatisfy(reply -> {
      assertThat(reply.platform()).isEqualTo("weibo");
      assertThat(reply.kind()).isIn("comment", "repost");
      assertThat(reply.parentAuthor()).isEqualTo("XX银行官方微博");
      assertThat(reply.at()).isBetween(statement.at(), statement.at() + FeedWriter.REPLY_WINDOW);
    });
    assertThat(replies).extracting(FeedPost::text).allMatch(text -> List.of("回应还算及时,希望落实到位。",
        "看看后续处理结果再说。", "官方套话,问题到底解决了没有?").contains(text));
  }

  @Test
  void aTaskDoneWithoutATextPostsNoStatement() {
    DrillFixture drill = DrillFixture.startedSeedDrill(600);
    long t = T0 + 2_000;
    statementUnderWay(drill, t);
    assertThat(drill.when(step("public-statement", TaskState.DONE, null), t + 1).types())
        .doesNotContain("feed.posted");
  }

  /** Detection fired, the first meeting held and the statement started, all at {@code wall}. */
  private static void statementUnderWay(DrillFixture drill, long wall) {
    drill.given(new FireInject("detection", DIRECTOR), wall);
    List.of(TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS, TaskState.DONE)
        .forEach(to -> drill.given(step("first-meeting", to, null), wall));
    List.of(TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS)
        .forEach(to -> drill.given(step("public-statement", to, null), wall));
  }

  private static TaskAction step(String taskId, TaskState to, String note) {
    return new TaskAction(taskId, to, null, DIRECTOR, note);
  }
}
