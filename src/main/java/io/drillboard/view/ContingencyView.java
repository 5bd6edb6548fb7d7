package io.drillboard.view;

import io.drillboard.drill.DrillState.MetCondition;
import io.drillboard.scenario.Scenario.Condition;
import io.drillboard.scenario.Scenario.Contingency;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** A contingency inject's condition and, once it came true, what it measured: for the drill view and the report. */
public final class ContingencyView {
  private ContingencyView() {
  }

  /** What the contingency watches, as the scenario says it: the subject is a task, a criterion or a platform. */
  public static JsonObject condition(Contingency contingency) {
    Condition when = contingency.when();
    JsonObject json = new JsonObject().put("key", when.key());
    if (when instanceof Condition.TaskOverdue overdue) {
      json.put("subject", overdue.taskId());
    } else if (when instanceof Condition.TaskReached reached) {
      json.put("subject", reached.taskId()).put("step", reached.step().name().toLowerCase(Locale.ROOT));
    } else if (when instanceof Condition.CriterionMissed missed) {
      json.put("subject", missed.criterionId());
    } else if (when instanceof Condition.PostsOver posts) {
      json.put("subject", posts.platform()).put("threshold", posts.posts()).put("within", posts.within());
    } else if (when instanceof Condition.NegativeShareOver negative) {
      json.put("subject", negative.platform()).put("threshold", negative.share()).put("within", negative.within());
    }
    return json.put("delay", contingency.delay());
  }

  /** When the condition came true, when the inject fires and what was measured; null while it is watched. */
  public static JsonObject met(MetCondition met) {
    return met == null ? null : new JsonObject().put("at", met.at()).put("fireAt", met.met().fireAt())
        .put("measured", met.met().measured());
  }
}
