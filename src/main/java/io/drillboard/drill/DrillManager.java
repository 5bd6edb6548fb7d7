package io.drillboard.drill;

import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.store.DrillLifecycle;
import io.drillboard.store.EventStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates drills and brings stored ones to life: on start it resumes every drill that had not ended, and it loads any
 * other drill the first time someone asks for it. Each drill then runs in its own {@link DrillVerticle}.
 */
public final class DrillManager extends VerticleBase {
  public static final String ADDRESS = "drillboard.drills";
  private static final Logger LOG = LoggerFactory.getLogger(DrillManager.class);
  private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  private final EventStore store;
  private final ScenarioCatalog catalog;
  private final CommittedListener listener;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Future<Void>> loaded = new HashMap<>();

  public DrillManager(EventStore store, ScenarioCatalog catalog, CommittedListener listener) {
    this.store = store;
    this.catalog = catalog;
    this.listener = listener;
  }

  @Override
  public Future<?> start() {
    return store.lifecycles().compose(this::resumeUnfinished).compose(v -> vertx.eventBus()
        .<JsonObject>consumer(ADDRESS, this::onRequest).completion());
  }

  private Future<Void> resumeUnfinished(List<DrillLifecycle> drills) {
    List<Future<Void>> resumed = drills.stream().filter(d -> d.status() != DrillStatus.ENDED)
        .map(d -> load(d.drillId())).toList();
    if (!resumed.isEmpty()) {
      LOG.info("Resumed {} unfinished drill(s) from the event store", resumed.size());
    }
    return Future.all(resumed).mapEmpty();
  }

  private void onRequest(Message<JsonObject> message) {
    JsonObject body = message.body();
    Future<JsonObject> reply;
    try {
      reply = switch (body.getString("action", "")) {
        case "create" -> create(body);
        case "open" -> load(body.getString("drillId")).map(v -> new JsonObject());
        default -> Future.failedFuture(CommandRejected.badRequest("unknown action"));
      };
    } catch (RuntimeException malformed) {
      reply = Future.failedFuture(CommandRejected.badRequest("malformed request: " + malformed.getMessage()));
    }
    reply.onSuccess(message::reply).onFailure(cause -> message.fail(Failures.statusOf(cause), Failures.encode(cause)));
  }

  private Future<JsonObject> create(JsonObject request) {
    String scenarioId = request.getString("scenarioId");
    Scenario scenario = catalog.get(scenarioId).orElse(null);
    if (scenario == null) {
      return Future.failedFuture(CommandRejected.notFound("no scenario has the id \"" + scenarioId + "\""));
    }
    String drillId = newId();
    Long requestedSeed = request.getLong("seed");
    long seed = requestedSeed != null ? requestedSeed : random.nextLong() & Long.MAX_VALUE;
    DrillEngine engine;
    try {
      engine = DrillEngine.create(drillId, scenario, request.getDouble("speed"), request.getBoolean("autopilot"), seed,
          request.getString("by"), System.currentTimeMillis());
    } catch (CommandRejected rejected) {
      return Future.failedFuture(rejected);
    }
    JsonObject snapshot = Snapshots.toJson(engine.state(), System.currentTimeMillis());
    Future<Void> deployed = vertx.deployVerticle(DrillVerticle.created(engine, store, listener)).mapEmpty();
    loaded.put(drillId, deployed);
    return deployed.map(snapshot);
  }

  /** Deploys the drill's verticle once; concurrent and later callers share the same deployment. */
  private Future<Void> load(String drillId) {
    Future<Void> existing = loaded.get(drillId);
    if (existing != null && !existing.failed()) {
      return existing;
    }
    Future<Void> deployment = vertx.deployVerticle(DrillVerticle.stored(drillId, store, listener)).mapEmpty();
    loaded.put(drillId, deployment);
    return deployment.recover(cause -> {
      loaded.remove(drillId);
      return Future.failedFuture(cause);
    });
  }

  private String newId() {
    StringBuilder id = new StringBuilder("d");
    for (int i = 0; i < 11; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }
}
