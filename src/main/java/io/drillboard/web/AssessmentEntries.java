package io.drillboard.web;

import io.drillboard.drill.Command;
import io.drillboard.drill.EventBody;
import io.drillboard.runtime.Drills;
import io.drillboard.view.DrillViews;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * An evaluator's entry (a rating, note, lesson, action, withdrawal or earlier action closed) added to its drill; the
 * answer is the drill's assessment with the entry in it.
 */
final class AssessmentEntries {
  private final Drills drills;
  private final DrillViews views;

  AssessmentEntries(Drills drills, DrillViews views) {
    this.drills = drills;
    this.views = views;
  }

  /** Adds the caller's entry to the drill; the assessment as this node's view holds it once the entry is in. */
  Future<JsonObject> add(RoutingContext ctx, String drillId, EventBody entry) {
    return drills.send(drillId, new Command.Assess(entry, Caller.of(ctx).subject()))
        .compose(reply -> views.after(drillId, reply))
        .map(view -> view.getJsonObject("assessment"));
  }

  /** Answers 201 with the assessment an entry was added to, or the reason it was not. */
  static void answer(RoutingContext ctx, Future<JsonObject> assessment) {
    assessment.onSuccess(body -> Json.send(ctx, 201, body)).onFailure(ctx::fail);
  }
}
