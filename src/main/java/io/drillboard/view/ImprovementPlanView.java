package io.drillboard.view;

import io.drillboard.evaluation.ImprovementPlan.EarlierAction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The open actions of earlier drills, as the evaluators' page lists them to close. */
public final class ImprovementPlanView {
  private ImprovementPlanView() {
  }

  public static JsonObject of(List<EarlierAction> actions) {
    JsonArray list = new JsonArray();
    actions.forEach(a -> list.add(new JsonObject().put("drillId", a.drill().drillId())
        .put("drillName", a.drill().naming().name()).put("drillCreatedAt", a.drill().createdAt())
        .put("seq", a.action().seq()).put("text", a.action().text()).put("owner", a.action().owner())
        .put("due", a.action().due()).put("state", a.action().state().key()).put("by", a.action().by())));
    return new JsonObject().put("actions", list);
  }
}
