package io.drillboard.view;

import io.drillboard.drill.CriterionResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** The criteria as the pages and the report show them: durations in seconds, task counts as counts. */
public final class CriteriaView {
  private CriteriaView() {
  }

  public static JsonArray of(List<CriterionResult> criteria) {
    JsonArray json = new JsonArray();
    criteria.forEach(c -> json.add(of(c)));
    return json;
  }

  private static JsonObject of(CriterionResult c) {
    return ScenarioView.withShortName(new JsonObject().put("id", c.id()).put("name", c.name())
            .put("nameEn", c.nameEn()), c.shortName())
        .put("objective", c.objectiveId()).put("measure", c.measure()).put("unit", c.unit())
        .put("value", c.valueInUnit()).put("target", c.target() == null ? null : c.target() / 1000.0)
        .put("met", c.met()).put("status", c.status().name().toLowerCase(Locale.ROOT))
        .put("evidence", new JsonArray(c.evidence()));
  }
}
