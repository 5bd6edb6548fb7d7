package io.drillboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import io.drillboard.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event store against a real PostgreSQL: group commit, contiguity, refusal when full, append-only table. */
@ExtendWith(VertxExtension.class)
class EventStoreTest {
  private Pool writer;
  private Pool reader;

  @BeforeEach
  void pools(Vertx vertx) {
    Database database = TestDatabase.get();
    writer = PgBuilder.pool().with(new PoolOptions().setMaxSize(EventWriter.CONNECTIONS))
        .connectingTo(database.connectOptions()).using(vertx).build();
    reader = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(database.connectOptions())
        .using(vertx).build();
  }

  @Test
  void appendsWhileACommitIsInFlightShareTheNextCommit(Vertx vertx, VertxTestContext test) {
    EventStore store = new EventStore(vertx, writer, reader, 100_000, (events, nanos, statement) -> { });
    String drill = newDrill(store);
    vertx.runOnContext(v -> {
      List<Future<Void>> appends = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        appends.add(store.writer().append(drill, List.of(event(i + 1, "c" + i))));
      }
      Future.all(appends).compose(done -> store.reader().allEvents(drill))
          .onComplete(test.succeeding(events -> test.verify(() -> {
        assertThat(events).extracting(Event::seq).containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        // The first append commits alone; the other 49 queued behind it and commit together.
        assertThat(store.writer().commits()).isLessThanOrEqualTo(3);
        assertThat(events.get(7).body()).isEqualTo(new EventBody.External("message",
            new JsonObject().put("n", 8).put("text", "第8条 <b>&'\"").encode()));
        test.completeNow();
      })));
    });
  }

  /** A group of COPY_FROM events or more goes by COPY; it reads back exactly as the same events INSERTed do. */
  @Test
  void aLargeGroupIsCopiedAndReadsBackAsInsertedEventsDo(Vertx vertx, VertxTestContext test) {
    List<CommitObserver.Statement> inserts = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<CommitObserver.Statement> copies = new java.util.concurrent.CopyOnWriteArrayList<>();
    EventStore inserting = new EventStore(vertx, writer, reader, 100_000,
        (events, nanos, statement) -> inserts.add(statement));
    EventStore copying = new EventStore(vertx, writer, reader, 100_000,
        (events, nanos, statement) -> copies.add(statement), TestDatabase.get(), EventWriter.COPY_FROM);
    String inserted = newDrill(inserting);
    String copied = newDrill(copying);
    List<Event> events = new ArrayList<>();
    for (int seq = 1; seq <= EventWriter.COPY_FROM + 7; seq++) {
      events.add(event(seq, seq % 3 == 0 ? null : "客户端-" + seq));
    }
    vertx.runOnContext(v -> inserting.writer().append(inserted, events)
        .compose(ok -> copying.writer().append(copied, events))
        .compose(ok -> Future.all(inserting.reader().allEvents(inserted), copying.reader().allEvents(copied)))
        .onComplete(test.succeeding(read -> test.verify(() -> {
          List<Event> viaInsert = read.resultAt(0);
          List<Event> viaCopy = read.resultAt(1);
          assertThat(viaCopy).hasSize(events.size()).isEqualTo(viaInsert).isEqualTo(events);
          assertThat(inserts).containsExactly(CommitObserver.Statement.INSERT);
          assertThat(copies).containsExactly(CommitObserver.Statement.COPY);
          copying.close();
          test.completeNow();
        }))));
  }

  /**
   * A COPY goes to the server in pieces of a fixed size: rows that straddle two pieces, and a payload larger than a
   * piece, read back whole.
   */
  @Test
  void aCopyLargerThanItsBufferReadsBackWhole(Vertx vertx, VertxTestContext test) {
    EventStore store = copyingStore(vertx);
    String drill = newDrill(store);
    // 1 KiB to 2 KiB each, so that about two hundred rows fill a piece and most pieces end inside a row.
    List<Event> events = numbered(EventWriter.COPY_FROM, seq -> new Event(seq, "c-" + seq, 36_000_000 + seq,
        System.currentTimeMillis(), new EventBody.External("message", new JsonObject().put("n", seq)
            .put("text", seq == 500 ? "x".repeat(600 * 1024) : "舆情".repeat(170 + (int) seq % 171)).encode())));
    vertx.runOnContext(v -> store.writer().append(drill, events)
        .compose(ok -> store.reader().allEvents(drill))
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertThat(stored).isEqualTo(events);
          store.close();
          test.completeNow();
        }))));
  }

  /**
   * COPY is one transaction: a group with one bad row stores none of its events, and its drill must reload. Its lane
   * drops the connection it failed on, and once the drill has reloaded its next COPY is stored whole.
   */
  @Test
  void aCopyThatFailsStoresNothingOfItsGroup(Vertx vertx, VertxTestContext test) {
    EventStore store = copyingStore(vertx);
    String drill = newDrill(store);
    List<Event> events = numbered(EventWriter.COPY_FROM,
        seq -> event(seq, seq == 10 || seq == 400 ? "same-client-id" : null));
    List<Event> reloaded = numbered(EventWriter.COPY_FROM, seq -> event(seq, null));
    vertx.runOnContext(v -> store.writer().append(drill, events)
        .onComplete(test.failing(cause -> store.reader().allEvents(drill)
            .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertThat(cause).isInstanceOf(StoreUnavailableException.class)
              .hasMessageContaining("events_client_id").hasMessageContaining("COPY events");
          assertThat(stored).isEmpty();
          store.writer().expectNext(drill, 1);
          store.writer().append(drill, reloaded).compose(ok -> store.reader().allEvents(drill))
              .onComplete(test.succeeding(again -> test.verify(() -> {
                assertThat(again).extracting(Event::seq).containsExactlyElementsOf(
                    reloaded.stream().map(Event::seq).toList());
                store.close();
                test.completeNow();
              })));
        }))))));
  }

  @Test
  void aGapIsRefusedAndNothingOfItIsStored(Vertx vertx, VertxTestContext test) {
    EventStore store = new EventStore(vertx, writer, reader, 100_000, (events, nanos, statement) -> { });
    String drill = newDrill(store);
    vertx.runOnContext(v -> store.writer().append(drill, List.of(event(1, null)))
        .compose(ok -> store.writer().append(drill, List.of(event(3, null))))
        .onComplete(test.failing(cause -> store.reader().allEvents(drill)
            .onComplete(test.succeeding(events -> test.verify(() -> {
          assertThat(cause).isInstanceOf(StoreUnavailableException.class);
          assertThat(events).extracting(Event::seq).containsExactly(1L);
          test.completeNow();
        }))))));
  }

  @Test
  void aFullQueueRefusesAtOnce(Vertx vertx, VertxTestContext test) {
    EventStore store = new EventStore(vertx, writer, reader, 10, (events, nanos, statement) -> { });
    String drill = newDrill(store);
    vertx.runOnContext(v -> {
      List<Event> first = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        first.add(event(i, null));
      }
      Future<Void> accepted = store.writer().append(drill, first);
      Future<Void> refused = store.writer().append(drill, List.of(event(9, null), event(10, null), event(11, null)));
      test.verify(() -> {
        assertThat(refused.failed()).isTrue();
        assertThat(refused.cause()).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("queue is full");
      });
      accepted.onComplete(test.succeedingThenComplete());
    });
  }

  @Test
  void storedEventsCannotBeChangedOrDeleted(Vertx vertx, VertxTestContext test) {
    EventStore store = new EventStore(vertx, writer, reader, 100, (events, nanos, statement) -> { });
    String drill = newDrill(store);
    store.writer().append(drill, List.of(event(1, null)))
        .compose(v -> reader.query("DELETE FROM events WHERE drill_id = '" + drill + "'").execute())
        .onComplete(test.failing(cause -> test.verify(() -> {
          assertThat(cause.getMessage()).contains("append-only");
          test.completeNow();
        })));
  }

  @Test
  void aFoldReadsEveryEventOnceInSeqOrderAcrossPages(Vertx vertx, VertxTestContext test) {
    EventStore store = new EventStore(vertx, writer, reader, 100_000, (events, nanos, statement) -> { });
    // One drill ends exactly on a page boundary, the other inside a page.
    String whole = newDrill(store);
    String partial = newDrill(store);
    vertx.runOnContext(v -> store.writer().append(whole, events(20_000))
        .compose(ok -> store.writer().append(partial, events(23_457)))
        .compose(ok -> Future.all(lastInOrder(store, whole), lastInOrder(store, partial), lastInOrder(store, "tnosuchdrill")))
        .onComplete(test.succeeding(folds -> test.verify(() -> {
          assertThat(folds.<Long>resultAt(0)).isEqualTo(20_000L);
          assertThat(folds.<Long>resultAt(1)).isEqualTo(23_457L);
          assertThat(folds.<Long>resultAt(2)).isNull();
          test.completeNow();
        }))));
  }

  @Test
  void readsFailAsUnavailableOnTheirOwnPoolWhileWritesGoOn(Vertx vertx, VertxTestContext test) {
    Pool closed = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(TestDatabase.get().connectOptions()).using(vertx).build();
    EventStore store = new EventStore(vertx, writer, closed, 100, (events, nanos, statement) -> { });
    String drill = newDrill(store);
    closed.close().compose(v -> store.writer().append(drill, List.of(event(1, null))))
        .compose(v -> Future.all(failureOf(store.reader().fold(drill, Event::seq, (last, event) -> event.seq())),
            failureOf(store.reader().events(drill, 0, 10)), failureOf(store.reader().allEvents(drill))))
        .onComplete(test.succeeding(failures -> test.verify(() -> {
          for (int i = 0; i < failures.size(); i++) {
            assertThat(failures.<Throwable>resultAt(i)).isInstanceOfSatisfying(StoreUnavailableException.class,
                cause -> {
                  assertThat(cause).hasMessageStartingWith("the event store is unavailable: ");
                  assertThat(cause.getCause()).isNotInstanceOf(StoreUnavailableException.class);
                  assertThat(cause.retryAfterSeconds()).isEqualTo(2);
                });
          }
          assertThat(store.writer().commits()).isEqualTo(1);
          test.completeNow();
        })));
  }

  /** The cause a future failed with, or null if it succeeded. */
  private static Future<Throwable> failureOf(Future<?> future) {
    return future.transform(result -> Future.succeededFuture(result.cause()));
  }

  /** The last seq folded, if the fold saw 1, 2, 3, ... each once; -1 as soon as one came out of order. */
  private static Future<Long> lastInOrder(EventStore store, String drill) {
    return store.reader().fold(drill, first -> first.seq() == 1 ? 1L : -1L,
        (last, event) -> last >= 0 && event.seq() == last + 1 ? event.seq() : -1L);
  }

  private static List<Event> events(int count) {
    List<Event> events = new ArrayList<>(count);
    for (int seq = 1; seq <= count; seq++) {
      events.add(event(seq, null));
    }
    return events;
  }

  /** A fresh drill id that the store expects to start at seq 1. */
  private static String newDrill(EventStore store) {
    String drill = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    store.writer().expectNext(drill, 1);
    return drill;
  }

  /** A store that writes a group of COPY_FROM events or more with COPY. */
  private EventStore copyingStore(Vertx vertx) {
    return new EventStore(vertx, writer, reader, 100_000, (events, nanos, statement) -> { }, TestDatabase.get(),
        EventWriter.COPY_FROM);
  }

  /** Events with seqs 1 to count. */
  private static List<Event> numbered(int count, LongFunction<Event> event) {
    return LongStream.rangeClosed(1, count).mapToObj(event).toList();
  }

  private static Event event(long seq, String clientId) {
    return new Event(seq, clientId, 36_000_000 + seq, System.currentTimeMillis(), new EventBody.External("message",
        new JsonObject().put("n", seq).put("text", "第" + seq + "条 <b>&'\"").encode()));
  }
}
