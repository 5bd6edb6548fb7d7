package io.drillboard.web;

import io.drillboard.drill.DrillState;
import io.drillboard.runtime.Drills;
import io.drillboard.drill.EventBody;
import io.drillboard.evaluation.ImprovementPlan;
import io.drillboard.view.ImprovementPlanView;
import io.drillboard.evaluation.ImprovementPlan.EarlierAction;
import io.drillboard.store.DrillLifecycle;
import io.drillboard.store.EventReader;
import io.drillboard.view.DrillViews;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The corrective actions earlier drills of the same scenario left open, read from the store, and their closing in a
 * later drill, written as that drill's event.
 */
final class ImprovementPlanApi {
  private static final int MAX_NOTE = 4_000;

  private final EventReader store;
  private final AssessmentEntries entries;

  ImprovementPlanApi(EventReader store, Drills drills, DrillViews views) {
    this.store = store;
    this.entries = new AssessmentEntries(drills, views);
  }

  /** GET earlier-actions: what earlier drills of this drill's scenario left open. */
  void list(RoutingContext ctx) {
    String drillId = DrillApi.drillId(ctx);
    openBefore(drillId).onSuccess(open -> Json.send(ctx, 200, ImprovementPlanView.of(open))).onFailure(ctx::fail);
  }

  /** POST earlier-actions/close {drillId, seq, note}: this drill shows an earlier drill's action done. */
  void close(RoutingContext ctx) {
    String drillId = DrillApi.drillId(ctx);
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "drillId", "seq", "note");
    List<String> errors = new ArrayList<>();
    String earlierId = Json.string(body, "drillId", errors, true);
    long seq = Json.wholeNumber(body, "seq", errors);
    String note = Json.string(body, "note", errors, true);
    if (note != null && (note.isBlank() || note.length() > MAX_NOTE)) {
      errors.add("note: must be 1 to " + MAX_NOTE + " characters");
    }
    Json.check(errors);
    AssessmentEntries.answer(ctx, openBefore(drillId).compose(open -> {
      EarlierAction action = open.stream()
          .filter(a -> a.drill().drillId().equals(earlierId) && a.action().seq() == seq).findFirst().orElse(null);
      if (action == null) {
        return Future.failedFuture(new ProblemException(404, "no earlier drill of this scenario left action " + seq
            + " of drill " + earlierId + " open", List.of()));
      }
      EventBody closed = new EventBody.EarlierActionClosed(earlierId, seq, action.action().text(), note.strip(),
          Caller.of(ctx).subject());
      return entries.add(ctx, drillId, closed);
    }));
  }

  /** Folds every drill of the scenario, in the order they were created, up to and with this one. */
  private Future<List<EarlierAction>> openBefore(String drillId) {
    return store.lifecycles().compose(lifecycles -> {
      DrillLifecycle own = lifecycles.stream().filter(d -> d.drillId().equals(drillId)).findFirst().orElse(null);
      if (own == null) {
        return Future.failedFuture(ProblemException.drillNotFound(drillId));
      }
      List<Future<DrillState>> folded = lifecycles.stream().filter(d -> d.scenarioId().equals(own.scenarioId()))
          .map(d -> store.fold(d.drillId(), created -> DrillState.created(d.drillId(), created), DrillState::apply))
          .toList();
      return Future.all(folded).map(all -> ImprovementPlan.openBefore(folded.stream().map(Future::result).toList(),
          drillId));
    });
  }
}
