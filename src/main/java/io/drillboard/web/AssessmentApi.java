package io.drillboard.web;

import io.drillboard.runtime.Drills;
import io.drillboard.drill.EventBody;
import io.drillboard.drill.Assessment.ActionState;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.LessonKind;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.scenario.SimTime;
import io.drillboard.view.DrillViews;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Evaluators' entries: ratings, pinned notes, lessons learned and corrective actions, each stored as an event. */
final class AssessmentApi {
  private static final int MAX_TEXT = 4_000;

  private final AssessmentEntries entries;

  AssessmentApi(Drills drills, DrillViews views) {
    this.entries = new AssessmentEntries(drills, views);
  }

  void rate(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "target", "targetId", "rating", "note", "replaces");
    List<String> errors = new ArrayList<>();
    TargetKind target = choice(body, "target", TargetKind.class, errors);
    String targetId = Json.string(body, "targetId", errors, true);
    Grade grade = choice(body, "rating", Grade.class, errors);
    String note = text(body, "note", errors, false);
    Long replaces = replaces(body, errors);
    Json.check(errors);
    assess(ctx, new EventBody.Rated(target, targetId, grade, note, Caller.of(ctx).subject(), replaces));
  }

  /** A note pinned to a sim time ("at": "14:05" or "14:05:30"); without one, to the drill's present moment. */
  void note(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "text", "at", "replaces");
    List<String> errors = new ArrayList<>();
    String text = text(body, "text", errors, true);
    String at = Json.string(body, "at", errors, false);
    long pinned = -1;
    if (at != null) {
      try {
        pinned = SimTime.parseTime(at);
      } catch (IllegalArgumentException e) {
        errors.add("at: " + e.getMessage());
      }
    }
    Long replaces = replaces(body, errors);
    Json.check(errors);
    assess(ctx, new EventBody.Noted(pinned, text, Caller.of(ctx).subject(), replaces));
  }

  void lesson(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "kind", "text", "replaces");
    List<String> errors = new ArrayList<>();
    LessonKind kind = choice(body, "kind", LessonKind.class, errors);
    String text = text(body, "text", errors, true);
    Long replaces = replaces(body, errors);
    Json.check(errors);
    assess(ctx, new EventBody.LessonRecorded(kind, text, Caller.of(ctx).subject(), replaces));
  }

  void action(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "text", "owner", "due", "state", "replaces");
    List<String> errors = new ArrayList<>();
    String text = text(body, "text", errors, true);
    String owner = text(body, "owner", errors, true);
    String due = Json.string(body, "due", errors, true);
    if (due != null) {
      try {
        LocalDate.parse(due);
      } catch (DateTimeParseException e) {
        errors.add("due: must be a date such as 2026-12-31");
      }
    }
    ActionState state = ActionState.OPEN;
    String stateKey = Json.string(body, "state", errors, false);
    if (stateKey != null) {
      try {
        state = ActionState.fromKey(stateKey);
      } catch (IllegalArgumentException e) {
        errors.add("state: must be one of open, in-progress, done, dropped");
      }
    }
    Long replaces = replaces(body, errors);
    Json.check(errors);
    assess(ctx, new EventBody.ActionAssigned(text, owner, due, state, Caller.of(ctx).subject(), replaces));
  }

  /** POST retractions {seq, reason}: an entry withdrawn; it leaves the assessment and stays in the log. */
  void retract(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "seq", "reason");
    List<String> errors = new ArrayList<>();
    long seq = Json.wholeNumber(body, "seq", errors);
    String reason = text(body, "reason", errors, true);
    Json.check(errors);
    assess(ctx, new EventBody.Retracted(seq, reason, Caller.of(ctx).subject()));
  }

  /** The seq of the entry a new one corrects, when it says so. */
  private static Long replaces(JsonObject body, List<String> errors) {
    return body.getValue("replaces") == null ? null : Json.wholeNumber(body, "replaces", errors);
  }

  private void assess(RoutingContext ctx, EventBody entry) {
    AssessmentEntries.answer(ctx, entries.add(ctx, DrillApi.drillId(ctx), entry));
  }

  private static String text(JsonObject body, String key, List<String> errors, boolean required) {
    String text = Json.string(body, key, errors, required);
    if (text != null && text.length() > MAX_TEXT) {
      errors.add(key + ": must be at most " + MAX_TEXT + " characters");
    }
    return text;
  }

  private static <E extends Enum<E>> E choice(JsonObject body, String key, Class<E> type, List<String> errors) {
    String value = Json.string(body, key, errors, true);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(type == Grade.class ? constant.name() : constant.name().toLowerCase(Locale.ROOT));
      }
      errors.add(key + ": must be one of " + String.join(", ", allowed));
      return null;
    }
  }
}
