package io.drillboard.drill;

import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.TaskStep;
import java.util.OptionalLong;

/** What evaluation needs to know of a drill: when things happened. The drill's state answers it. */
public interface DrillFacts {
  Scenario scenario();

  OptionalLong injectFiredAt(String injectId);

  OptionalLong taskReached(String taskId, TaskStep step);

  boolean taskOverdue(String taskId);

  OptionalLong opinionPeakMinute();

  boolean ended();

  /** The seq of the event that proves a moment (see {@link Evidence}), if it happened. */
  OptionalLong evidence(String key);
}
