package io.drillboard.view;

import io.drillboard.drill.Assessment;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The one JSON form of an assessment, shared by the snapshot (and so the live frames and replay) and the report:
 * the entries that count, each with its seq and who made it, and the corrections that superseded or retracted others.
 */
public final class AssessmentView {
  private AssessmentView() {
  }

  public static JsonObject of(Assessment assessment, Scenario scenario) {
    JsonArray ratings = new JsonArray();
    assessment.ratings().values().forEach(r -> ratings.add(new JsonObject()
        .put("target", r.target().name().toLowerCase(Locale.ROOT)).put("targetId", r.targetId())
        .mergeIn(targetName(scenario, r)).put("rating", r.grade().name()).put("note", r.note()).put("by", r.by())
        .put("seq", r.seq())));
    JsonArray notes = new JsonArray();
    assessment.notes().forEach(n -> notes.add(new JsonObject().put("at", n.at()).put("sim", SimTime.format(n.at()))
        .put("text", n.text()).put("by", n.by()).put("seq", n.seq())));
    JsonArray lessons = new JsonArray();
    assessment.lessons().forEach(l -> lessons.add(new JsonObject().put("kind", l.kind().name().toLowerCase(Locale.ROOT))
        .put("text", l.text()).put("by", l.by()).put("seq", l.seq())));
    JsonArray actions = new JsonArray();
    assessment.actions().forEach(a -> actions.add(new JsonObject().put("text", a.text()).put("owner", a.owner())
        .put("due", a.due()).put("state", a.state().key()).put("by", a.by()).put("seq", a.seq())));
    JsonArray corrections = new JsonArray();
    assessment.corrections().forEach(c -> corrections.add(new JsonObject().put("entrySeq", c.entrySeq())
        .put("replacedBy", c.replacedBy()).put("was", c.was()).put("reason", c.reason()).put("by", c.by())
        .put("seq", c.seq())));
    JsonArray closedEarlier = new JsonArray();
    assessment.closedEarlier().forEach(c -> closedEarlier.add(new JsonObject().put("drillId", c.drillId())
        .put("actionSeq", c.actionSeq()).put("text", c.text()).put("note", c.note()).put("by", c.by())
        .put("seq", c.seq())));
    return new JsonObject().put("ratings", ratings).put("notes", notes).put("lessons", lessons).put("actions", actions)
        .put("corrections", corrections).put("closedEarlier", closedEarlier);
  }

  /** What a rating is of, in words: the objective's text or the task's title. */
  private static JsonObject targetName(Scenario scenario, Assessment.Rating rating) {
    if (rating.target() == Assessment.TargetKind.OBJECTIVE) {
      return scenario.objectives().stream().filter(o -> o.id().equals(rating.targetId())).findFirst()
          .map(o -> new JsonObject().put("targetName", o.text()).put("targetNameEn", o.textEn()))
          .orElseGet(JsonObject::new);
    }
    return scenario.task(rating.targetId())
        .map(t -> new JsonObject().put("targetName", t.title()).put("targetNameEn", t.titleEn()))
        .orElseGet(JsonObject::new);
  }
}
