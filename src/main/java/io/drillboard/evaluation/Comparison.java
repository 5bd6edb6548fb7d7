package io.drillboard.evaluation;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.TaskProgress;
import io.drillboard.scenario.Scenario.Criterion;
import io.drillboard.scenario.Scenario.Team;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Runs of one scenario side by side: each criterion and each team's latencies across the drills, oldest first, with
 * the change from the first run to the last (negative seconds: faster).
 */
public final class Comparison {
  private Comparison() {
  }

  /** {@code drills} all of one scenario, in the order to show them. */
  public static JsonObject of(List<DrillState> drills) {
    JsonArray runs = new JsonArray();
    for (DrillState drill : drills) {
      runs.add(new JsonObject().put("id", drill.drillId()).put("createdAt", drill.createdAt())
          .put("state", drill.status().key()).put("seed", drill.seed()).put("autopilot", drill.autopilot()));
    }
    List<List<CriterionResult>> measured = drills.stream().map(d -> Criteria.measure(d, d.lastSimTime())).toList();
    JsonArray criteria = new JsonArray();
    List<Criterion> scenarioCriteria = drills.get(0).scenario().criteria();
    for (int c = 0; c < scenarioCriteria.size(); c++) {
      JsonArray values = new JsonArray();
      JsonArray met = new JsonArray();
      for (List<CriterionResult> results : measured) {
        CriterionResult result = results.get(c);
        values.add(result.valueInUnit());
        met.add(result.met());
      }
      Criterion criterion = scenarioCriteria.get(c);
      criteria.add(new JsonObject().put("id", criterion.id()).put("name", criterion.name())
          .put("measure", measured.get(0).get(c).measure())
          .put("unit", measured.get(0).get(c).toJson().getString("unit"))
          .put("nameEn", criterion.nameEn()).put("values", values).put("met", met).put("change", change(values)));
    }
    JsonArray teams = new JsonArray();
    for (Team team : drills.get(0).scenario().teams()) {
      JsonArray response = new JsonArray();
      JsonArray completion = new JsonArray();
      for (DrillState drill : drills) {
        response.add(average(drill, team, TaskProgress::responseLatency));
        completion.add(average(drill, team, TaskProgress::completionLatency));
      }
      teams.add(new JsonObject().put("id", team.id()).put("name", team.name()).put("nameEn", team.nameEn())
          .put("responseAvgSec", response).put("responseChange", change(response))
          .put("completionAvgSec", completion).put("completionChange", change(completion)));
    }
    return new JsonObject().put("scenarioId", drills.get(0).scenario().id()).put("drills", runs)
        .put("criteria", criteria).put("teams", teams);
  }

  private static Double average(DrillState drill, Team team, ToLongFunction<TaskProgress> latency) {
    return team.tasks().stream().map(t -> drill.task(t.id())).mapToLong(latency)
        .filter(v -> v != TaskProgress.NOT_YET).average().stream().map(avg -> Math.round(avg) / 1000.0).boxed()
        .findFirst().orElse(null);
  }

  private static Double change(JsonArray values) {
    Double first = values.getDouble(0);
    Double last = values.getDouble(values.size() - 1);
    return first == null || last == null ? null : last - first;
  }
}
