package io.drillboard.drill;

import io.drillboard.drill.Assessment.ActionState;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.LessonKind;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.Scenario.Sentiment;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** What an event says. System events are written by the engine alone; anything else is an external event. */
public sealed interface EventBody {
  String type();

  JsonObject toJson();

  /** The payload as stored: JSON text. */
  default String encoded() {
    return toJson().encode();
  }

  Set<String> SYSTEM_TYPES = Set.of("drill.created", "drill.started", "drill.paused", "drill.resumed",
      "drill.speed_changed", "drill.ended", "drill.archived", "drill.unarchived", "drill.broadcast", "inject.fired",
      "task.triggered", "task.acknowledged", "task.started", "task.completed", "task.overdue", "opinion.sampled", "evaluation.rated", "evaluation.noted",
      "evaluation.lesson", "evaluation.action", "evaluation.retracted", "evaluation.earlier-action-closed");

  static boolean reserved(String type) {
    return SYSTEM_TYPES.contains(type);
  }

  /** The first event of every drill; it carries the scenario text so the drill never depends on a later edit. */
  record DrillCreated(String scenarioId, String scenarioSource, double speed, boolean autopilot, long seed, String by,
      String name, String place) implements EventBody {
    public DrillCreated(String scenarioId, String scenarioSource, double speed, boolean autopilot, long seed,
        String by) {
      this(scenarioId, scenarioSource, speed, autopilot, seed, by, null, null);
    }

    public String type() {
      return "drill.created";
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("scenarioId", scenarioId).put("scenarioSource", scenarioSource)
          .put("speed", speed).put("autopilot", autopilot).put("seed", seed).put("by", by);
      // Unnamed drills keep the payload they always had.
      if (name != null) {
        json.put("name", name);
      }
      return place == null ? json : json.put("place", place);
    }
  }

  /** A drill hidden from the lists (archived) or shown again; its events stay in the store either way. */
  record Archived(boolean archived, String by) implements EventBody {
    public String type() {
      return archived ? "drill.archived" : "drill.unarchived";
    }

    public JsonObject toJson() {
      return new JsonObject().put("by", by);
    }
  }

  /** A message from the director to every team, shown on the team desks and the wall. */
  record Broadcast(String text, String by) implements EventBody {
    public String type() {
      return "drill.broadcast";
    }

    public JsonObject toJson() {
      return new JsonObject().put("text", text).put("by", by);
    }
  }

  /** Clock events: their envelope's sim and wall time anchor the drill's clock from then on. */
  record Started(double speed, String by) implements EventBody {
    public String type() {
      return "drill.started";
    }

    public JsonObject toJson() {
      return new JsonObject().put("speed", speed).put("by", by);
    }
  }

  record Paused(String by) implements EventBody {
    public String type() {
      return "drill.paused";
    }

    public JsonObject toJson() {
      return new JsonObject().put("by", by);
    }
  }

  record Resumed(String by) implements EventBody {
    public String type() {
      return "drill.resumed";
    }

    public JsonObject toJson() {
      return new JsonObject().put("by", by);
    }
  }

  /** reason: "stopped" by a director, or "scenario-end" when the clock reached the scenario's end. */
  record Ended(String reason, String by) implements EventBody {
    public String type() {
      return "drill.ended";
    }

    public JsonObject toJson() {
      return new JsonObject().put("reason", reason).put("by", by);
    }
  }

  record SpeedChanged(double speed, String by) implements EventBody {
    public String type() {
      return "drill.speed_changed";
    }

    public JsonObject toJson() {
      return new JsonObject().put("speed", speed).put("by", by);
    }
  }

  record InjectFired(String injectId, boolean adHoc, String channel, String title, String text,
      Optional<InjectOpinion> opinion, String by) implements EventBody {
    public String type() {
      return "inject.fired";
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("injectId", injectId).put("adHoc", adHoc).put("channel", channel)
          .put("title", title).put("text", text).put("by", by);
      opinion.ifPresent(o -> json.put("opinion", new JsonObject().put("posts", o.posts()).put("platform", o.platform())
          .put("spreadMs", o.spread())));
      return json;
    }
  }

  record TaskTriggered(String taskId, String teamId, long deadline) implements EventBody {
    public String type() {
      return "task.triggered";
    }

    public JsonObject toJson() {
      return new JsonObject().put("taskId", taskId).put("teamId", teamId).put("deadline", deadline);
    }
  }

  /**
   * A team's step on a task: acknowledged, started or completed. A completed task may carry the team's note or
   * evidence (for a statement, its text); {@code note} is null otherwise, and in events stored before notes existed.
   */
  record TaskAdvanced(String taskId, String teamId, TaskState state, String by, String note) implements EventBody {
    public TaskAdvanced(String taskId, String teamId, TaskState state, String by) {
      this(taskId, teamId, state, by, null);
    }

    public String type() {
      return switch (state) {
        case ACKNOWLEDGED -> "task.acknowledged";
        case IN_PROGRESS -> "task.started";
        case DONE -> "task.completed";
        default -> throw new IllegalStateException("no task step leads to " + state);
      };
    }

    /** Without a note the payload stays as it always was: no "note" key. */
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("taskId", taskId).put("teamId", teamId).put("by", by);
      return note == null ? json : json.put("note", note);
    }
  }

  record TaskOverdue(String taskId, String teamId) implements EventBody {
    public String type() {
      return "task.overdue";
    }

    public JsonObject toJson() {
      return new JsonObject().put("taskId", taskId).put("teamId", teamId);
    }
  }

  /** Simulated posts of one sim minute, starting at {@code minute}, by platform and sentiment. */
  record OpinionSampled(long minute, Map<String, Map<Sentiment, Integer>> counts, int posts, int reposts,
      int comments, double branchingRatio) implements EventBody {
    public String type() {
      return "opinion.sampled";
    }

    public int total() {
      return posts + reposts + comments;
    }

    public JsonObject toJson() {
      JsonObject byPlatform = new JsonObject();
      counts.forEach((platform, bySentiment) -> {
        JsonObject sentiments = new JsonObject();
        bySentiment.forEach((sentiment, n) -> sentiments.put(sentiment.key(), n));
        byPlatform.put(platform, sentiments);
      });
      return new JsonObject().put("minute", minute).put("counts", byPlatform).put("posts", posts)
          .put("reposts", reposts).put("comments", comments).put("branchingRatio", branchingRatio);
    }
  }

  /**
   * An evaluator's HSEEP rating of an objective or a task. {@code replaces}, on this and the other entries, is the seq
   * of an earlier entry this one corrects (null for a new entry): the earlier one stays in the log, superseded.
   */
  record Rated(TargetKind target, String targetId, Grade grade, String note, String by, Long replaces)
      implements EventBody {
    public Rated(TargetKind target, String targetId, Grade grade, String note, String by) {
      this(target, targetId, grade, note, by, null);
    }

    public String type() {
      return "evaluation.rated";
    }

    public JsonObject toJson() {
      return replacing(new JsonObject().put("target", target.name().toLowerCase(Locale.ROOT)).put("targetId", targetId)
          .put("rating", grade.name()).put("note", note).put("by", by), replaces);
    }
  }

  /** A note pinned to a moment of the drill's timeline. */
  record Noted(long at, String text, String by, Long replaces) implements EventBody {
    public Noted(long at, String text, String by) {
      this(at, text, by, null);
    }

    public String type() {
      return "evaluation.noted";
    }

    public JsonObject toJson() {
      return replacing(new JsonObject().put("at", at).put("text", text).put("by", by), replaces);
    }
  }

  record LessonRecorded(LessonKind kind, String text, String by, Long replaces) implements EventBody {
    public LessonRecorded(LessonKind kind, String text, String by) {
      this(kind, text, by, null);
    }

    public String type() {
      return "evaluation.lesson";
    }

    public JsonObject toJson() {
      return replacing(new JsonObject().put("kind", kind.name().toLowerCase(Locale.ROOT)).put("text", text)
          .put("by", by), replaces);
    }
  }

  /** A corrective action with its owner, due date and state (open until someone says otherwise). */
  record ActionAssigned(String text, String owner, String due, ActionState state, String by, Long replaces)
      implements EventBody {
    public ActionAssigned(String text, String owner, String due, String by) {
      this(text, owner, due, ActionState.OPEN, by, null);
    }

    public String type() {
      return "evaluation.action";
    }

    public JsonObject toJson() {
      return replacing(new JsonObject().put("text", text).put("owner", owner).put("due", due)
          .put("state", state.key()).put("by", by), replaces);
    }
  }

  /**
   * A corrective action from an earlier drill of the same scenario, closed in this one with a note on how this drill
   * showed it done; {@code text} is the action as it read, so this drill's record reads on its own.
   */
  record EarlierActionClosed(String drillId, long actionSeq, String text, String note, String by)
      implements EventBody {
    public String type() {
      return "evaluation.earlier-action-closed";
    }

    public JsonObject toJson() {
      return new JsonObject().put("drillId", drillId).put("actionSeq", actionSeq).put("text", text).put("note", note)
          .put("by", by);
    }
  }

  /** An evaluation entry withdrawn, with why: it leaves the assessment, and stays in the log. */
  record Retracted(long entrySeq, String reason, String by) implements EventBody {
    public String type() {
      return "evaluation.retracted";
    }

    public JsonObject toJson() {
      return new JsonObject().put("entrySeq", entrySeq).put("reason", reason).put("by", by);
    }
  }

  /** Entries written before corrections existed have no "replaces": their JSON stays as it was. */
  private static JsonObject replacing(JsonObject json, Long replaces) {
    return replaces == null ? json : json.put("replaces", replaces);
  }

  /** Anything injected from outside: messages, observations, load-test events. Counted, kept, never interpreted. */
  /**
   * An injected event. Its payload stays the JSON text it arrived as: the engine, the store and the report never look
   * inside it, so it is parsed only when a page or the API shows it.
   */
  record External(String type, String encoded) implements EventBody {
    public JsonObject toJson() {
      return new JsonObject(encoded);
    }
  }

  /** An event body read back from the store: an external payload is kept as its text. */
  static EventBody fromStored(String type, String encoded) {
    return reserved(type) ? fromJson(type, new JsonObject(encoded)) : new External(type, encoded);
  }

  static EventBody fromJson(String type, JsonObject json) {
    return switch (type) {
      case "drill.created" -> new DrillCreated(json.getString("scenarioId"), json.getString("scenarioSource"),
          json.getDouble("speed"), json.getBoolean("autopilot"), json.getLong("seed"), json.getString("by"),
          json.getString("name"), json.getString("place"));
      case "drill.archived" -> new Archived(true, json.getString("by"));
      case "drill.unarchived" -> new Archived(false, json.getString("by"));
      case "drill.broadcast" -> new Broadcast(json.getString("text"), json.getString("by"));
      case "drill.started" -> new Started(json.getDouble("speed"), json.getString("by"));
      case "drill.paused" -> new Paused(json.getString("by"));
      case "drill.resumed" -> new Resumed(json.getString("by"));
      case "drill.ended" -> new Ended(json.getString("reason"), json.getString("by"));
      case "drill.speed_changed" -> new SpeedChanged(json.getDouble("speed"), json.getString("by"));
      case "inject.fired" -> new InjectFired(json.getString("injectId"), json.getBoolean("adHoc", false),
          json.getString("channel"), json.getString("title"), json.getString("text"),
          Optional.ofNullable(json.getJsonObject("opinion")).map(o -> new InjectOpinion(o.getInteger("posts"),
              o.getString("platform"), o.getLong("spreadMs", 0L))), json.getString("by"));
      case "task.triggered" -> new TaskTriggered(json.getString("taskId"), json.getString("teamId"),
          json.getLong("deadline"));
      case "task.acknowledged" -> advanced(json, TaskState.ACKNOWLEDGED);
      case "task.started" -> advanced(json, TaskState.IN_PROGRESS);
      case "task.completed" -> advanced(json, TaskState.DONE);
      case "task.overdue" -> new TaskOverdue(json.getString("taskId"), json.getString("teamId"));
      case "opinion.sampled" -> sampled(json);
      case "evaluation.rated" -> new Rated(TargetKind.valueOf(json.getString("target").toUpperCase(Locale.ROOT)),
          json.getString("targetId"), Grade.valueOf(json.getString("rating")), json.getString("note"),
          json.getString("by"), json.getLong("replaces"));
      case "evaluation.noted" -> new Noted(json.getLong("at"), json.getString("text"), json.getString("by"),
          json.getLong("replaces"));
      case "evaluation.lesson" -> new LessonRecorded(LessonKind.valueOf(json.getString("kind")
          .toUpperCase(Locale.ROOT)), json.getString("text"), json.getString("by"), json.getLong("replaces"));
      case "evaluation.action" -> new ActionAssigned(json.getString("text"), json.getString("owner"),
          json.getString("due"), ActionState.fromKey(json.getString("state", ActionState.OPEN.key())),
          json.getString("by"), json.getLong("replaces"));
      case "evaluation.retracted" -> new Retracted(json.getLong("entrySeq"), json.getString("reason"),
          json.getString("by"));
      case "evaluation.earlier-action-closed" -> new EarlierActionClosed(json.getString("drillId"),
          json.getLong("actionSeq"), json.getString("text"), json.getString("note"), json.getString("by"));
      default -> new External(type, json.encode());
    };
  }

  private static TaskAdvanced advanced(JsonObject json, TaskState state) {
    return new TaskAdvanced(json.getString("taskId"), json.getString("teamId"), state, json.getString("by"),
        json.getString("note"));
  }

  private static OpinionSampled sampled(JsonObject json) {
    Map<String, Map<Sentiment, Integer>> counts = new TreeMap<>();
    JsonObject byPlatform = json.getJsonObject("counts");
    for (String platform : byPlatform.fieldNames()) {
      Map<Sentiment, Integer> bySentiment = new java.util.EnumMap<>(Sentiment.class);
      JsonObject sentiments = byPlatform.getJsonObject(platform);
      for (Sentiment s : Sentiment.values()) {
        Integer n = sentiments.getInteger(s.key());
        if (n != null) {
          bySentiment.put(s, n);
        }
      }
      counts.put(platform, bySentiment);
    }
    return new OpinionSampled(json.getLong("minute"), counts, json.getInteger("posts"), json.getInteger("reposts"),
        json.getInteger("comments"), json.getDouble("branchingRatio"));
  }
}
