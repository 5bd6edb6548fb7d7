package io.drillboard.runtime;

import io.drillboard.drill.Command;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drills that run on this node, for the senders of this node: a command to one of them goes straight to the
 * drill's context, not through the event bus. The bus would do the same work and more for each command (a reply
 * address registered and removed, a timeout timer set and cancelled, delivery metrics), which at single-event rates
 * was a seventh of the event loops' time (bench/RESULTS.md). A drill on another node is reached by the bus as before.
 */
public final class LocalDrills {
  /** A drill's own way of deciding a command on its context: the reply, or the failure as a sender sees it. */
  interface Decider {
    Future<JsonObject> decide(Command command);
  }

  /** Raised on the drill's context when it stopped after the sender found it: the command goes by the bus instead. */
  static final class Gone extends RuntimeException {
    Gone() {
      super("the drill stopped on this node", null, false, false);
    }
  }

  private record Running(Context context, Decider decider) {
  }

  private final Map<String, Running> running = new ConcurrentHashMap<>();

  void add(String drillId, Context context, Decider decider) {
    running.put(drillId, new Running(context, decider));
  }

  void remove(String drillId, Decider decider) {
    running.computeIfPresent(drillId, (id, entry) -> entry.decider() == decider ? null : entry);
  }

  /**
   * The drill's answer if it runs on this node, completed on the caller's context; null if it does not. The future
   * fails with {@link Gone} if the drill stopped meanwhile.
   */
  Future<JsonObject> send(String drillId, Command command) {
    Running drill = running.get(drillId);
    if (drill == null) {
      return null;
    }
    Context caller = Vertx.currentContext();
    Promise<JsonObject> answer = Promise.promise();
    drill.context().runOnContext(v -> drill.decider().decide(command).onComplete(result -> {
      if (caller == null) {
        answer.handle(result);
      } else {
        caller.runOnContext(back -> answer.handle(result));
      }
    }));
    return answer.future();
  }
}
