package io.drillboard.runtime;

import io.drillboard.drill.Command;
import io.drillboard.drill.Command.AddInject;
import io.drillboard.drill.Command.Append;
import io.drillboard.drill.Command.Archive;
import io.drillboard.drill.Command.Assess;
import io.drillboard.drill.Command.Broadcast;
import io.drillboard.drill.Command.Control;
import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.Command.FireInject;
import io.drillboard.drill.Command.Incoming;
import io.drillboard.drill.Command.SetSpeed;
import io.drillboard.drill.Command.TaskAction;
import io.drillboard.drill.CommandRejected;
import io.drillboard.drill.TaskState;
import io.drillboard.store.EventJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Carries commands over the event bus. Within one process a command is handed over as it is (commands are immutable
 * records), instead of being copied as JSON, which at load-test rates was a tenth of the server's work; between nodes
 * it travels as its JSON.
 */
public final class CommandCodec implements MessageCodec<Command, Command> {
  public static final String NAME = "drillboard.command";
  private static final Map<Class<? extends Command>, String> ACTIONS = Map.of(SetSpeed.class, "speed",
      Archive.class, "archive", Broadcast.class, "broadcast", FireInject.class, "fire-inject", AddInject.class,
      "add-inject", TaskAction.class, "task", Append.class, "append", Assess.class, "assess");

  /** Sends with this codec. */
  public static DeliveryOptions delivery() {
    return new DeliveryOptions().setCodecName(NAME);
  }

  @Override
  public void encodeToWire(Buffer buffer, Command command) {
    Buffer json = encode(command).toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public Command decodeFromWire(int position, Buffer buffer) {
    int length = buffer.getInt(position);
    return decode(new JsonObject(buffer.getBuffer(position + 4, position + 4 + length)));
  }

  @Override
  public Command transform(Command command) {
    return command;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }

  static JsonObject encode(Command command) {
    JsonObject json = new JsonObject().put("action", action(command)).put("by", command.by());
    if (command instanceof SetSpeed speed) {
      json.put("speed", speed.speed());
    } else if (command instanceof Archive archive) {
      json.put("archived", archive.archived());
    } else if (command instanceof Broadcast broadcast) {
      json.put("text", broadcast.text());
    } else if (command instanceof FireInject fire) {
      json.put("injectId", fire.injectId());
    } else if (command instanceof AddInject add) {
      json.put("channel", add.channel()).put("title", add.title()).put("text", add.text());
      add.opinion().ifPresent(o -> json.put("opinion", EventJson.injectOpinion(o)));
    } else if (command instanceof TaskAction task) {
      json.put("taskId", task.taskId()).put("to", task.to().key()).put("actorTeam", task.actorTeam())
          .put("note", task.note());
    } else if (command instanceof Append append) {
      JsonArray events = new JsonArray(new ArrayList<>(append.events().size()));
      append.events().forEach(e -> events.add(new JsonObject().put("id", e.clientId()).put("type", e.type())
          .put("payload", e.payload())));
      json.put("events", events);
    } else if (command instanceof Assess assess) {
      json.put("type", assess.entry().type()).put("payload", EventJson.encode(assess.entry()));
    }
    return json;
  }

  /** The name of a command on the wire; a new kind of command fails here, loudly, until it has one. */
  private static String action(Command command) {
    if (command instanceof Control control) {
      return control.action().key();
    }
    String action = ACTIONS.get(command.getClass());
    if (action == null) {
      throw new IllegalArgumentException("no wire name for " + command.getClass().getSimpleName());
    }
    return action;
  }

  static Command decode(JsonObject json) {
    String by = json.getString("by");
    String action = json.getString("action", "");
    return switch (action) {
      case "start", "pause", "resume", "stop" -> new Control(ControlAction.valueOf(action.toUpperCase(Locale.ROOT)), by);
      case "speed" -> new SetSpeed(json.getDouble("speed"), by);
      case "fire-inject" -> new FireInject(json.getString("injectId"), by);
      case "archive" -> new Archive(json.getBoolean("archived"), by);
      case "broadcast" -> new Broadcast(json.getString("text"), by);
      case "add-inject" -> new AddInject(json.getString("channel"), json.getString("title"), json.getString("text"),
          Optional.ofNullable(json.getJsonObject("opinion")).map(EventJson::injectOpinion), by);
      case "task" -> new TaskAction(json.getString("taskId"), TaskState.fromKey(json.getString("to")),
          json.getString("actorTeam"), by, json.getString("note"));
      case "append" -> new Append(incoming(json.getJsonArray("events")), by);
      case "assess" -> new Assess(EventJson.decode(json.getString("type"), json.getJsonObject("payload")), by);
      default -> throw CommandRejected.invalid("unknown action " + action);
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
