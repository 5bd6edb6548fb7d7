package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drillboard.drill.Command.Assess;
import io.drillboard.drill.EventBody.ActionAssigned;
import io.drillboard.drill.EventBody.LessonRecorded;
import io.drillboard.drill.EventBody.Noted;
import io.drillboard.drill.EventBody.Rated;
import io.drillboard.drill.EventBody.Retracted;
import io.drillboard.drill.Assessment.ActionState;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.LessonKind;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.scenario.DefaultScenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluation entries are corrected without erasure: given a drill with entries, when a correction or a retraction
 * comes, then one event that supersedes or withdraws the old entry (which stays in the log), or a rejection with
 * nothing changed. The engine and projections alone.
 */
class CorrectionsTest {
  private static final long WALL = 2_000_000;

  /** A created drill with a rating (seq 2), a note (3), a lesson (4) and an action (5), all by 王敏. */
  private static List<Event> entries() {
    DrillEngine engine = DrillEngine.create("dfix", DefaultScenario.load(), 60, false, 5, "director", WALL);
    List<Event> events = new ArrayList<>(engine.drain());
    for (EventBody entry : List.of(new Rated(TargetKind.OBJECTIVE, "plan", Grade.P, null, "王敏"),
        new Noted(36_000_000, "10:00 客户发帖", "王敏"), new LessonRecorded(LessonKind.STRENGTH, "协同顺畅", "王敏"),
        new ActionAssigned("修订预案", "办公室", "2026-12-31", "王敏"))) {
      engine.handle(new Assess(entry, "王敏"), WALL + 1_000);
    }
    events.addAll(engine.drain());
    return events;
  }

  private static DrillEngine given() {
    return DrillEngine.rebuild("dfix", entries());
  }

  @Test
  void theEntriesAreWhereTheTestExpectsThem() {
    Assessment assessment = given().state().assessment();
    assertThat(assessment.kindOf(2)).isEqualTo("rating");
    assertThat(assessment.kindOf(3)).isEqualTo("note");
    assertThat(assessment.kindOf(4)).isEqualTo("lesson");
    assertThat(assessment.kindOf(5)).isEqualTo("action");
  }

  @Test
  void aCorrectedRatingSupersedesTheOldOneWhichStaysInTheLog() {
    DrillEngine engine = given();
    engine.handle(new Assess(new Rated(TargetKind.OBJECTIVE, "plan", Grade.U, "复核后改为 U", "王敏", 2L), "王敏"),
        WALL + 5_000);

    List<Event> decided = engine.drain();
    assertThat(decided).hasSize(1);
    assertThat(decided.get(0).body()).isEqualTo(new Rated(TargetKind.OBJECTIVE, "plan", Grade.U, "复核后改为 U", "王敏", 2L));
    Assessment assessment = engine.state().assessment();
    assertThat(assessment.ratings().values()).singleElement().satisfies(r -> {
      assertThat(r.grade()).isEqualTo(Grade.U);
      assertThat(r.seq()).isEqualTo(6);
    });
    assertThat(assessment.corrections()).containsExactly(new Assessment.Correction(2, 6L, null, "王敏", 6, "P · plan"));
    // Read back from the log, the same: the old entry is still an event, superseded.
    assertThat(DrillEngine.rebuild("dfix", concat(entries(), decided)).state().assessment()).isEqualTo(assessment);
  }

  @Test
  void anActionMovesThroughItsStatesByCorrectionsAndARetractedNoteLeavesTheAssessment() {
    DrillEngine engine = given();
    engine.handle(new Assess(new ActionAssigned("修订预案", "办公室", "2026-12-31", ActionState.DONE, "王敏", 5L), "王敏"),
        WALL + 5_000);
    engine.handle(new Assess(new Retracted(3, "记错了时间", "王敏"), "王敏"), WALL + 6_000);

    assertThat(engine.drain()).extracting(Event::type).containsExactly("evaluation.action", "evaluation.retracted");
    Assessment assessment = engine.state().assessment();
    assertThat(assessment.actions()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(ActionState.DONE));
    assertThat(assessment.notes()).isEmpty();
    assertThat(assessment.lessons()).hasSize(1);
    assertThat(assessment.corrections()).extracting(Assessment.Correction::entrySeq, Assessment.Correction::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, null), org.assertj.core.groups.Tuple.tuple(3L, "记错了时间"));
  }

  @Test
  void aCorrectionOfAnEntryThatNoLongerCountsOrOfAnotherKindIsRefusedAndChangesNothing() {
    DrillEngine engine = given();
    engine.handle(new Assess(new Retracted(4, "重复", "王敏"), "王敏"), WALL + 5_000);
    engine.drain();
    Assessment before = engine.state().assessment();

    assertThatThrownBy(() -> engine.handle(new Assess(new Retracted(4, "再撤一次", "王敏"), "王敏"), WALL + 6_000))
        .isInstanceOf(CommandRejected.class).hasMessageContaining("seq 4").extracting("kind").isEqualTo(CommandRejected.Kind.NOT_FOUND);
    assertThatThrownBy(() -> engine.handle(new Assess(new Noted(40_000_000, "改成笔记", "王敏", 2L), "王敏"),
        WALL + 6_000)).isInstanceOf(CommandRejected.class).hasMessageContaining("is a rating").extracting("kind")
        .isEqualTo(CommandRejected.Kind.INVALID);
    assertThatThrownBy(() -> engine.handle(new Assess(new Retracted(1, "不是评估记录", "王敏"), "王敏"), WALL + 6_000))
        .isInstanceOf(CommandRejected.class).extracting("kind").isEqualTo(CommandRejected.Kind.NOT_FOUND);
    assertThat(engine.drain()).isEmpty();
    assertThat(engine.state().assessment()).isEqualTo(before);
  }

  private static List<Event> concat(List<Event> first, List<Event> second) {
    List<Event> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
