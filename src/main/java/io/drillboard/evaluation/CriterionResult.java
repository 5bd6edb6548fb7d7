package io.drillboard.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One criterion as the events measure it so far. {@code value} and {@code target} are sim milliseconds (null where
 * they do not apply or are not known yet); {@code met} is null while undecided.
 */
public record CriterionResult(String id, String name, String nameEn, String objectiveId, String measure,
    Long value, Long target, Boolean met, Status status, List<Long> evidence) {

  public enum Status {
    /** Nothing to measure yet. */
    PENDING,
    /** Started (the "from" moment passed) but not finished, and still within target. */
    RUNNING,
    MET,
    MISSED
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("nameEn", nameEn).put("objective", objectiveId)
        .put("measure", measure).put("value", value == null ? null : value / 1000.0)
        .put("target", target == null ? null : target / 1000.0).put("met", met)
        .put("status", status.name().toLowerCase(java.util.Locale.ROOT)).put("evidence", new JsonArray(evidence));
  }
}
