package io.drillboard.runtime;

import io.drillboard.drill.CommandRejected;
import io.drillboard.drill.DrillEngine;
import io.drillboard.drill.DrillNaming;
import io.drillboard.drill.ProblemCodes;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.store.EventStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates drills and brings stored ones to life: on start it resumes every drill that had not ended, and it loads any
 * other drill the first time someone asks for it. Each drill then runs in its own {@link DrillVerticle}.
 *
 * <p>In a cluster it runs only the drills whose {@link Ownership} it claims, and every {@link #CLAIM_INTERVAL_MS} it
 * looks for unfinished drills that no node runs (their owner died) and takes them over.
 *
 * <p>An ended drill that nobody has asked anything for {@code endedIdle} is unloaded (and its claim given up); the
 * next request loads it again.
 */
public final class DrillManager extends VerticleBase {
  public static final String ADDRESS = "drillboard.drills";
  private static final Logger LOG = LoggerFactory.getLogger(DrillManager.class);
  private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  static final long CLAIM_INTERVAL_MS = 2_000;

  private final EventStore store;
  private final ScenarioCatalog catalog;
  private final CommittedListener listener;
  private final Ownership ownership;
  private final Duration endedIdle;
  private final Supplier<FrameWriter> frames;
  private final InstantSource clock;
  private final LocalDrills local;
  private DrillVerticle.Host host;
  private final SecureRandom random = new SecureRandom();
  /** Each drill this node runs (or is starting), by id: its verticle's deployment. */
  private final Map<String, Future<String>> loaded = new HashMap<>();
  /** Drills being stopped (lock lost, or ended and idle): claimed again, they start once the old verticle is gone. */
  private final Map<String, Future<Void>> stopping = new HashMap<>();
  private boolean claiming;

  public DrillManager(EventStore store, ScenarioCatalog catalog, CommittedListener listener, Ownership ownership,
      Duration endedIdle, Supplier<FrameWriter> frames, InstantSource clock, LocalDrills local) {
    this.store = store;
    this.local = local;
    this.clock = clock;
    this.frames = frames;
    this.catalog = catalog;
    this.listener = listener;
    this.ownership = ownership;
    this.endedIdle = endedIdle;
  }

  @Override
  public Future<?> start() {
    Context manager = context;
    host = new DrillVerticle.Host(store, listener, ownership.node(), endedIdle,
        drillId -> manager.runOnContext(v -> unload(drillId)), frames, clock, local);
    ownership.onLost(this::stopAll);
    Future<Void> resumed = claimUnfinished();
    if (ownership.shared()) {
      vertx.setPeriodic(CLAIM_INTERVAL_MS, id -> claimUnowned());
    }
    // Local: a node creates and opens drills for its own HTTP clients; which node runs a drill is the lock's choice.
    return resumed.compose(v -> vertx.eventBus().<JsonObject>localConsumer(ADDRESS, this::onRequest).completion());
  }

  /** The drills (deployed from here) have stopped by now; their locks go so that other nodes take them at once. */
  @Override
  public Future<?> stop() {
    return ownership.close();
  }

  private Future<Void> resumeUnfinished(List<String> drillIds) {
    // A drill another node runs, or one that fails to load, is left for the next pass.
    List<Future<Boolean>> resumed = drillIds.stream().filter(id -> !loaded.containsKey(id))
        .map(id -> load(id).map(true).otherwise(cause -> {
          if (!(cause instanceof OwnedElsewhere)) {
            LOG.warn("Drill {} could not be resumed: {}", id, cause.getMessage());
          }
          return false;
        })).toList();
    return Future.all(resumed).onSuccess(v -> {
      long running = resumed.stream().filter(Future::result).count();
      if (running > 0) {
        LOG.info("Running {} unfinished drill(s) from the event store", running);
      }
    }).mapEmpty();
  }

  /** Takes over the unfinished drills no node runs; one pass at a time, however long a pass takes. */
  private void claimUnowned() {
    if (claiming) {
      return;
    }
    claiming = true;
    claimUnfinished().onComplete(done -> claiming = false);
  }

  /** Runs the unfinished drills this node can claim and does not run yet, once its claims are confirmed. */
  private Future<Void> claimUnfinished() {
    return ownership.check().compose(v -> store.reader().unfinishedDrills()).compose(this::resumeUnfinished);
  }

  /** The locks are gone: another node may run these drills from now on, so this one stops them at once. */
  private void stopAll() {
    if (loaded.isEmpty()) {
      return;
    }
    LOG.warn("Lost the drill locks' database connection; stopping {} drill(s) until they are claimed again",
        loaded.size());
    loaded.forEach(this::stopRunning);
    loaded.clear();
  }

  private void unload(String drillId) {
    Future<String> deployment = loaded.remove(drillId);
    if (deployment != null) {
      LOG.info("Unloading drill {}: it has ended and nothing was asked of it for {}", drillId, endedIdle);
      stopRunning(drillId, deployment);
    }
  }

  /** Stops a drill's verticle, then gives up its claim; claimed again meanwhile, it starts once the old one is gone. */
  private void stopRunning(String drillId, Future<String> deployment) {
    Future<Void> stopped = deployment.compose(vertx::undeploy).compose(v -> ownership.release(drillId))
        .otherwiseEmpty();
    stopping.put(drillId, stopped);
    stopped.onComplete(done -> stopping.remove(drillId, stopped));
  }

  private void onRequest(Message<JsonObject> message) {
    JsonObject body = message.body();
    Future<JsonObject> reply;
    try {
      reply = switch (body.getString("action", "")) {
        case "create" -> create(body);
        case "open" -> load(body.getString("drillId")).map(v -> new JsonObject());
        default -> Future.failedFuture(CommandRejected.invalid("unknown action"));
      };
    } catch (RuntimeException malformed) {
      reply = Future.failedFuture(CommandRejected.invalid("malformed request: " + malformed.getMessage()));
    }
    reply.onSuccess(message::reply).onFailure(cause -> message.fail(Failures.failureCodeOf(cause), Failures.encode(cause)));
  }

  private Future<JsonObject> create(JsonObject request) {
    String scenarioId = request.getString("scenarioId");
    Scenario scenario = catalog.get(scenarioId).orElse(null);
    if (scenario == null) {
      return Future.failedFuture(CommandRejected.notFound("no scenario has the id \"" + scenarioId + "\"")
          .coded(ProblemCodes.SCENARIO_NOT_FOUND));
    }
    String drillId = newId();
    Long requestedSeed = request.getLong("seed");
    long seed = requestedSeed != null ? requestedSeed : random.nextLong() & Long.MAX_VALUE;
    DrillEngine engine;
    try {
      engine = DrillEngine.create(drillId, scenario, request.getDouble("speed"), request.getBoolean("autopilot"), seed,
          request.getString("by"), new DrillNaming(request.getString("name"), request.getString("place")),
          clock.millis());
    } catch (CommandRejected rejected) {
      return Future.failedFuture(rejected);
    }
    // The drill exists once its first events are stored: the caller reads it at that seq.
    JsonObject created = new JsonObject().put("id", drillId).put("lastSeq", engine.state().seq());
    return run(drillId, () -> DrillVerticle.created(engine, host)).map(created);
  }

  /**
   * Runs a stored drill here once; concurrent and later callers share the same deployment. Fails with
   * {@link OwnedElsewhere} when another node runs it.
   */
  private Future<Void> load(String drillId) {
    Future<String> existing = loaded.get(drillId);
    if (existing != null && !existing.failed()) {
      return existing.mapEmpty();
    }
    return run(drillId, () -> DrillVerticle.stored(drillId, host));
  }

  private Future<Void> run(String drillId, Supplier<DrillVerticle> verticle) {
    Future<Void> previous = stopping.getOrDefault(drillId, Future.succeededFuture());
    Future<String> deployment = previous.compose(v -> ownership.claim(drillId)).compose(owned -> {
      if (!owned) {
        return Future.failedFuture(new OwnedElsewhere(drillId));
      }
      if (ownership.shared()) {
        LOG.info("Running drill {} on this node (it holds the drill's lock)", drillId);
      }
      return vertx.deployVerticle(verticle.get()).recover(cause -> ownership.release(drillId).transform(
          released -> Future.failedFuture(cause)));
    });
    loaded.put(drillId, deployment);
    return deployment.recover(cause -> {
      loaded.remove(drillId, deployment);
      return Future.failedFuture(cause);
    }).mapEmpty();
  }

  private String newId() {
    StringBuilder id = new StringBuilder("d");
    for (int i = 0; i < 11; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }
}
