package io.drillboard.drill;

import io.drillboard.scenario.Scenario.InjectOpinion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a director, a team or an injector asks of a drill. Commands cross the event bus as JSON, so that a drill's
 * engine can live on another node later; {@code by} is the subject of the caller's token.
 */
public sealed interface Command {
  String by();

  JsonObject toJson();

  /** The verbs that need nothing but the caller: they steer the drill's lifecycle. */
  enum ControlAction {
    START, PAUSE, RESUME, STOP;

    String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record Control(ControlAction action, String by) implements Command {
    public JsonObject toJson() {
      return base(action.key(), by);
    }
  }

  record SetSpeed(double speed, String by) implements Command {
    public JsonObject toJson() {
      return base("speed", by).put("speed", speed);
    }
  }

  /** Hides the drill from the lists (archived true) or shows it again; nothing is deleted. */
  record Archive(boolean archived, String by) implements Command {
    public JsonObject toJson() {
      return base("archive", by).put("archived", archived);
    }
  }

  /** A message from the director to every team. */
  record Broadcast(String text, String by) implements Command {
    public JsonObject toJson() {
      return base("broadcast", by).put("text", text);
    }
  }

  record FireInject(String injectId, String by) implements Command {
    public JsonObject toJson() {
      return base("fire-inject", by).put("injectId", injectId);
    }
  }

  record AddInject(String channel, String title, String text, Optional<InjectOpinion> opinion, String by)
      implements Command {
    public JsonObject toJson() {
      JsonObject json = base("add-inject", by).put("channel", channel).put("title", title).put("text", text);
      opinion.ifPresent(o -> json.put("opinion",
          new JsonObject().put("posts", o.posts()).put("platform", o.platform()).put("spreadMs", o.spread())));
      return json;
    }
  }

  /**
   * A team's step on a task; {@code actorTeam} is the caller's team, or null for a director. {@code note} is the
   * team's note or evidence for a step to done (plain text, already trimmed), or null.
   */
  record TaskAction(String taskId, TaskState to, String actorTeam, String by, String note) implements Command {
    /** The most a note may hold, in characters (code points). */
    public static final int MAX_NOTE = 2_000;

    public TaskAction(String taskId, TaskState to, String actorTeam, String by) {
      this(taskId, to, actorTeam, by, null);
    }

    public JsonObject toJson() {
      return base("task", by).put("taskId", taskId).put("to", to.key()).put("actorTeam", actorTeam)
          .put("note", note);
    }
  }

  /** External events to append; a client id already seen is answered with its original seq and stored once. */
  record Append(List<Incoming> events, String by) implements Command {
    public Append {
      events = List.copyOf(events);
    }

    public JsonObject toJson() {
      JsonArray array = new JsonArray(new ArrayList<>(events.size()));
      for (Incoming e : events) {
        array.add(new JsonObject().put("id", e.clientId()).put("type", e.type()).put("payload", e.payload()));
      }
      return base("append", by).put("events", array);
    }
  }

  /** One injected event; its payload is JSON text, checked to be an object when it was read. */
  record Incoming(String clientId, String type, String payload) {
  }

  /** An evaluator's rating, note, lesson or corrective action; taken at any stage, during the drill or after. */
  record Assess(EventBody entry, String by) implements Command {
    public JsonObject toJson() {
      return base("assess", by).put("type", entry.type()).put("payload", entry.toJson());
    }
  }

  private static JsonObject base(String action, String by) {
    return new JsonObject().put("action", action).put("by", by);
  }

  static Command fromJson(JsonObject json) {
    String by = json.getString("by");
    return switch (json.getString("action", "")) {
      case "snapshot", "start", "pause", "resume", "stop" ->
          new Control(ControlAction.valueOf(json.getString("action").toUpperCase(java.util.Locale.ROOT)), by);
      case "speed" -> new SetSpeed(json.getDouble("speed"), by);
      case "fire-inject" -> new FireInject(json.getString("injectId"), by);
      case "archive" -> new Archive(json.getBoolean("archived"), by);
      case "broadcast" -> new Broadcast(json.getString("text"), by);
      case "add-inject" -> new AddInject(json.getString("channel"), json.getString("title"), json.getString("text"),
          Optional.ofNullable(json.getJsonObject("opinion")).map(o -> new InjectOpinion(o.getInteger("posts"),
              o.getString("platform"), o.getLong("spreadMs", 0L))), by);
      case "task" -> new TaskAction(json.getString("taskId"), TaskState.fromKey(json.getString("to")),
          json.getString("actorTeam"), by, json.getString("note"));
      case "append" -> new Append(incoming(json.getJsonArray("events")), by);
      case "assess" -> new Assess(EventBody.fromJson(json.getString("type"), json.getJsonObject("payload")), by);
      default -> throw CommandRejected.invalid("unknown action " + json.getString("action"));
    };
  }

  private static List<Incoming> incoming(JsonArray array) {
    List<Incoming> events = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject e = array.getJsonObject(i);
      events.add(new Incoming(e.getString("id"), e.getString("type"), e.getString("payload")));
    }
    return events;
  }
}
