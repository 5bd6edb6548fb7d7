package io.drillboard.store;

import io.drillboard.drill.Assessment.ActionState;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.LessonKind;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.drill.EventBody;
import io.drillboard.drill.EventBody.ActionAssigned;
import io.drillboard.drill.EventBody.Archived;
import io.drillboard.drill.EventBody.Broadcast;
import io.drillboard.drill.EventBody.DrillCreated;
import io.drillboard.drill.EventBody.EarlierActionClosed;
import io.drillboard.drill.EventBody.Ended;
import io.drillboard.drill.EventBody.External;
import io.drillboard.drill.EventBody.ConditionMet;
import io.drillboard.drill.EventBody.FeedPosted;
import io.drillboard.opinion.FeedPost;
import io.drillboard.drill.EventBody.InjectFired;
import io.drillboard.drill.EventBody.LessonRecorded;
import io.drillboard.drill.EventBody.Noted;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.EventBody.Paused;
import io.drillboard.drill.EventBody.Rated;
import io.drillboard.drill.EventBody.Resumed;
import io.drillboard.drill.EventBody.Retracted;
import io.drillboard.drill.EventBody.SpeedChanged;
import io.drillboard.drill.EventBody.Started;
import io.drillboard.drill.EventBody.TaskAdvanced;
import io.drillboard.drill.EventBody.TaskOverdue;
import io.drillboard.drill.EventBody.TaskTriggered;
import io.drillboard.drill.EventType;
import io.drillboard.drill.TaskState;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.Scenario.Sentiment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Event bodies as JSON: the text of the store's payload column, which the API, the frames, the CSV export and the
 * event bus carry as it is. The encoder visits every record and the decoder switches over every {@link EventType}, so
 * neither compiles without a case for a new type. Payloads written before a field existed decode as they always did.
 */
public final class EventJson {
  private static final Encoder ENCODER = new Encoder();

  private EventJson() {
  }

  public static JsonObject encode(EventBody body) {
    return body.accept(ENCODER);
  }

  /** The payload as stored: an external event's text is kept exactly as it arrived. */
  public static String text(EventBody body) {
    return body instanceof External external ? external.encoded() : encode(body).encode();
  }

  /** A body read back from the store: an external payload stays text, parsed only when a page shows it. */
  public static EventBody fromStored(String type, String text) {
    return EventType.of(type).map(known -> decode(known, new JsonObject(text)))
        .orElseGet(() -> new External(type, text));
  }

  public static EventBody decode(String type, JsonObject json) {
    return EventType.of(type).map(known -> decode(known, json)).orElseGet(() -> new External(type, json.encode()));
  }

  private static EventBody decode(EventType type, JsonObject json) {
    String by = json.getString("by");
    return switch (type) {
      case DRILL_CREATED -> new DrillCreated(json.getString("scenarioId"), json.getString("scenarioSource"),
          json.getDouble("speed"), json.getBoolean("autopilot"), json.getLong("seed"), by, json.getString("name"),
          json.getString("place"));
      case DRILL_ARCHIVED -> new Archived(true, by);
      case DRILL_UNARCHIVED -> new Archived(false, by);
      case DRILL_BROADCAST -> new Broadcast(json.getString("text"), by);
      case DRILL_STARTED -> new Started(json.getDouble("speed"), by);
      case DRILL_PAUSED -> new Paused(by);
      case DRILL_RESUMED -> new Resumed(by);
      case DRILL_ENDED -> new Ended(json.getString("reason"), by);
      case DRILL_SPEED_CHANGED -> new SpeedChanged(json.getDouble("speed"), by);
      case INJECT_FIRED -> new InjectFired(json.getString("injectId"), json.getBoolean("adHoc", false),
          json.getString("channel"), json.getString("title"), json.getString("text"),
          Optional.ofNullable(json.getJsonObject("opinion")).map(EventJson::injectOpinion), by);
      case INJECT_CONDITION_MET -> new ConditionMet(json.getString("injectId"), json.getString("condition"),
          json.getString("subject"), json.getDouble("measured"), json.getLong("fireAt"));
      case TASK_TRIGGERED -> new TaskTriggered(json.getString("taskId"), json.getString("teamId"),
          json.getLong("deadline"));
      case TASK_ACKNOWLEDGED -> advanced(json, TaskState.ACKNOWLEDGED);
      case TASK_STARTED -> advanced(json, TaskState.IN_PROGRESS);
      case TASK_COMPLETED -> advanced(json, TaskState.DONE);
      case TASK_OVERDUE -> new TaskOverdue(json.getString("taskId"), json.getString("teamId"));
      case OPINION_SAMPLED -> sampled(json);
      case FEED_POSTED -> new FeedPosted(json.getJsonArray("posts").stream().map(JsonObject.class::cast)
          .map(p -> new FeedPost(p.getString("id"), p.getLong("at"), p.getString("platform"), p.getString("sentiment"),
              p.getString("kind"), p.getString("author"), p.getString("parentId"), p.getString("parentAuthor"),
              p.getString("text"), p.getString("textEn"))).toList());
      case EVALUATION_RATED -> new Rated(TargetKind.valueOf(json.getString("target").toUpperCase(Locale.ROOT)),
          json.getString("targetId"), Grade.valueOf(json.getString("rating")), json.getString("note"), by,
          json.getLong("replaces"));
      case EVALUATION_NOTED -> new Noted(json.getLong("at"), json.getString("text"), by, json.getLong("replaces"));
      case EVALUATION_LESSON -> new LessonRecorded(LessonKind.valueOf(json.getString("kind")
          .toUpperCase(Locale.ROOT)), json.getString("text"), by, json.getLong("replaces"));
      case EVALUATION_ACTION -> new ActionAssigned(json.getString("text"), json.getString("owner"),
          json.getString("due"), ActionState.fromKey(json.getString("state", ActionState.OPEN.key())), by,
          json.getLong("replaces"));
      case EVALUATION_RETRACTED -> new Retracted(json.getLong("entrySeq"), json.getString("reason"), by);
      case EVALUATION_EARLIER_ACTION_CLOSED -> new EarlierActionClosed(json.getString("drillId"),
          json.getLong("actionSeq"), json.getString("text"), json.getString("note"), by);
    };
  }

  /** The opinion an inject brings, as an inject event and an ad-hoc inject command carry it. */
  public static JsonObject injectOpinion(InjectOpinion opinion) {
    return new JsonObject().put("posts", opinion.posts()).put("platform", opinion.platform())
        .put("spreadMs", opinion.spread());
  }

  public static InjectOpinion injectOpinion(JsonObject json) {
    return new InjectOpinion(json.getInteger("posts"), json.getString("platform"), json.getLong("spreadMs", 0L));
  }

  private static TaskAdvanced advanced(JsonObject json, TaskState state) {
    return new TaskAdvanced(json.getString("taskId"), json.getString("teamId"), state, json.getString("by"),
        json.getString("note"));
  }

  private static OpinionSampled sampled(JsonObject json) {
    Map<String, Map<Sentiment, Integer>> counts = new TreeMap<>();
    JsonObject byPlatform = json.getJsonObject("counts");
    for (String platform : byPlatform.fieldNames()) {
      Map<Sentiment, Integer> bySentiment = new EnumMap<>(Sentiment.class);
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

  /** The payloads, key order included, exactly as they have always been written. */
  private static final class Encoder implements EventBody.Visitor<JsonObject> {
    private static JsonObject by(String by) {
      return new JsonObject().put("by", by);
    }

    /** Entries written before corrections existed have no "replaces": their JSON stays as it was. */
    private static JsonObject replacing(JsonObject json, Long replaces) {
      return replaces == null ? json : json.put("replaces", replaces);
    }

    public JsonObject on(DrillCreated created) {
      JsonObject json = new JsonObject().put("scenarioId", created.scenarioId())
          .put("scenarioSource", created.scenarioSource()).put("speed", created.speed())
          .put("autopilot", created.autopilot()).put("seed", created.seed()).put("by", created.by());
      // Unnamed drills keep the payload they always had.
      if (created.name() != null) {
        json.put("name", created.name());
      }
      return created.place() == null ? json : json.put("place", created.place());
    }

    public JsonObject on(Archived archived) {
      return by(archived.by());
    }

    public JsonObject on(Broadcast broadcast) {
      return new JsonObject().put("text", broadcast.text()).put("by", broadcast.by());
    }

    public JsonObject on(Started started) {
      return new JsonObject().put("speed", started.speed()).put("by", started.by());
    }

    public JsonObject on(Paused paused) {
      return by(paused.by());
    }

    public JsonObject on(Resumed resumed) {
      return by(resumed.by());
    }

    public JsonObject on(Ended ended) {
      return new JsonObject().put("reason", ended.reason()).put("by", ended.by());
    }

    public JsonObject on(SpeedChanged changed) {
      return new JsonObject().put("speed", changed.speed()).put("by", changed.by());
    }

    public JsonObject on(InjectFired fired) {
      JsonObject json = new JsonObject().put("injectId", fired.injectId()).put("adHoc", fired.adHoc())
          .put("channel", fired.channel()).put("title", fired.title()).put("text", fired.text())
          .put("by", fired.by());
      fired.opinion().ifPresent(o -> json.put("opinion", injectOpinion(o)));
      return json;
    }

    public JsonObject on(ConditionMet met) {
      return new JsonObject().put("injectId", met.injectId()).put("condition", met.condition())
          .put("subject", met.subject()).put("measured", met.measured()).put("fireAt", met.fireAt());
    }

    public JsonObject on(TaskTriggered triggered) {
      return new JsonObject().put("taskId", triggered.taskId()).put("teamId", triggered.teamId())
          .put("deadline", triggered.deadline());
    }

    /** Without a note the payload stays as it always was: no "note" key. */
    public JsonObject on(TaskAdvanced advanced) {
      JsonObject json = new JsonObject().put("taskId", advanced.taskId()).put("teamId", advanced.teamId())
          .put("by", advanced.by());
      return advanced.note() == null ? json : json.put("note", advanced.note());
    }

    public JsonObject on(TaskOverdue overdue) {
      return new JsonObject().put("taskId", overdue.taskId()).put("teamId", overdue.teamId());
    }

    public JsonObject on(FeedPosted posted) {
      JsonArray posts = new JsonArray();
      posted.posts().forEach(p -> posts.add(new JsonObject().put("id", p.id()).put("at", p.at())
          .put("platform", p.platform()).put("sentiment", p.sentiment()).put("kind", p.kind()).put("author", p.author())
          .put("parentId", p.parentId()).put("parentAuthor", p.parentAuthor()).put("text", p.text())
          .put("textEn", p.textEn())));
      return new JsonObject().put("posts", posts);
    }

    public JsonObject on(OpinionSampled sampled) {
      JsonObject byPlatform = new JsonObject();
      sampled.counts().forEach((platform, bySentiment) -> {
        JsonObject sentiments = new JsonObject();
        bySentiment.forEach((sentiment, n) -> sentiments.put(sentiment.key(), n));
        byPlatform.put(platform, sentiments);
      });
      return new JsonObject().put("minute", sampled.minute()).put("counts", byPlatform)
          .put("posts", sampled.posts()).put("reposts", sampled.reposts()).put("comments", sampled.comments())
          .put("branchingRatio", sampled.branchingRatio());
    }

    public JsonObject on(Rated rated) {
      return replacing(new JsonObject().put("target", rated.target().name().toLowerCase(Locale.ROOT))
          .put("targetId", rated.targetId()).put("rating", rated.grade().name()).put("note", rated.note())
          .put("by", rated.by()), rated.replaces());
    }

    public JsonObject on(Noted noted) {
      return replacing(new JsonObject().put("at", noted.at()).put("text", noted.text()).put("by", noted.by()),
          noted.replaces());
    }

    public JsonObject on(LessonRecorded lesson) {
      return replacing(new JsonObject().put("kind", lesson.kind().name().toLowerCase(Locale.ROOT))
          .put("text", lesson.text()).put("by", lesson.by()), lesson.replaces());
    }

    public JsonObject on(ActionAssigned action) {
      return replacing(new JsonObject().put("text", action.text()).put("owner", action.owner())
          .put("due", action.due()).put("state", action.state().key()).put("by", action.by()), action.replaces());
    }

    public JsonObject on(EarlierActionClosed closed) {
      return new JsonObject().put("drillId", closed.drillId()).put("actionSeq", closed.actionSeq())
          .put("text", closed.text()).put("note", closed.note()).put("by", closed.by());
    }

    public JsonObject on(Retracted retracted) {
      return new JsonObject().put("entrySeq", retracted.entrySeq()).put("reason", retracted.reason())
          .put("by", retracted.by());
    }

    public JsonObject on(External external) {
      return new JsonObject(external.encoded());
    }
  }
}
