package io.drillboard.drill;

import io.drillboard.scenario.Scenario.ShortName;
import java.util.List;

/**
 * One criterion as the events measure it so far. {@code value} and {@code target} are sim milliseconds (null where
 * they do not apply or are not known yet); {@code met} is null while undecided.
 */
public record CriterionResult(String id, String name, String nameEn, ShortName shortName, String objectiveId,
    String measure, Long value, Long target, Boolean met, Status status, List<Long> evidence) {

  public enum Status {
    /** Nothing to measure yet. */
    PENDING,
    /** Started (the "from" moment passed) but not finished, and still within target. */
    RUNNING,
    MET,
    MISSED
  }

  /** tasks-on-time counts late tasks; every other measure is a duration in sim milliseconds. */
  private boolean countsTasks() {
    return measure.equals("tasks-on-time");
  }

  /** The value as shown: seconds for durations, a count for tasks-on-time. */
  public Double valueInUnit() {
    return value == null ? null : countsTasks() ? value.doubleValue() : value / 1000.0;
  }

  /** What {@link #valueInUnit} counts in: "tasks" or "seconds". */
  public String unit() {
    return countsTasks() ? "tasks" : "seconds";
  }
}
