package io.drillboard.runtime;

import io.drillboard.drill.Command;
import io.drillboard.drill.CommandRejected;
import io.drillboard.drill.DrillEngine;
import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.drill.ProblemCodes;
import io.drillboard.drill.Reply;
import io.drillboard.store.EventStore;
import io.drillboard.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One drill, live: its engine on its own context (so no locks), its clock's timer, and its commands from the event
 * bus or, from this node, straight from {@link LocalDrills}. Every reply waits for the commit of the events it
 * caused. When a commit fails the drill reloads from the store, so it never acknowledges or shows what is not stored.
 */
public final class DrillVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DrillVerticle.class);
  private static final long RELOAD_RETRY_MS = 2_000;
  /** The headers of a published frame that give its seq range. */
  public static final String FROM_SEQ = "fromSeq";
  public static final String TO_SEQ = "toSeq";

  /**
   * What every drill of a node shares.
   *
   * @param node in a cluster, this node's id on the event bus
   * @param endedIdle how long an ended drill stays loaded with nothing asked of it or stored
   * @param idle told the id of an ended drill idle that long, to unload it
   * @param frames makes each drill's frame writer
   * @param clock the wall clock that drives the drills' sim clocks, their frames and their idle time
   * @param local where the node's own senders find the drill without the event bus
   */
  record Host(EventStore store, CommittedListener listener, Optional<String> node, Duration endedIdle,
      Consumer<String> idle, Supplier<FrameWriter> frames, InstantSource clock, LocalDrills local) {
  }

  private final String drillId;
  private final Host host;
  private final DeliveryOptions replies;
  private long lastActive;
  private long idleTimerId = -1;
  private DrillEngine engine;
  private MessageConsumer<Command> consumer;
  private long timerId = -1;
  private int inFlight;
  private boolean reloading;
  /** Undeployed: what is still in flight may finish, but nothing starts again (another node may run the drill). */
  private boolean stopped;
  private Future<Void> lastCommit = Future.succeededFuture();
  private FramePublisher publisher;
  private final LocalDrills.Decider localDecider = this::decideLocally;

  private DrillVerticle(String drillId, Host host, DrillEngine engine) {
    this.drillId = drillId;
    this.host = host;
    this.engine = engine;
    this.lastActive = host.clock().millis();
    // In a cluster every answer names the node that gave it, so that a sender knows whose departure to watch for.
    this.replies = host.node().map(id -> new DeliveryOptions().addHeader(Drills.OWNER_HEADER, id))
        .orElseGet(DeliveryOptions::new);
  }

  /** A new drill whose drill.created event the engine holds, not yet stored. */
  static DrillVerticle created(DrillEngine engine, Host host) {
    return new DrillVerticle(engine.drillId(), host, engine);
  }

  /** A stored drill, rebuilt from its events on start. */
  static DrillVerticle stored(String drillId, Host host) {
    return new DrillVerticle(drillId, host, null);
  }

  public static String address(String drillId) {
    return "drillboard.drill." + drillId;
  }

  /** The event-bus address on which a drill publishes its frames to every node. */
  public static String framesAddress(String drillId) {
    return "drillboard.live." + drillId;
  }

  @Override
  public Future<?> start() {
    publisher = new FramePublisher(vertx, framesAddress(drillId), host.frames().get(), host.clock());
    Future<Void> ready = engine != null ? begin() : reload();
    return ready.compose(v -> {
      consumer = vertx.eventBus().consumer(address(drillId), this::onCommand);
      long endedIdle = host.endedIdle().toMillis();
      idleTimerId = vertx.setPeriodic(Math.max(1_000, Math.min(60_000, endedIdle / 2)), id -> checkIdle(endedIdle));
      return consumer.completion().onSuccess(registered -> host.local().add(drillId, context, localDecider));
    });
  }

  /**
   * An ended drill with nothing asked of it or stored for a while need not stay in memory (nor, in a cluster, locked).
   */
  private void checkIdle(long endedIdle) {
    if (!stopped && !reloading && engine.state().ended() && host.clock().millis() - lastActive >= endedIdle) {
      vertx.cancelTimer(idleTimerId);
      host.idle().accept(drillId);
    }
  }

  private Future<Void> begin() {
    host.store().writer().expectNext(drillId, 1);
    publisher.startFrom(engine.state());
    return commit(engine.drain()).onSuccess(v -> schedule());
  }

  private Future<Void> reload() {
    return host.store().reader().allEvents(drillId).compose(events -> {
      if (stopped) {
        return Future.succeededFuture();
      }
      if (events.isEmpty()) {
        return Future.failedFuture(CommandRejected.notFound("no drill has the id " + drillId)
            .coded(ProblemCodes.DRILL_NOT_FOUND));
      }
      engine = DrillEngine.rebuild(drillId, events);
      host.listener().committed(drillId, List.of(), engine.state());
      host.store().writer().expectNext(drillId, engine.state().seq() + 1);
      // Everything that will ever be stored is in the rebuilt state: earlier failures are behind us.
      lastCommit = Future.succeededFuture();
      reloading = false;
      publisher.restartFrom(engine.state(), events.get(events.size() - 1));
      // Catch up with what came due while the drill was not loaded: a running drill resumes at the right sim time.
      engine.advance(host.clock().millis());
      Future<Void> caughtUp = commit(engine.drain());
      schedule();
      return caughtUp;
    });
  }

  private void onCommand(Message<Command> message) {
    decide(message.body()).onSuccess(reply -> message.reply(reply, replies))
        .onFailure(cause -> message.fail(Failures.failureCodeOf(cause), Failures.encode(cause)));
  }

  /** A command from a sender on this node ({@link LocalDrills}), failing as it would have across the bus. */
  private Future<JsonObject> decideLocally(Command command) {
    if (stopped) {
      return Future.failedFuture(new LocalDrills.Gone());
    }
    return decide(command).recover(cause -> Future.failedFuture(Failures.asReply(cause)));
  }

  /** Decides a command; the reply once the events it caused (and every earlier one) are stored. */
  private Future<JsonObject> decide(Command command) {
    lastActive = host.clock().millis();
    if (reloading) {
      return Future.failedFuture(new StoreUnavailableException("drill " + drillId
          + " is reloading after a store failure", 2, null));
    }
    Reply reply;
    try {
      // Refuse a batch the queue cannot take before deciding it, so the drill need not reload to forget it.
      if (command instanceof Command.Append append && !host.store().writer().hasRoomFor(append.events().size())) {
        return Future.failedFuture(new StoreUnavailableException("the ingest queue is full", 1, null));
      }
      reply = engine.handle(command, host.clock().millis());
    } catch (CommandRejected rejected) {
      // The clock may have brought events before the command was refused: they are stored all the same.
      commit(engine.drain());
      schedule();
      return Future.failedFuture(rejected);
    } catch (RuntimeException bug) {
      // The engine broke off halfway: its state is not to be trusted, the store's is.
      LOG.error("Drill {}: the engine failed on a command; reloading from the store", drillId, bug);
      startReload();
      return Future.failedFuture(bug);
    }
    List<Event> events = engine.drain();
    // Nothing new (a read, or only duplicates): answer once everything decided earlier is stored.
    Future<Void> stored = events.isEmpty() ? lastCommit : commit(events);
    schedule();
    return stored.map(v -> encode(reply));
  }

  private Future<Void> commit(List<Event> events) {
    if (events.isEmpty()) {
      return lastCommit;
    }
    inFlight++;
    DrillState after = engine.state();
    Future<Void> commit = host.store().writer().append(drillId, events).andThen(result -> {
      inFlight--;
      if (stopped) {
        return;
      }
      if (result.succeeded()) {
        lastActive = host.clock().millis();
        host.listener().committed(drillId, events, after);
        publisher.committed(events, after);
      }
      if (result.failed() && !reloading) {
        LOG.warn("Drill {}: commit failed ({}); reloading from the store", drillId, result.cause().getMessage());
      }
      if (result.failed() || reloading) {
        startReload();
      }
    });
    lastCommit = commit;
    return commit;
  }

  /** Reloads once nothing is in flight, so that the reload sees every commit that will ever succeed. */
  private void startReload() {
    if (!reloading) {
      reloading = true;
      cancelTimer();
    }
    if (inFlight == 0) {
      reloadUntilDone();
    }
  }

  private void reloadUntilDone() {
    if (stopped) {
      return;
    }
    reload().onFailure(e -> vertx.setTimer(RELOAD_RETRY_MS, id -> reloadUntilDone()));
  }

  /** The reply as it crosses the event bus. */
  private static JsonObject encode(Reply reply) {
    JsonObject json = new JsonObject().put("lastSeq", reply.lastSeq());
    if (reply instanceof Reply.Appended appended) {
      json.put("accepted", appended.accepted()).put("duplicates", appended.duplicates());
      appended.seq().ifPresent(seq -> json.put("seq", seq));
    }
    return json;
  }

  private void schedule() {
    cancelTimer();
    if (reloading || stopped) {
      return;
    }
    engine.nextWake().ifPresent(wake -> {
      long delay = Math.max(1, wake - host.clock().millis());
      timerId = vertx.setTimer(delay, id -> onTimer());
    });
  }

  private void onTimer() {
    timerId = -1;
    if (reloading || stopped) {
      return;
    }
    engine.advance(host.clock().millis());
    commit(engine.drain());
    schedule();
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    host.local().remove(drillId, localDecider);
    cancelTimer();
    vertx.cancelTimer(idleTimerId);
    publisher.stop();
    // Told only once the address is gone: a command sent after that finds no drill here and opens it anew.
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    return unregistered.andThen(done -> host.listener().stopped(drillId));
  }
}
