package io.drillboard.web;

import io.drillboard.store.EventReader;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.IntSupplier;

/** GET /health: 200 when the database answers, 503 when it does not. */
final class HealthApi {
  private static final long TIMEOUT_MS = 3_000;

  private final EventReader store;
  /** The events waiting for their commit: all that health reads of the write path. */
  private final IntSupplier pendingEvents;

  HealthApi(EventReader store, IntSupplier pendingEvents) {
    this.store = store;
    this.pendingEvents = pendingEvents;
  }

  void check(RoutingContext ctx) {
    store.ping().timeout(TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
        .onSuccess(v -> Json.send(ctx, 200, new JsonObject().put("status", "up").put("database", "up")
            .put("ingestQueue", pendingEvents.getAsInt())))
        .onFailure(cause -> Json.send(ctx, 503, new JsonObject().put("status", "down").put("database", "down")
            .put("detail", cause.getMessage())));
  }
}
