package io.drillboard.view;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.drill.TaskProgress;
import io.drillboard.drill.TaskState;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonObject;

/** The headline figures: tasks done, open and overdue, and how long since the first scripted inject. */
final class KpisView {
  private KpisView() {
  }

  static JsonObject of(DrillState state, long simNow) {
    long total = state.tasks().size();
    long done = state.tasks().values().stream().filter(t -> t.state() == TaskState.DONE).count();
    long open = state.tasks().values().stream().filter(TaskProgress::open).count();
    long overdue = state.tasks().values().stream().filter(t -> TeamsView.overdueNow(t, simNow)).count();
    Long firstInject = state.firedInjects().values().stream().filter(f -> !f.adHoc()).mapToLong(FiredInject::at)
        .min().stream().boxed().findFirst().orElse(null);
    return new JsonObject().put("tasks", total).put("done", done).put("open", open).put("overdue", overdue)
        .put("sinceFirstInjectSec", firstInject == null ? null : SimTime.seconds(simNow - firstInject));
  }
}
