package io.drillboard.drill;

import static io.drillboard.drill.DrillFixture.T0;
import static io.drillboard.drill.DrillFixture.director;
import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.CriterionResult.Status;
import io.drillboard.drill.EventBody.ConditionMet;
import io.drillboard.drill.EventBody.FeedPosted;
import io.drillboard.drill.EventBody.InjectFired;
import io.drillboard.opinion.FeedPost;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.SimTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The second built-in scenario, a card-payment outage on a holiday, played by the autopilot across both its days:
 * what it shows of contingency injects, the media feed and a clock that passes midnight.
 */
class CardOutageDrillTest {
  private static final Scenario OUTAGE = DefaultScenario.builtIns().stream()
      .filter(s -> s.id().equals("card-outage-holiday")).findFirst().orElseThrow();

  private static DrillFixture playedToItsEnd() {
    DrillFixture drill = DrillFixture.of(OUTAGE, 3600, true, 11).given(director(ControlAction.START), T0);
    return drill.givenTimeTo(drill.wallAt(OUTAGE.end()));
  }

  @Test
  void itRunsFromTheFirstMorningToNoonOnTheSecondDay() {
    assertThat(SimTime.format(OUTAGE.start())).isEqualTo("09:30:00");
    assertThat(SimTime.format(OUTAGE.end())).isEqualTo("D2 12:00:00");
    DrillState ended = playedToItsEnd().state();
    assertThat(ended.status()).isEqualTo(DrillStatus.ENDED);
    assertThat(ended.endReason()).isEqualTo("scenario-end");
    Map<String, Long> fired = ended.firedInjects().values().stream()
        .collect(Collectors.toMap(DrillState.FiredInject::id, DrillState.FiredInject::at));
    assertThat(SimTime.format(fired.get("next-day"))).isEqualTo("D2 09:00:00");
    assertThat(SimTime.format(fired.get("regulator-follow-up"))).isEqualTo("D2 10:00:00");
    assertThat(SimTime.format(ended.task("callback").doneAt())).isEqualTo("D2 11:30:00");
    assertThat(ended.task("callback").overdue()).isFalse();
  }

  @Test
  void itsContingenciesFireOnWhatTheAutopilotDidAndItsHeldInjectWaitsForTheDirector() {
    DrillFixture drill = playedToItsEnd();
    DrillState ended = drill.state();
    assertThat(ended.firedInjects()).containsKeys("refund-complaints", "trending").doesNotContainKey("branch-queues");
    assertThat(SimTime.format(ended.firedInjects().get("refund-complaints").at()))
        .as("20 minutes after payments were restored at 11:25").isEqualTo("11:45:00");
    assertThat(SimTime.format(ended.firedInjects().get("regulator-chase").at()))
        .as("the script reports at 11:45, past its 11:30 deadline: the regulator calls 10 minutes after it")
        .isEqualTo("11:40:00");
    ConditionMet trending = ended.metConditions().get("trending").met();
    assertThat(trending.subject()).isEqualTo("weibo");
    assertThat(trending.measured()).isGreaterThan(60);
    List<String> triggeredByTrending = drill.log().stream().filter(e -> e.body() instanceof InjectFired f
        && f.injectId().equals("trending")).map(e -> ended.task("trending-response").state().key()).toList();
    assertThat(triggeredByTrending).as("the contingency set its task").containsExactly("done");
  }

  @Test
  void itsFeedCarriesTheNewsAndTheBanksApologyAndItsCriteriaAreJudgedAcrossBothDays() {
    DrillFixture drill = playedToItsEnd();
    List<FeedPost> feed = drill.log().stream().map(Event::body).filter(FeedPosted.class::isInstance)
        .flatMap(b -> ((FeedPosted) b).posts().stream()).toList();
    assertThat(feed).extracting(FeedPost::platform).contains("weibo", "wechat", "douyin", "news");
    FeedPost apology = feed.stream().filter(p -> p.kind().equals(FeedPost.STATEMENT)).findFirst().orElseThrow();
    assertThat(SimTime.format(apology.at())).isEqualTo("11:40:00");
    assertThat(apology.text()).startsWith("【情况说明】");
    assertThat(apology.textEn()).startsWith("[Update] From 9:30 today");

    Map<String, CriterionResult> criteria = Criteria.measure(drill.state(), OUTAGE.end()).stream()
        .collect(Collectors.toMap(CriterionResult::id, Function.identity()));
    assertThat(criteria.get("restore-2h").status()).isEqualTo(Status.MET);
    assertThat(criteria.get("report-2h").status()).isEqualTo(Status.MISSED);
    assertThat(criteria.get("callback-3h").status()).as("on day 2").isEqualTo(Status.MET);
    assertThat(criteria.get("callback-3h").value()).isEqualTo(2 * SimTime.HOUR + 30 * SimTime.MINUTE);
  }
}
