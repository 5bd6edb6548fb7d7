package io.drillboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Assessment.ActionState;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.LessonKind;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.drill.EventBody;
import io.drillboard.opinion.FeedPost;
import io.drillboard.drill.EventBody.SystemEvent;
import io.drillboard.drill.EventType;
import io.drillboard.drill.TaskState;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.Scenario.Sentiment;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every event type the engine writes survives the store's JSON, and its payload reads as it always has. */
class EventJsonTest {
  private static final List<SystemEvent> ONE_OF_EACH = List.of(
      new EventBody.DrillCreated("major-complaint", "id: x", 60, true, 7, "director", "秋季演练", "总行"),
      new EventBody.Started(60, "director"), new EventBody.Paused("director"), new EventBody.Resumed("director"),
      new EventBody.SpeedChanged(600, "director"), new EventBody.Ended("stopped", "director"),
      new EventBody.Archived(true, "director"), new EventBody.Archived(false, "director"),
      new EventBody.Broadcast("各小组注意", "director"),
      new EventBody.InjectFired("adhoc-1", true, "phone", "记者来电", null,
          Optional.of(new InjectOpinion(50, "weibo", 300_000)), "director"),
      new EventBody.TaskTriggered("activate-plan", "leadership", 40_500_000),
      new EventBody.TaskAdvanced("activate-plan", "leadership", TaskState.ACKNOWLEDGED, "autopilot"),
      new EventBody.TaskAdvanced("activate-plan", "leadership", TaskState.IN_PROGRESS, "autopilot"),
      new EventBody.TaskAdvanced("activate-plan", "leadership", TaskState.DONE, "autopilot", "已发布通知"),
      new EventBody.TaskOverdue("public-statement", "opinion"),
      new EventBody.ConditionMet("escalation", "taskOverdue", "respond", null, 34_200_000),
      new EventBody.ConditionMet("trending", "postsOver", "weibo", 61.0, 37_260_000),
      new EventBody.FeedPosted(List.of(new FeedPost("p12", 36_061_000, "weibo", "negative", "repost", "理性的小鱼42",
          "p3", "路过的网友17", "转发:银行就是这样对待普通客户的?", "Reposting: is this how banks treat ordinary customers?"),
          new FeedPost("statement-public-statement", 57_600_000, "weibo", "neutral", "statement", "XX银行官方微博", null,
          null, "关于近期客户投诉事件的情况说明", null))),
      new EventBody.OpinionSampled(36_000_000, Map.of("wechat", sentiments()), 3, 2, 1, 0.8),
      new EventBody.Rated(TargetKind.OBJECTIVE, "plan", Grade.U, "未启动", "王敏", 4L),
      new EventBody.Noted(36_000_000, "10:00 客户发帖", "王敏"),
      new EventBody.LessonRecorded(LessonKind.IMPROVEMENT, "舆情发现偏晚", "王敏"),
      new EventBody.ActionAssigned("修订预案", "办公室", "2026-12-31", ActionState.IN_PROGRESS, "王敏", null),
      new EventBody.Retracted(9, "重复", "王敏"),
      new EventBody.EarlierActionClosed("d-earlier", 12, "修订预案", "本次演练已按新预案执行", "王敏"));

  private static Map<Sentiment, Integer> sentiments() {
    Map<Sentiment, Integer> counts = new EnumMap<>(Sentiment.class);
    counts.put(Sentiment.NEGATIVE, 4);
    counts.put(Sentiment.NEUTRAL, 2);
    return counts;
  }

  @Test
  void theExamplesCoverEveryType() {
    assertThat(ONE_OF_EACH.stream().map(SystemEvent::eventType).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(EventType.values());
  }

  @Test
  void everyTypeComesBackFromTheStoreAsItWent() {
    for (SystemEvent body : ONE_OF_EACH) {
      assertThat(EventJson.fromStored(body.type(), EventJson.text(body))).as(body.type()).isEqualTo(body);
      assertThat(body.eventType().record()).as(body.type()).isEqualTo(body.getClass());
      assertThat(EventType.of(body.type())).contains(body.eventType());
    }
  }

  @Test
  void payloadsKeepTheirKeysAndTheirOrder() {
    assertThat(EventJson.text(new EventBody.TaskAdvanced("t", "team", TaskState.DONE, "me")))
        .isEqualTo("{\"taskId\":\"t\",\"teamId\":\"team\",\"by\":\"me\"}");
    assertThat(EventJson.text(new EventBody.Rated(TargetKind.TASK, "t", Grade.P, null, "王敏")))
        .isEqualTo("{\"target\":\"task\",\"targetId\":\"t\",\"rating\":\"P\",\"note\":null,\"by\":\"王敏\"}");
    assertThat(EventJson.text(new EventBody.DrillCreated("s", "src", 60, false, 1, "d")))
        .isEqualTo("{\"scenarioId\":\"s\",\"scenarioSource\":\"src\",\"speed\":60.0,\"autopilot\":false,"
            + "\"seed\":1,\"by\":\"d\"}");
  }

  @Test
  void anExternalEventKeepsItsTextExactly() {
    String text = "{ \"b\":1,  \"a\": [\"网点\"] }";
    EventBody stored = EventJson.fromStored("message", text);
    assertThat(stored).isEqualTo(new EventBody.External("message", text));
    assertThat(EventJson.text(stored)).isSameAs(text);
    assertThat(EventType.reserved("message")).isFalse();
  }
}
