package io.drillboard.runtime;

import io.drillboard.drill.Command;
import io.drillboard.drill.CommandRejected;
import io.drillboard.drill.DrillNaming;
import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.drill.ProblemCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command.ControlAction;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.store.Database;
import io.drillboard.store.EventStore;
import io.drillboard.view.DeltaWriter;
import io.drillboard.support.TestClock;
import io.drillboard.support.TestDatabase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drill manager on a real store: an ended drill nobody uses leaves memory, and comes back when asked for; a drill
 * on this node answers its node's senders without the event bus, exactly as it would across it.
 */
class DrillManagerTest {
  private static final Duration ENDED_IDLE = Duration.ofSeconds(1);
  private final Vertx vertx = Vertx.vertx();
  private final BlockingQueue<String> stopped = new LinkedBlockingQueue<>();
  private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
  private final TestClock clock = TestClock.now();
  private final LocalDrills local = new LocalDrills();
  private Drills drills;

  @BeforeEach
  void deploy() {
    vertx.eventBus().registerCodec(new CommandCodec());
    Database database = TestDatabase.get();
    EventStore store = new EventStore(vertx,
        PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(database.connectOptions()).using(vertx)
            .build(),
        PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(database.connectOptions()).using(vertx)
            .build(),
        10_000, (events, nanos, statement) -> { });
    CommittedListener listener = new CommittedListener() {
      @Override
      public void committed(String drillId, List<Event> events, DrillState state) {
        if (events.isEmpty()) {
          // Only a drill (re)built from the store is told of its state without events.
          loads.computeIfAbsent(drillId, id -> new AtomicInteger()).incrementAndGet();
        }
      }

      @Override
      public void stopped(String drillId) {
        stopped.add(drillId);
      }
    };
    vertx.deployVerticle(new DrillManager(store, ScenarioCatalog.withDefault(), listener, Ownership.alone(),
        ENDED_IDLE, DeltaWriter::new, clock, local)).await();
    drills = new Drills(vertx, clock, local);
  }

  /** Whether the drill stopped within the time; drills of other tests, resumed from the shared database, may too. */
  private boolean stoppedWithin(String drillId, int seconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1_000L;
    for (long left = seconds * 1_000L; left > 0; left = deadline - System.currentTimeMillis()) {
      if (drillId.equals(stopped.poll(left, TimeUnit.MILLISECONDS))) {
        return true;
      }
    }
    return false;
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void anEndedDrillNobodyUsesIsUnloadedAndLoadedAgainWhenAskedFor() throws InterruptedException {
    String id = drills.create("major-complaint", 1, false, 7L, DrillNaming.NONE, "director").await().getString("id");
    drills.send(id, new Command.Control(ControlAction.START, "director")).await();
    long stoppedAt = drills.send(id, new Command.Control(ControlAction.STOP, "director")).await().getLong("lastSeq");
    clock.advance(ENDED_IDLE);

    assertThat(stoppedWithin(id, 15)).as("unloaded once idle").isTrue();
    assertThat(local.send(id, new Command.Archive(true, "director"), vertx.getOrCreateContext()))
        .as("no longer reached on this node").isNull();
    assertThat(loads).doesNotContainKey(id);

    JsonObject reply = drills.send(id, new Command.Archive(true, "director")).await();
    assertThat(reply.getLong("lastSeq")).as("started, stopped, archived").isEqualTo(stoppedAt + 1);
    assertThat(loads.get(id)).as("rebuilt from the store").hasValue(1);
  }

  @Test
  void aRunningDrillStaysLoadedHoweverIdle() throws InterruptedException {
    String id = drills.create("major-complaint", 1, false, 7L, DrillNaming.NONE, "director").await().getString("id");
    drills.send(id, new Command.Control(ControlAction.START, "director")).await();
    clock.advance(ENDED_IDLE.multipliedBy(10));

    assertThat(stoppedWithin(id, 3)).as("still loaded").isFalse();
    drills.send(id, new Command.Control(ControlAction.STOP, "director")).await();
  }

  @Test
  void aDrillOnThisNodeIsReachedWithoutTheEventBus() {
    String id = drills.create("major-complaint", 1, false, 7L, DrillNaming.NONE, "director").await().getString("id");
    AtomicInteger sentToDrill = new AtomicInteger();
    vertx.eventBus().addOutboundInterceptor(delivery -> {
      if (delivery.message().address().equals(DrillVerticle.address(id))) {
        sentToDrill.incrementAndGet();
      }
      delivery.next();
    });

    long started = drills.send(id, new Command.Control(ControlAction.START, "director")).await().getLong("lastSeq");
    long stopped = drills.send(id, new Command.Control(ControlAction.STOP, "director")).await().getLong("lastSeq");

    assertThat(stopped).isEqualTo(started + 1);
    assertThat(sentToDrill).as("messages to the drill's address").hasValue(0);
  }

  @Test
  void aDrillOnThisNodeAnswersOnTheSendersContext() throws Exception {
    String id = drills.create("major-complaint", 1, false, 7L, DrillNaming.NONE, "director").await().getString("id");
    Context sender = vertx.getOrCreateContext();
    CompletableFuture<Context> answeredOn = new CompletableFuture<>();

    sender.runOnContext(v -> drills.send(id, new Command.Control(ControlAction.START, "director"))
        .onComplete(answer -> answeredOn.complete(Vertx.currentContext())));

    assertThat(answeredOn.get(10, TimeUnit.SECONDS)).isSameAs(sender);
  }

  @Test
  void aRefusalOnThisNodeIsTheSameAsAcrossTheEventBus() {
    String id = drills.create("major-complaint", 1, false, 7L, DrillNaming.NONE, "director").await().getString("id");
    Command resumeBeforeStart = new Command.Control(ControlAction.RESUME, "director");

    Throwable direct = failureOf(drills.send(id, resumeBeforeStart));
    Throwable acrossTheBus = failureOf(vertx.eventBus().request(DrillVerticle.address(id), resumeBeforeStart,
        CommandCodec.delivery()).recover(failure -> Future.failedFuture(Failures.decode(failure))));

    assertThat(direct).isInstanceOf(CommandRejected.class).hasMessage(acrossTheBus.getMessage())
        .hasMessageContaining("not paused");
    assertThat(direct).extracting("kind", "code").containsExactly(((CommandRejected) acrossTheBus).kind(),
        ((CommandRejected) acrossTheBus).code());
  }

  @Test
  void aDrillThatStoppedAfterItWasFoundIsAskedByTheEventBus() {
    String unknown = "dnotrunninghere";
    local.add(unknown, vertx.getOrCreateContext(), command -> Future.failedFuture(new LocalDrills.Gone()));

    Throwable refused = failureOf(drills.send(unknown, new Command.Control(ControlAction.START, "director")));

    assertThat(refused).as("the bus found no drill, and the manager none in the store")
        .isInstanceOfSatisfying(CommandRejected.class, rejected -> assertThat(rejected.code())
            .isEqualTo(ProblemCodes.DRILL_NOT_FOUND));
  }

  private static Throwable failureOf(Future<?> future) {
    try {
      future.await();
    } catch (RuntimeException failure) {
      return failure;
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }
}
