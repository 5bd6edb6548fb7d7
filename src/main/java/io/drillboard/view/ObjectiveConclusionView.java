package io.drillboard.view;

import io.drillboard.drill.Assessment.Grade;
import io.drillboard.evaluation.ObjectiveConclusion;
import io.drillboard.evaluation.ObjectiveConclusion.Level;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;

/** An objective's conclusion as the report and the comparison give it: the verdict, its evidence and its words. */
public final class ObjectiveConclusionView {
  private ObjectiveConclusionView() {
  }

  public static JsonObject of(ObjectiveConclusion conclusion) {
    Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
    conclusion.ratings().forEach(r -> grades.merge(r.grade(), 1, Integer::sum));
    JsonObject gradeCounts = new JsonObject();
    grades.forEach((g, n) -> gradeCounts.put(g.name(), n));
    JsonArray raters = new JsonArray();
    conclusion.ratings().forEach(r -> raters.add(new JsonObject().put("by", r.by()).put("rating", r.grade().name())));
    Level level = conclusion.level();
    return new JsonObject().put("verdict", level.key).put("verdictZh", level.zh).put("verdictEn", level.en)
        .put("byCriteria", conclusion.byCriteria().map(l -> l.key).orElse(null))
        .put("byRatings", conclusion.byRatings().map(l -> l.key).orElse(null)).put("criteriaMet", conclusion.met())
        .put("criteriaOpen", conclusion.open()).put("criteriaMissed", conclusion.missed().size())
        .put("criteriaTotal", conclusion.total()).put("ratings", gradeCounts).put("raters", raters)
        .put("disagreement", conclusion.evidenceDisagrees() || conclusion.evaluatorsDisagree())
        .put("text", conclusion.zh()).put("textEn", conclusion.en());
  }
}
