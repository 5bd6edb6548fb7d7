package io.drillboard.drill;

import io.drillboard.drill.CriterionResult.Status;
import io.drillboard.drill.EventBody.ConditionMet;
import io.drillboard.drill.OpinionTally.Window;
import io.drillboard.scenario.Scenario.Condition;
import io.drillboard.scenario.Scenario.Contingency;
import io.drillboard.scenario.Scenario.Criterion;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.Scenario.Measure;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether a contingency inject's condition holds, read from the drill's state alone at a sim time. Most conditions can
 * only come true with an event (a task overdue or moved, a minute of opinion sampled), so the engine asks after each;
 * the others come true as time passes, and {@link #nextCheck} says when to ask.
 */
final class ConditionWatch {
  private ConditionWatch() {
  }

  /** The condition's record if it holds at {@code sim} (never before the inject's time, when it has one). */
  static Optional<ConditionMet> met(Inject inject, DrillState state, long sim) {
    Contingency contingency = inject.contingency().orElseThrow();
    if (inject.at().isPresent() && sim < inject.at().getAsLong()) {
      return Optional.empty();
    }
    Condition when = contingency.when();
    long fireAt = sim + contingency.delay();
    if (when instanceof Condition.TaskOverdue overdue) {
      return state.taskOverdue(overdue.taskId())
          ? Optional.of(new ConditionMet(inject.id(), when.key(), overdue.taskId(), null, fireAt)) : Optional.empty();
    }
    if (when instanceof Condition.TaskReached reached) {
      return state.taskReached(reached.taskId(), reached.step()).isPresent()
          ? Optional.of(new ConditionMet(inject.id(), when.key(), reached.taskId(), null, fireAt)) : Optional.empty();
    }
    if (when instanceof Condition.CriterionMissed missed) {
      boolean isMissed = Criteria.measure(state, sim).stream()
          .anyMatch(c -> c.id().equals(missed.criterionId()) && c.status() == Status.MISSED);
      return isMissed ? Optional.of(new ConditionMet(inject.id(), when.key(), missed.criterionId(), null, fireAt))
          : Optional.empty();
    }
    if (when instanceof Condition.PostsOver posts) {
      Window window = state.opinion().window(sim - posts.within(), sim, posts.platform());
      return window.posts() > posts.posts() ? Optional.of(new ConditionMet(inject.id(), when.key(), posts.platform(),
          (double) window.posts(), fireAt)) : Optional.empty();
    }
    Condition.NegativeShareOver negative = (Condition.NegativeShareOver) when;
    Window window = state.opinion().window(sim - negative.within(), sim, negative.platform());
    return window.negativeShare() > negative.share() ? Optional.of(new ConditionMet(inject.id(), when.key(),
        negative.platform(), window.negativeShare(), fireAt)) : Optional.empty();
  }

  /**
   * The first sim time after {@code after} at which the condition may come true with no event to tell: when the
   * inject's time arms it, or when a criterion's interval runs past its target.
   */
  static OptionalLong nextCheck(Inject inject, DrillState state, long after) {
    if (inject.at().isPresent() && inject.at().getAsLong() > after) {
      return inject.at();
    }
    if (inject.contingency().orElseThrow().when() instanceof Condition.CriterionMissed missed) {
      Optional<Measure.Interval> interval = state.scenario().criteria().stream()
          .filter(c -> c.id().equals(missed.criterionId())).map(Criterion::measure)
          .filter(Measure.Interval.class::isInstance).map(Measure.Interval.class::cast).findFirst();
      if (interval.isPresent() && Criteria.moment(interval.get().to(), state) == null) {
        Long from = Criteria.moment(interval.get().from(), state);
        // Missed once the time since the first moment exceeds the target: one millisecond past it.
        if (from != null && from + interval.get().target() + 1 > after) {
          return OptionalLong.of(from + interval.get().target() + 1);
        }
      }
    }
    return OptionalLong.empty();
  }
}
