package io.drillboard.view;

import io.drillboard.drill.TaskProgress;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** How long tasks took, in seconds, as the wall, the report and the comparison show it. */
public final class Latencies {
  private Latencies() {
  }

  /** A team's response and completion times over the tasks that have them so far: the wall's latency fragment. */
  public static JsonObject ofTeam(List<TaskProgress> progress) {
    List<Long> response = reached(progress, TaskProgress::responseLatency);
    List<Long> completion = reached(progress, TaskProgress::completionLatency);
    return new JsonObject().put("tasks", progress.size())
        .put("triggered", progress.stream().filter(p -> p.triggeredAt() != TaskProgress.NOT_YET).count())
        .put("acknowledged", response.size()).put("done", completion.size())
        .put("overdue", progress.stream().filter(TaskProgress::overdue).count())
        .put("responseAvgSec", averageSeconds(response)).put("responseMaxSec", maxSeconds(response))
        .put("completionAvgSec", averageSeconds(completion)).put("completionMaxSec", maxSeconds(completion));
  }

  /** The durations of the tasks that have one (a task not yet through the step has none). */
  public static List<Long> reached(List<TaskProgress> progress, java.util.function.ToLongFunction<TaskProgress> f) {
    return progress.stream().mapToLong(f).filter(v -> v != TaskProgress.NOT_YET).boxed().toList();
  }

  /** The mean of durations in milliseconds, as whole-millisecond seconds; null for none. */
  public static Double averageSeconds(List<Long> millis) {
    return millis.stream().mapToLong(Long::longValue).average().stream()
        .mapToObj(average -> SimTime.seconds(Math.round(average))).findFirst().orElse(null);
  }

  public static Double maxSeconds(List<Long> millis) {
    return millis.stream().mapToLong(Long::longValue).max().stream().mapToObj(SimTime::seconds).findFirst()
        .orElse(null);
  }
}
