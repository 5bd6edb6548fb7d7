package io.drillboard.view;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.TaskProgress;
import io.drillboard.drill.TaskState;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.Team;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The teams fragment, each team with its tasks, and the latency fragment, each team's response and completion times. */
final class TeamsView {
  private TeamsView() {
  }

  static JsonArray teams(DrillState state, long simNow) {
    JsonArray teams = new JsonArray();
    for (Team team : state.scenario().teams()) {
      List<TaskProgress> progress = progress(state, team);
      long done = progress.stream().filter(p -> p.state() == TaskState.DONE).count();
      JsonArray tasks = new JsonArray();
      for (int i = 0; i < team.tasks().size(); i++) {
        tasks.add(task(team.tasks().get(i), progress.get(i), simNow));
      }
      teams.add(ScenarioView.withShortName(new JsonObject().put("id", team.id()).put("name", team.name())
          .put("nameEn", team.nameEn()), team.shortName())
          .put("progress", progress.isEmpty() ? 0.0 : (double) done / progress.size()).put("tasks", tasks));
    }
    return teams;
  }

  static JsonObject latency(DrillState state) {
    JsonObject latency = new JsonObject();
    state.scenario().teams().forEach(team -> latency.put(team.id(), Latencies.ofTeam(progress(state, team))));
    return latency;
  }

  /** Overdue as the wall shows it: marked so by the engine, or open past its deadline at this sim time. */
  static boolean overdueNow(TaskProgress p, long simNow) {
    return p.open() && (p.overdue() || simNow > p.deadline());
  }

  private static List<TaskProgress> progress(DrillState state, Team team) {
    return team.tasks().stream().map(t -> state.task(t.id())).toList();
  }

  private static JsonObject task(Task task, TaskProgress p, long simNow) {
    return ScenarioView.withShortName(new JsonObject().put("id", task.id()).put("title", task.title())
        .put("titleEn", task.titleEn()), task.shortName()).put("critical", task.critical())
        .put("state", p.state().key()).put("overdue", p.overdue() || overdueNow(p, simNow))
        .put("triggeredAt", moment(p.triggeredAt())).put("deadline", moment(p.deadline()))
        .put("acknowledgedAt", moment(p.acknowledgedAt())).put("startedAt", moment(p.startedAt()))
        .put("doneAt", moment(p.doneAt())).put("responseLatencySec", TaskProgress.seconds(p.responseLatency()))
        .put("completionLatencySec", TaskProgress.seconds(p.completionLatency())).put("note", p.doneNote())
        .put("effect", task.effect().map(e -> new JsonObject().put("branching", e.branching())
            .put("sentimentShift", e.sentimentShift())).orElse(null));
  }

  static Long moment(long simTime) {
    return simTime == TaskProgress.NOT_YET ? null : simTime;
  }
}
