package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The append-only event log in PostgreSQL, and the one place its SQL lives.
 *
 * <p>Appends use group commit: whatever the drills hand over while one INSERT is in flight goes into the next one,
 * a single statement over arrays, so a busy server commits thousands of events per round trip. A drill's events must
 * arrive with contiguous seqs; after a failed commit its later appends are refused until the drill has reloaded, so
 * a failure can never leave a gap.
 */
public final class EventStore {
  public static final int MAX_EVENTS_PER_COMMIT = 20_000;
  private static final int PAGE = 10_000;

  private static final String INSERT = """
      INSERT INTO events (drill_id, seq, client_id, type, sim_time, wall_time, payload)
      SELECT d, s, c, t, st, to_timestamp(w / 1000.0), p::json
      FROM unnest($1::text[], $2::int8[], $3::text[], $4::text[], $5::int8[], $6::int8[], $7::text[])
        AS u(d, s, c, t, st, w, p)""";
  // date_part is double precision, far cheaper per row than extract's numeric; the times are whole milliseconds.
  private static final String COLUMNS = """
      SELECT seq, client_id, type, sim_time, round(date_part('epoch', wall_time) * 1000)::int8, payload::text
      FROM events""";
  private static final String SELECT_PAGE = COLUMNS + " WHERE drill_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";
  private static final String SELECT_RANGE = COLUMNS + " WHERE drill_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq";
  /** Pages a fold asks for ahead of the one it is folding, so reading and folding overlap. */
  private static final int READ_AHEAD = 3;
  private static final String SELECT_LIFECYCLE = """
      SELECT drill_id, seq, type, sim_time, round(extract(epoch FROM wall_time) * 1000)::int8 AS wall,
             payload->>'scenarioId' AS scenario_id, payload->>'speed' AS speed, payload->>'autopilot' AS autopilot,
             payload->>'name' AS name, payload->>'place' AS place
      FROM events WHERE type LIKE 'drill.%' ORDER BY drill_id, seq""";
  private static final String SELECT_UNFINISHED = """
      SELECT drill_id FROM events WHERE type LIKE 'drill.%' GROUP BY drill_id
      HAVING bool_and(type <> 'drill.ended') ORDER BY min(wall_time)""";
  private static final String SELECT_EXISTS = "SELECT 1 FROM events WHERE drill_id = $1 AND seq = 1";

  private final Pool writer;
  private final Pool reader;
  private final int maxPendingEvents;
  private final ConcurrentLinkedQueue<PendingAppend> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingEvents = new AtomicInteger();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private final Map<String, Long> nextSeq = new ConcurrentHashMap<>();
  private final AtomicLong commits = new AtomicLong();
  private final CommitObserver observer;

  /** {@code writer} should hold one connection: commits are strictly one after another. */
  public EventStore(Pool writer, Pool reader, int maxPendingEvents, CommitObserver observer) {
    this.writer = writer;
    this.reader = reader;
    this.maxPendingEvents = maxPendingEvents;
    this.observer = observer;
  }

  /** Events waiting for their commit: the ingest queue's depth. */
  public int pendingEvents() {
    return pendingEvents.get();
  }

  /** How many INSERTs have committed events: far fewer than the events themselves under load. */
  public long commits() {
    return commits.get();
  }

  /** Whether {@code events} more would fit in the ingest queue now (a lone batch always fits an empty queue). */
  public boolean hasRoomFor(int events) {
    int depth = pendingEvents.get();
    return depth == 0 || depth + events <= maxPendingEvents;
  }

  /** Declares the seq the drill's next append must start with, after creating or (re)loading it. */
  public void expectNext(String drillId, long seq) {
    nextSeq.put(drillId, seq);
  }

  /**
   * Stores a drill's events, in one transaction with whatever else is waiting. The future completes, on the caller's
   * context, only once they are durable; it fails at once with {@link StoreUnavailableException} when the queue is
   * full.
   */
  public Future<Void> append(String drillId, List<Event> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    Context context = Vertx.currentContext();
    Promise<Void> promise = Promise.promise();
    int depth = pendingEvents.addAndGet(events.size());
    // A full queue refuses at once; a lone batch larger than the bound still goes through.
    if (depth > maxPendingEvents && depth != events.size()) {
      pendingEvents.addAndGet(-events.size());
      return Future.failedFuture(new StoreUnavailableException("the ingest queue is full", 1, null));
    }
    queue.add(new PendingAppend(drillId, events, context, promise));
    if (flushing.compareAndSet(false, true)) {
      flush();
    }
    return promise.future();
  }

  private void flush() {
    List<PendingAppend> batch = new ArrayList<>();
    int rows = 0;
    for (PendingAppend next = queue.peek(); next != null; next = queue.peek()) {
      if (rows > 0 && rows + next.events.size() > MAX_EVENTS_PER_COMMIT) {
        break;
      }
      queue.poll();
      batch.add(next);
      rows += next.events.size();
    }
    if (batch.isEmpty()) {
      flushing.set(false);
      if (!queue.isEmpty() && flushing.compareAndSet(false, true)) {
        flush();
      }
      return;
    }
    Map<String, Long> committedNext = new HashMap<>();
    List<PendingAppend> contiguous = new ArrayList<>(batch.size());
    for (PendingAppend append : batch) {
      Long expected = committedNext.getOrDefault(append.drillId, nextSeq.get(append.drillId));
      long first = append.events.get(0).seq();
      if (expected != null && first != expected) {
        append.fail(new StoreUnavailableException("drill " + append.drillId + " must reload: seq " + first
            + " does not follow the last commit", 1, null));
      } else {
        contiguous.add(append);
        committedNext.put(append.drillId, append.events.get(append.events.size() - 1).seq() + 1);
      }
    }
    int flushedRows = rows;
    long started = System.nanoTime();
    insert(contiguous).onComplete(result -> {
      pendingEvents.addAndGet(-flushedRows);
      if (result.succeeded()) {
        commits.incrementAndGet();
        observer.committed(flushedRows, System.nanoTime() - started);
        nextSeq.putAll(committedNext);
        contiguous.forEach(PendingAppend::succeed);
      } else {
        StoreUnavailableException failure = new StoreUnavailableException("the event store could not commit: "
            + result.cause().getMessage(), 2, result.cause());
        contiguous.forEach(append -> append.fail(failure));
      }
      flush();
    });
  }

  private Future<Void> insert(List<PendingAppend> appends) {
    int size = appends.stream().mapToInt(a -> a.events.size()).sum();
    if (size == 0) {
      return Future.succeededFuture();
    }
    String[] drills = new String[size];
    Long[] seqs = new Long[size];
    String[] clientIds = new String[size];
    String[] types = new String[size];
    Long[] simTimes = new Long[size];
    Long[] wallTimes = new Long[size];
    String[] payloads = new String[size];
    int i = 0;
    for (PendingAppend append : appends) {
      for (Event event : append.events) {
        drills[i] = append.drillId;
        seqs[i] = event.seq();
        clientIds[i] = event.clientId();
        types[i] = event.type();
        simTimes[i] = event.simTime();
        wallTimes[i] = event.wallTime();
        payloads[i] = EventJson.text(event.body());
        i++;
      }
    }
    return writer.preparedQuery(INSERT)
        .execute(Tuple.wrap(new Object[] {drills, seqs, clientIds, types, simTimes, wallTimes, payloads}))
        .mapEmpty();
  }

  /** Up to {@code limit} events of a drill after {@code afterSeq}, in seq order. */
  public Future<List<Event>> events(String drillId, long afterSeq, int limit) {
    return reader.preparedQuery(SELECT_PAGE).execute(Tuple.of(drillId, afterSeq, limit)).map(EventStore::toEvents)
        .recover(EventStore::unavailable);
  }

  /** Every event of a drill, read page by page. */
  public Future<List<Event>> allEvents(String drillId) {
    return collect(drillId, 0, new ArrayList<>());
  }

  private Future<List<Event>> collect(String drillId, long afterSeq, List<Event> into) {
    return events(drillId, afterSeq, PAGE).compose(page -> {
      into.addAll(page);
      return page.size() < PAGE ? Future.succeededFuture(into)
          : collect(drillId, page.get(page.size() - 1).seq(), into);
    });
  }

  /**
   * Folds a drill's events in seq order without holding them all: {@code first} makes a state of the first event and
   * {@code next} applies each later one. Pages are read a few at a time ahead of the fold, by seq range, since a
   * drill's seqs are contiguous. Completes with null when the drill has no events.
   */
  public <S> Future<S> fold(String drillId, Function<Event, S> first, BiFunction<S, Event, S> next) {
    return new PagedFold<>(drillId, first, next).run();
  }

  private final class PagedFold<S> {
    private final String drillId;
    private final Function<Event, S> first;
    private final BiFunction<S, Event, S> next;
    private final Deque<Future<List<Event>>> pages = new ArrayDeque<>();
    private final Promise<S> result = Promise.promise();
    private long requestedUpTo;
    private S state;

    PagedFold(String drillId, Function<Event, S> first, BiFunction<S, Event, S> next) {
      this.drillId = drillId;
      this.first = first;
      this.next = next;
    }

    Future<S> run() {
      for (int i = 0; i < READ_AHEAD; i++) {
        requestPage();
      }
      foldHead();
      return result.future();
    }

    private void requestPage() {
      long after = requestedUpTo;
      requestedUpTo += PAGE;
      pages.add(reader.preparedQuery(SELECT_RANGE).execute(Tuple.of(drillId, after, requestedUpTo))
          .map(EventStore::toEvents));
    }

    private void foldHead() {
      pages.poll().onSuccess(page -> {
        for (Event event : page) {
          state = state == null ? first.apply(event) : next.apply(state, event);
        }
        if (page.size() < PAGE) {
          result.complete(state);
        } else {
          requestPage();
          foldHead();
        }
      }).onFailure(cause -> result.fail(new StoreUnavailableException("the event store is unavailable: "
          + cause.getMessage(), 2, cause)));
    }
  }

  public Future<Boolean> exists(String drillId) {
    return reader.preparedQuery(SELECT_EXISTS).execute(Tuple.of(drillId)).map(rows -> rows.size() > 0)
        .recover(EventStore::unavailable);
  }

  /** Every drill's lifecycle (created, started, paused, resumed, speed changed, ended), oldest drill first. */
  public Future<List<DrillLifecycle>> lifecycles() {
    return reader.query(SELECT_LIFECYCLE).execute().map(DrillLifecycle::fromRows).recover(EventStore::unavailable);
  }

  /** The ids of the drills that have not ended, oldest first. */
  public Future<List<String>> unfinishedDrills() {
    return reader.query(SELECT_UNFINISHED).execute().map(rows -> {
      List<String> ids = new ArrayList<>(rows.size());
      rows.forEach(row -> ids.add(row.getString(0)));
      return ids;
    }).recover(EventStore::unavailable);
  }

  /** Checks the database answers; for /health. */
  public Future<Void> ping() {
    return reader.query("SELECT 1").execute().mapEmpty();
  }

  private static <T> Future<T> unavailable(Throwable cause) {
    return Future.failedFuture(new StoreUnavailableException("the event store is unavailable: " + cause.getMessage(),
        2, cause));
  }

  private static List<Event> toEvents(RowSet<Row> rows) {
    List<Event> events = new ArrayList<>(rows.size());
    for (Row row : rows) {
      // By position, in the order of COLUMNS: a lookup by name costs more than the rest of the row.
      events.add(new Event(row.getLong(0), row.getString(1), row.getLong(3), row.getLong(4),
          EventJson.fromStored(row.getString(2), row.getString(5))));
    }
    return events;
  }

  private record PendingAppend(String drillId, List<Event> events, Context context, Promise<Void> promise) {
    void succeed() {
      onContext(promise::complete);
    }

    void fail(Throwable cause) {
      onContext(() -> promise.fail(cause));
    }

    private void onContext(Runnable action) {
      if (context == null) {
        action.run();
      } else {
        context.runOnContext(v -> action.run());
      }
    }
  }
}
