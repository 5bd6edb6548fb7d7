package io.drillboard.drill;

import io.drillboard.scenario.Scenario.InjectOpinion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What a director, a team or an injector asks of a drill; {@code by} is the subject of the caller's token. Between
 * nodes, commands cross the event bus as JSON (the runtime's CommandCodec).
 */
public sealed interface Command {
  String by();

  /** The verbs that need nothing but the caller: they steer the drill's lifecycle. */
  enum ControlAction {
    START, PAUSE, RESUME, STOP;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record Control(ControlAction action, String by) implements Command {
  }

  record SetSpeed(double speed, String by) implements Command {
  }

  /** Hides the drill from the lists (archived true) or shows it again; nothing is deleted. */
  record Archive(boolean archived, String by) implements Command {
  }

  /** A message from the director to every team. */
  record Broadcast(String text, String by) implements Command {
  }

  record FireInject(String injectId, String by) implements Command {
  }

  record AddInject(String channel, String title, String text, Optional<InjectOpinion> opinion, String by)
      implements Command {
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
  }

  /** External events to append; a client id already seen is answered with its original seq and stored once. */
  record Append(List<Incoming> events, String by) implements Command {
    public Append {
      events = List.copyOf(events);
    }
  }

  /** One injected event; its payload is JSON text, checked to be an object when it was read. */
  record Incoming(String clientId, String type, String payload) {
    public Incoming {
      if (clientId != null && !isText(clientId)) {
        throw new IllegalArgumentException("a client id holds half of a surrogate pair");
      }
    }

    /**
     * Whether the id is Unicode text, which UTF-8 stores as it is. A JSON escape such as "\ud800" alone makes half of
     * a surrogate pair, which UTF-8 would store as "?": two such ids would be stored as one.
     */
    public static boolean isText(String id) {
      for (int i = 0; i < id.length(); i++) {
        if (Character.isSurrogate(id.charAt(i))) {
          return StandardCharsets.UTF_8.newEncoder().canEncode(id);
        }
      }
      return true;
    }
  }

  /** An evaluator's rating, note, lesson or corrective action; taken at any stage, during the drill or after. */
  record Assess(EventBody entry, String by) implements Command {
  }
}
