package io.drillboard.drill;

import io.drillboard.drill.CriterionResult.Status;
import io.drillboard.scenario.Scenario.Anchor;
import io.drillboard.scenario.Scenario.Criterion;
import io.drillboard.scenario.Scenario.Measure;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.TaskStep;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Measures a scenario's criteria from a drill's state: live (provisional, with what is already certain) and at the
 * end (final). A pure function, so the live panel and the report agree.
 */
public final class Criteria {
  private Criteria() {
  }

  public static List<CriterionResult> measure(DrillFacts facts, long simNow) {
    List<CriterionResult> results = new ArrayList<>();
    for (Criterion criterion : facts.scenario().criteria()) {
      results.add(measure(criterion, facts, simNow));
    }
    return results;
  }

  private static CriterionResult measure(Criterion criterion, DrillFacts facts, long simNow) {
    Measure measure = criterion.measure();
    if (measure instanceof Measure.Interval interval) {
      return interval(criterion, interval, facts, simNow);
    }
    if (measure instanceof Measure.BeforePeak beforePeak) {
      return beforePeak(criterion, beforePeak, facts);
    }
    return tasksOnTime(criterion, (Measure.TasksOnTime) measure, facts);
  }

  private static CriterionResult interval(Criterion c, Measure.Interval interval, DrillFacts facts, long simNow) {
    Long from = moment(interval.from(), facts);
    Long to = moment(interval.to(), facts);
    List<Long> evidence = evidence(facts, Evidence.of(interval.from()), Evidence.of(interval.to()));
    if (from == null) {
      return result(c, "interval", null, interval.target(), facts.ended() ? false : null,
          facts.ended() ? Status.MISSED : Status.PENDING, evidence);
    }
    if (to != null) {
      long value = to - from;
      boolean met = value <= interval.target();
      return result(c, "interval", value, interval.target(), met, met ? Status.MET : Status.MISSED, evidence);
    }
    long elapsed = simNow - from;
    // Past the target without the second moment: missed already, whatever happens next.
    boolean missed = elapsed > interval.target() || facts.ended();
    return result(c, "interval", elapsed, interval.target(), missed ? false : null,
        missed ? Status.MISSED : Status.RUNNING, evidence);
  }

  private static CriterionResult beforePeak(Criterion c, Measure.BeforePeak beforePeak, DrillFacts facts) {
    Long at = moment(beforePeak.event(), facts);
    OptionalLong peak = facts.opinionPeakMinute();
    List<Long> evidence = evidence(facts, Evidence.of(beforePeak.event()), Evidence.OPINION_PEAK);
    if (at == null || peak.isEmpty()) {
      boolean missed = facts.ended();
      return result(c, "before-peak", null, null, missed ? false : null, missed ? Status.MISSED : Status.PENDING,
          evidence);
    }
    // Value: how long before (negative: after) the peak minute the event came.
    long value = peak.getAsLong() - at;
    boolean met = value > 0;
    return result(c, "before-peak", value, null, met, met ? Status.MET : Status.MISSED, evidence);
  }

  private static CriterionResult tasksOnTime(Criterion c, Measure.TasksOnTime onTime, DrillFacts facts) {
    List<Task> tasks = facts.scenario().tasks().stream()
        .filter(t -> onTime.teamId() == null || t.teamId().equals(onTime.teamId())).toList();
    long late = tasks.stream().filter(t -> facts.taskOverdue(t.id())).count();
    boolean allDone = tasks.stream().allMatch(t -> facts.taskReached(t.id(), TaskStep.DONE).isPresent());
    Status status = late > 0 || (facts.ended() && !allDone) ? Status.MISSED : allDone ? Status.MET : Status.RUNNING;
    Boolean met = status == Status.RUNNING ? null : status == Status.MET;
    List<Long> evidence = evidence(facts, tasks.stream().flatMap(t -> java.util.stream.Stream.of(
        Evidence.taskOverdue(t.id()), Evidence.taskStep(t.id(), TaskStep.DONE))).toArray(String[]::new));
    return result(c, "tasks-on-time", late, null, met, status, evidence);
  }

  /** When the anchor happened, or null if it has not yet. */
  public static Long moment(Anchor anchor, DrillFacts facts) {
    OptionalLong at = anchor instanceof Anchor.InjectFiredAt fired ? facts.injectFiredAt(fired.injectId())
        : facts.taskReached(((Anchor.TaskReached) anchor).taskId(), ((Anchor.TaskReached) anchor).step());
    return at.isPresent() ? at.getAsLong() : null;
  }

  private static CriterionResult result(Criterion c, String measure, Long value, Long target, Boolean met,
      Status status, List<Long> evidence) {
    return new CriterionResult(c.id(), c.name(), c.nameEn(), c.shortName(), c.objectiveId(), measure, value, target,
        met, status, evidence);
  }

  /** The seqs of the events behind these moments, in seq order, for those that happened. */
  private static List<Long> evidence(DrillFacts facts, String... keys) {
    return java.util.Arrays.stream(keys).map(facts::evidence).filter(OptionalLong::isPresent)
        .map(OptionalLong::getAsLong).sorted().distinct().toList();
  }
}
