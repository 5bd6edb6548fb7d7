package io.drillboard.view;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillStatus;
import io.drillboard.drill.SimClock;
import io.drillboard.drill.Criteria;
import io.drillboard.scenario.Scenario;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * The drill as the pages read it: a pure function of the state and the time, assembled from one writer per fragment.
 * The snapshot, every live frame (as a {@link ViewPatch} between two views), replay and the per-node read views all
 * come from here.
 */
public final class DrillView {
  private static final String LABELS = "labels";
  /** The fields of a view that never change during a drill: deltas leave them out, a page keeps them. */
  public static final Set<String> SNAPSHOT_ONLY = Set.of(LABELS);

  private DrillView() {
  }

  /** The whole drill as it stands at {@code wallNow}: its {@link #aggregates} and the {@link #SNAPSHOT_ONLY} fields. */
  public static JsonObject snapshot(DrillState state, long wallNow) {
    return withLabels(aggregates(state, wallNow), state);
  }

  /** {@code aggregates} made a whole snapshot: with the fields only a snapshot carries. */
  public static JsonObject withLabels(JsonObject aggregates, DrillState state) {
    return aggregates.put(LABELS, ScenarioView.labels(state.scenario().labels()));
  }

  /** What may be done to the drill now, so that no page need know the rules. */
  private static JsonArray allowedActions(DrillStatus status) {
    JsonArray actions = new JsonArray();
    status.allowed().forEach(action -> actions.add(action.key()));
    return actions;
  }

  /** Every figure the pages show, the fields a live frame may change. */
  public static JsonObject aggregates(DrillState state, long wallNow) {
    Scenario scenario = state.scenario();
    long simNow = state.simNow(wallNow);
    SimClock clock = state.clock();
    JsonObject json = new JsonObject()
        .put("id", state.drillId())
        .put("scenarioId", scenario.id())
        .put("title", scenario.title())
        .put("titleEn", scenario.titleEn())
        .put("name", state.naming().name())
        .put("place", state.naming().place())
        .put("state", state.status().key())
        .put("actions", allowedActions(state.status()))
        .put("endReason", state.endReason())
        .put("speed", clock.speed())
        .put("autopilot", state.autopilot())
        .put("seed", state.seed())
        .put("createdAt", state.createdAt())
        .put("seq", state.seq());
    ClockView.write(json, simNow, clock.simAnchor(), clock.wallAnchor(), clock.speed(), clock.running(), scenario,
        wallNow);
    JsonArray criteria = CriteriaView.of(Criteria.measure(state, simNow));
    return json.put("teams", TeamsView.teams(state, simNow)).put("latency", TeamsView.latency(state))
        .put("injects", InjectsView.of(state)).put("opinion", OpinionView.of(state.opinion()))
        .put("kpis", KpisView.of(state, simNow)).put("criteria", criteria)
        .put("assessment", AssessmentView.of(state.assessment(), scenario))
        .put("externalEvents", state.externalEvents());
  }
}
