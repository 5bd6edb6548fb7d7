package io.drillboard.view;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.scenario.Scenario.Inject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The injects fragment: the script, each with its kind and when it fired (a contingency also with what it watches and
 * when that came true), then the ad-hoc injects in the order they fired.
 */
final class InjectsView {
  private InjectsView() {
  }

  static JsonArray of(DrillState state) {
    JsonArray injects = new JsonArray();
    for (Inject inject : state.scenario().injects()) {
      FiredInject fired = state.firedInjects().get(inject.id());
      JsonObject json = ScenarioView.withShortName(new JsonObject().put("id", inject.id())
          .put("at", inject.at().isPresent() ? inject.at().getAsLong() : null).put("kind", kind(inject))
          .put("channel", inject.channel()).put("title", inject.title()).put("titleEn", inject.titleEn()),
          inject.shortName()).put("adHoc", false).put("firedAt", fired == null ? null : fired.at());
      inject.contingency().ifPresent(contingency -> json.put("condition", ContingencyView.condition(contingency))
          .put("met", ContingencyView.met(state.metConditions().get(inject.id()))));
      injects.add(json);
    }
    state.firedInjects().values().stream().filter(FiredInject::adHoc).forEach(f -> injects.add(new JsonObject()
        .put("id", f.id()).put("at", f.at()).put("kind", "adHoc").put("channel", f.channel()).put("title", f.title())
        .put("adHoc", true).put("firedAt", f.at())));
    return injects;
  }

  /** timeline, contingency or held: what fires the inject. */
  static String kind(Inject inject) {
    return inject.contingency().isPresent() ? "contingency" : inject.held() ? "held" : "timeline";
  }
}
