package io.drillboard.drill;

import io.drillboard.scenario.Scenario.Anchor;
import io.drillboard.scenario.Scenario.TaskStep;
import java.util.Locale;

/** Names of the moments whose events are a criterion's evidence: an inject firing, a task's step, the opinion peak. */
public final class Evidence {
  public static final String OPINION_PEAK = "opinion:peak";

  private Evidence() {
  }

  public static String injectFired(String injectId) {
    return "inject:" + injectId;
  }

  public static String taskStep(String taskId, TaskStep step) {
    return "task:" + taskId + ":" + step.name().toLowerCase(Locale.ROOT);
  }

  public static String taskOverdue(String taskId) {
    return "task:" + taskId + ":overdue";
  }

  public static String of(Anchor anchor) {
    if (anchor instanceof Anchor.InjectFiredAt fired) {
      return injectFired(fired.injectId());
    }
    Anchor.TaskReached reached = (Anchor.TaskReached) anchor;
    return taskStep(reached.taskId(), reached.step());
  }
}
