package io.drillboard.drill;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * How the web layer reaches drills: only through the event bus, by address, so a drill's engine may live on any node.
 * A drill not yet loaded is opened by the manager on first use.
 */
public final class Drills {
  private static final long TIMEOUT_MS = 30_000;
  private static final DeliveryOptions DELIVERY = new DeliveryOptions().setSendTimeout(TIMEOUT_MS);
  private static final DeliveryOptions COMMAND = CommandCodec.delivery().setSendTimeout(TIMEOUT_MS);

  private final EventBus bus;

  public Drills(EventBus bus) {
    this.bus = bus;
  }

  public Future<JsonObject> create(String scenarioId, double speed, boolean autopilot, Long seed, String by) {
    JsonObject request = new JsonObject().put("action", "create").put("scenarioId", scenarioId).put("speed", speed)
        .put("autopilot", autopilot).put("seed", seed).put("by", by);
    return bus.<JsonObject>request(DrillManager.ADDRESS, request, DELIVERY).map(Message::body)
        .recover(failure -> Future.failedFuture(Failures.decode(failure)));
  }

  public Future<JsonObject> send(String drillId, Command command) {
    return bus.<JsonObject>request(DrillVerticle.address(drillId), command, COMMAND)
        .recover(failure -> notLoaded(failure) ? open(drillId)
            .compose(v -> bus.<JsonObject>request(DrillVerticle.address(drillId), command, COMMAND))
            : Future.failedFuture(failure))
        .map(Message::body)
        .recover(failure -> Future.failedFuture(Failures.decode(failure)));
  }

  private Future<Void> open(String drillId) {
    return bus.request(DrillManager.ADDRESS, new JsonObject().put("action", "open").put("drillId", drillId), DELIVERY)
        .mapEmpty();
  }

  private static boolean notLoaded(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
  }
}
