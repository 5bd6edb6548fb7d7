package io.drillboard.evaluation;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.drill.OpinionTally;
import io.drillboard.drill.TaskProgress;
import io.drillboard.drill.TaskState;
import io.drillboard.evaluation.CriterionResult.Status;
import io.drillboard.scenario.Scenario.Anchor;
import io.drillboard.scenario.Scenario.Criterion;
import io.drillboard.scenario.Scenario.Measure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Measures a scenario's criteria from a drill's state: live (provisional, with what is already certain) and at the
 * end (final). A pure function, so the live panel and the report agree.
 */
public final class Criteria {
  private Criteria() {
  }

  public static List<CriterionResult> measure(DrillState state, long simNow) {
    List<CriterionResult> results = new ArrayList<>();
    for (Criterion criterion : state.scenario().criteria()) {
      results.add(measure(criterion, state, simNow));
    }
    return results;
  }

  private static CriterionResult measure(Criterion criterion, DrillState state, long simNow) {
    Measure measure = criterion.measure();
    if (measure instanceof Measure.Interval interval) {
      return interval(criterion, interval, state, simNow);
    }
    if (measure instanceof Measure.BeforePeak beforePeak) {
      return beforePeak(criterion, beforePeak, state);
    }
    return tasksOnTime(criterion, (Measure.TasksOnTime) measure, state);
  }

  private static CriterionResult interval(Criterion c, Measure.Interval interval, DrillState state, long simNow) {
    Long from = moment(interval.from(), state);
    Long to = moment(interval.to(), state);
    if (from == null) {
      return result(c, "interval", null, interval.target(), state.ended() ? false : null,
          state.ended() ? Status.MISSED : Status.PENDING);
    }
    if (to != null) {
      long value = to - from;
      boolean met = value <= interval.target();
      return result(c, "interval", value, interval.target(), met, met ? Status.MET : Status.MISSED);
    }
    long elapsed = simNow - from;
    // Past the target without the second moment: missed already, whatever happens next.
    boolean missed = elapsed > interval.target() || state.ended();
    return result(c, "interval", elapsed, interval.target(), missed ? false : null,
        missed ? Status.MISSED : Status.RUNNING);
  }

  private static CriterionResult beforePeak(Criterion c, Measure.BeforePeak beforePeak, DrillState state) {
    Long at = moment(beforePeak.event(), state);
    OpinionTally opinion = state.opinion();
    if (at == null || opinion.peakMinute() == OpinionTally.NONE) {
      boolean missed = state.ended();
      return result(c, "before-peak", null, null, missed ? false : null, missed ? Status.MISSED : Status.PENDING);
    }
    // Value: how long before (negative: after) the peak minute the event came.
    long value = opinion.peakMinute() - at;
    boolean met = value > 0;
    return result(c, "before-peak", value, null, met, met ? Status.MET : Status.MISSED);
  }

  private static CriterionResult tasksOnTime(Criterion c, Measure.TasksOnTime onTime, DrillState state) {
    Collection<TaskProgress> tasks = state.tasks().values().stream()
        .filter(t -> onTime.teamId() == null || t.teamId().equals(onTime.teamId())).toList();
    long late = tasks.stream().filter(TaskProgress::overdue).count();
    boolean allDone = tasks.stream().allMatch(t -> t.state() == TaskState.DONE);
    Status status = late > 0 || (state.ended() && !allDone) ? Status.MISSED : allDone ? Status.MET : Status.RUNNING;
    Boolean met = status == Status.RUNNING ? null : status == Status.MET;
    return result(c, "tasks-on-time", late, null, met, status);
  }

  /** When the anchor happened, or null if it has not yet. */
  static Long moment(Anchor anchor, DrillState state) {
    if (anchor instanceof Anchor.InjectFiredAt fired) {
      FiredInject inject = state.firedInjects().get(fired.injectId());
      return inject == null ? null : inject.at();
    }
    Anchor.TaskReached reached = (Anchor.TaskReached) anchor;
    TaskProgress task = state.task(reached.taskId());
    long at = task == null ? TaskProgress.NOT_YET : task.momentOf(reached.step());
    return at == TaskProgress.NOT_YET ? null : at;
  }

  private static CriterionResult result(Criterion c, String measure, Long value, Long target, Boolean met,
      Status status) {
    return new CriterionResult(c.id(), c.name(), c.nameEn(), c.objectiveId(), measure, value, target, met, status);
  }
}
