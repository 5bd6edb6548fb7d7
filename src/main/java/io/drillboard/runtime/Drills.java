package io.drillboard.runtime;

import io.drillboard.drill.Command;
import io.drillboard.drill.DrillNaming;
import io.drillboard.store.StoreUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the web layer reaches drills: through the event bus, by address, so a drill's engine may live on any node; a
 * drill that runs on this node is reached directly ({@link LocalDrills}), with the same answers. A drill that no node
 * runs is opened by this node's manager. While another node holds the drill but cannot be reached (it is starting the
 * drill, or died and the drill awaits its new owner) the command is tried again for up to {@link #RETRY_FOR_MS}.
 *
 * <p>The event bus never answers a request whose node died with it: the request would wait out its timeout. So each
 * answer names the node that gave it, and when that node leaves the cluster ({@link #NODE_LEFT}) the requests still
 * waiting on it fail at once with a 503. For a few seconds after a departure the bus may still route requests to the
 * departed node (its addresses are forgotten a moment after the node), so meanwhile a command waits for its answer
 * {@link #COMMAND_TIMEOUT_AFTER_DEPARTURE_MS} at most.
 */
public final class Drills {
  /** Where this node announces, locally, the event-bus id of a node that left the cluster. */
  public static final String NODE_LEFT = "drillboard.node.left";
  static final String OWNER_HEADER = "drillboard-owner";
  private static final long TIMEOUT_MS = 30_000;
  private static final long RETRY_FOR_MS = 10_000;
  private static final long RETRY_EVERY_MS = 200;
  private static final DeliveryOptions DELIVERY = new DeliveryOptions().setSendTimeout(TIMEOUT_MS);
  /** A drill answers in milliseconds; one silent this long is taken for dead (its node died with the command). */
  private static final long COMMAND_TIMEOUT_MS = 10_000;
  private static final DeliveryOptions COMMAND = CommandCodec.delivery().setSendTimeout(COMMAND_TIMEOUT_MS);
  private static final long AFTER_DEPARTURE_MS = 5_000;
  private static final long COMMAND_TIMEOUT_AFTER_DEPARTURE_MS = 2_000;
  private static final DeliveryOptions COMMAND_AFTER_DEPARTURE = CommandCodec.delivery()
      .setSendTimeout(COMMAND_TIMEOUT_AFTER_DEPARTURE_MS);

  private final Vertx vertx;
  private final InstantSource clock;
  private final EventBus bus;
  private final LocalDrills local;
  /** Where answers are handled when a command is sent from outside any context (a test's thread). */
  private final Context home;
  /** The node each drill answered from last. */
  private final Map<String, String> owners = new HashMap<>();
  /** Requests waiting for an answer, with the node expected to give it. */
  private final Map<Promise<Message<JsonObject>>, String> waiting = new HashMap<>();
  private long lastDeparture = -AFTER_DEPARTURE_MS;

  /** Call on the context that will send the commands: departures are handled there. */
  public Drills(Vertx vertx, InstantSource clock, LocalDrills local) {
    this.vertx = vertx;
    this.local = local;
    this.home = vertx.getOrCreateContext();
    this.clock = clock;
    this.bus = vertx.eventBus();
    bus.<String>localConsumer(NODE_LEFT, message -> nodeLeft(message.body()));
  }

  public Future<JsonObject> create(String scenarioId, double speed, boolean autopilot, Long seed, DrillNaming naming,
      String by) {
    JsonObject request = new JsonObject().put("action", "create").put("scenarioId", scenarioId).put("speed", speed)
        .put("autopilot", autopilot).put("seed", seed).put("name", naming.name()).put("place", naming.place())
        .put("by", by);
    return bus.<JsonObject>request(DrillManager.ADDRESS, request, DELIVERY).map(Message::body)
        .recover(failure -> Future.failedFuture(Failures.decode(failure)));
  }

  public Future<JsonObject> send(String drillId, Command command) {
    Context caller = Vertx.currentContext();
    Future<JsonObject> here = local.send(drillId, command, caller != null ? caller : home);
    if (here == null) {
      return sendByBus(drillId, command);
    }
    // The drill answered from here: a node it ran on before is no longer the one to watch for.
    return here.onSuccess(answered -> owners.remove(drillId))
        .recover(failure -> failure instanceof LocalDrills.Gone ? sendByBus(drillId, command)
            : Future.failedFuture(Failures.decode(failure)));
  }

  private Future<JsonObject> sendByBus(String drillId, Command command) {
    return attempt(drillId, command, clock.millis() + RETRY_FOR_MS).map(Message::body)
        .recover(failure -> Future.failedFuture(Failures.decode(failure)));
  }

  private Future<Message<JsonObject>> attempt(String drillId, Command command, long deadline) {
    return request(drillId, command).recover(failure -> {
      if (!undelivered(failure)) {
        return Future.failedFuture(failure);
      }
      Future<Void> reachable = failure instanceof ReplyException reply
          && reply.failureType() == ReplyFailure.NO_HANDLERS ? open(drillId) : Future.failedFuture(failure);
      return reachable.transform(opened -> {
        if (opened.succeeded()) {
          return request(drillId, command);
        }
        boolean retry = (opened.cause() instanceof OwnedElsewhere || undelivered(opened.cause()))
            && clock.millis() + RETRY_EVERY_MS < deadline;
        return retry ? vertx.timer(RETRY_EVERY_MS).compose(v -> attempt(drillId, command, deadline))
            : Future.failedFuture(opened.cause());
      });
    });
  }

  private Future<Message<JsonObject>> request(String drillId, Command command) {
    DeliveryOptions delivery = clock.millis() - lastDeparture < AFTER_DEPARTURE_MS
        ? COMMAND_AFTER_DEPARTURE : COMMAND;
    Future<Message<JsonObject>> sent = bus.<JsonObject>request(DrillVerticle.address(drillId), command, delivery)
        .andThen(answered -> {
          String owner = answered.succeeded() ? answered.result().headers().get(OWNER_HEADER) : null;
          if (owner != null) {
            owners.put(drillId, owner);
          }
        });
    String expected = owners.get(drillId);
    if (expected == null) {
      return sent;
    }
    Promise<Message<JsonObject>> answer = Promise.promise();
    waiting.put(answer, expected);
    sent.onComplete(result -> {
      waiting.remove(answer);
      if (result.succeeded()) {
        answer.tryComplete(result.result());
      } else {
        answer.tryFail(result.cause());
      }
    });
    return answer.future();
  }

  private void nodeLeft(String node) {
    lastDeparture = clock.millis();
    owners.values().removeIf(node::equals);
    List<Promise<Message<JsonObject>>> orphaned = waiting.entrySet().stream()
        .filter(entry -> entry.getValue().equals(node)).map(Map.Entry::getKey).toList();
    orphaned.forEach(waiting::remove);
    orphaned.forEach(answer -> answer.tryFail(new StoreUnavailableException("the node running the drill left the "
        + "cluster before answering; the command may or may not have been carried out: send it again (events with "
        + "the same ids are stored once)", 1, null)));
  }

  private Future<Void> open(String drillId) {
    return bus.request(DrillManager.ADDRESS, new JsonObject().put("action", "open").put("drillId", drillId), DELIVERY)
        .recover(failure -> Future.failedFuture(Failures.decode(failure))).mapEmpty();
  }

  /**
   * The command reached no drill: nobody had its address, or the node that had it could not be reached. (A timeout
   * is not retried: the drill may have acted on the command.)
   */
  private static boolean undelivered(Throwable failure) {
    return failure instanceof ReplyException reply
        && (reply.failureType() == ReplyFailure.NO_HANDLERS || reply.failureType() == ReplyFailure.ERROR);
  }
}
