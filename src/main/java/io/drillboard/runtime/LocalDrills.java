package io.drillboard.runtime;

import io.drillboard.drill.Command;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
   * The drill's answer if it runs on this node, completed on {@code caller}; null if it does not. The future fails
   * with {@link Gone} if the drill stopped meanwhile. There is no timeout of the bus's kind: the drill always
   * answers once its commit ends, and the HTTP request's own timeout bounds the wait for a stalled database.
   */
  Future<JsonObject> send(String drillId, Command command, Context caller) {
    Running drill = running.get(drillId);
    if (drill == null) {
      return null;
    }
    Promise<JsonObject> answer = Promise.promise();
    drill.context().runOnContext(v -> {
      Future<JsonObject> decided;
      try {
        decided = drill.decider().decide(command);
      } catch (RuntimeException bug) {
        // Across the bus a throwing handler would leave the sender to its timeout; here it is answered at once.
        decided = Future.failedFuture(Failures.asReply(bug));
      }
      decided.onComplete(result -> caller.runOnContext(back -> answer.handle(result)));
    });
    return answer.future();
  }
}
