package io.drillboard.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drillboard.drill.Command;
import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.CommandRejected;
import io.drillboard.drill.DrillEngine;
import io.drillboard.drill.DrillState;
import io.drillboard.runtime.DrillVerticle;
import io.drillboard.drill.Event;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.store.Database;
import io.drillboard.store.EventStore;
import io.drillboard.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node's views of drills it does not run: no drill verticle anywhere here, only the store and the frames on the
 * bus, as on a node that does not own the drill. The clock is driven.
 */
class DrillViewsTest {
  private static final long WALL = 1_764_300_000_000L;
  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong wall = new AtomicLong(WALL);
  private EventStore store;
  private DrillViews views;
  private DrillEngine engine;
  private DeltaWriter writer;
  private final List<Event> stored = new ArrayList<>();

  @BeforeEach
  void storeADrillThatNoVerticleRuns() {
    Database database = TestDatabase.get();
    store = new EventStore(vertx,
        PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(database.connectOptions()).using(vertx)
            .build(),
        PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(database.connectOptions()).using(vertx)
            .build(),
        10_000, (events, nanos, statement) -> { });
    views = new DrillViews(vertx, store.reader(), wall::get, 60_000);
    String id = "dview" + Long.toString(System.nanoTime() % 10_000_000L, 36);
    engine = DrillEngine.create((id + "0000000").substring(0, 12), DefaultScenario.load(), 600, true, 5, "director",
        WALL);
    store.writer().expectNext(engine.drillId(), 1);
    engine.handle(new Command.Control(ControlAction.START, "director"), WALL);
    store(runFor(30_000));
    writer = new DeltaWriter();
    writer.delta(engine.state(), stored, wall.get());
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aReadFoldsTheStoreOnceThenFollowsTheFramesOfTheNodeThatRunsTheDrill() {
    JsonObject first = views.current(engine.drillId()).await();
    assertThat(first).isEqualTo(DrillView.snapshot(engine.state(), wall.get()));

    List<Event> more = runFor(20_000);
    store(more);
    publish(more);
    long seq = engine.state().seq();
    assertThat(views.atLeast(engine.drillId(), seq).await()).as("the frame applied")
        .isEqualTo(DrillView.snapshot(engine.state(), wall.get()));
    assertThat(store.reader().allEvents(engine.drillId()).await()).as("reads write nothing").hasSize((int) seq);
  }

  @Test
  void aFrameAfterAGapMakesTheViewFoldTheStoreAgain() {
    views.current(engine.drillId()).await();
    List<Event> lost = runFor(20_000);
    store(lost);
    writer.delta(engine.state(), lost, wall.get());
    List<Event> next = runFor(20_000);
    store(next);
    publish(next);
    assertThat(views.atLeast(engine.drillId(), engine.state().seq()).await())
        .isEqualTo(DrillView.snapshot(engine.state(), wall.get()));
  }

  @Test
  void theClockIsReadAtTheMomentOfTheRead() {
    JsonObject first = views.current(engine.drillId()).await();
    wall.addAndGet(1_000);
    JsonObject later = views.current(engine.drillId()).await();
    assertThat(later.getLong("seq")).isEqualTo(first.getLong("seq"));
    assertThat(later.getLong("simTime")).as("speed 600: a wall second is ten sim minutes")
        .isEqualTo(first.getLong("simTime") + 600_000);
    assertThat(later.getJsonObject("clock").getLong("wallNow")).isEqualTo(WALL + 30_000 + 1_000);
  }

  @Test
  void aDrillThatIsNotThereIsNotFound() {
    assertThatThrownBy(() -> views.current("dnothinghere").await()).isInstanceOfSatisfying(CommandRejected.class,
        rejected -> assertThat(rejected.kind()).isEqualTo(CommandRejected.Kind.NOT_FOUND));
  }

  /**
   * Reads made on event loops, as the HTTP layer makes them, for a drill that is not there: each is answered (not
   * found), also while the view that found nothing is let go. A view once let go from within its own creation
   * (a fold that failed at once) left its reader waiting for the request timeout.
   */
  @Test
  void everyReadOfADrillThatIsNotThereMadeOnAnEventLoopIsAnswered() throws Exception {
    List<java.util.concurrent.CompletableFuture<JsonObject>> reads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      java.util.concurrent.CompletableFuture<JsonObject> read = new java.util.concurrent.CompletableFuture<>();
      reads.add(read);
      vertx.getOrCreateContext().runOnContext(v -> views.current("dnothinghere")
          .onComplete(result -> read.completeExceptionally(result.failed() ? result.cause()
              : new AssertionError("found: " + result.result()))));
    }
    for (java.util.concurrent.CompletableFuture<JsonObject> read : reads) {
      assertThatThrownBy(() -> read.get(10, java.util.concurrent.TimeUnit.SECONDS))
          .hasCauseInstanceOf(CommandRejected.class);
    }
  }

  /** The drill's clock runs on for {@code millis} of wall time, a frame's worth at a time; its events, in order. */
  private List<Event> runFor(long millis) {
    List<Event> events = new ArrayList<>();
    for (long step = 0; step < millis; step += 100) {
      engine.advance(wall.addAndGet(100));
      events.addAll(engine.drain());
    }
    return events;
  }

  private void store(List<Event> events) {
    store.writer().append(engine.drillId(), events).await();
    stored.addAll(events);
  }

  /** What the drill's node publishes once those events are stored. */
  private void publish(List<Event> events) {
    vertx.eventBus().publish(DrillVerticle.framesAddress(engine.drillId()), writer.delta(engine.state(), events,
        wall.get()), new DeliveryOptions().addHeader(DrillVerticle.FROM_SEQ, String.valueOf(events.get(0).seq()))
        .addHeader(DrillVerticle.TO_SEQ, String.valueOf(events.get(events.size() - 1).seq())));
  }
}
