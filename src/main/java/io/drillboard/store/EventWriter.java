package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends events to the log by group commit, and the one place the log's INSERT lives.
 *
 * <p>Whatever the drills hand over while one INSERT is in flight goes into the next one, a single statement over
 * arrays, so a busy server commits thousands of events per round trip. An append completes only once its events are
 * durable. A drill's events must arrive with contiguous seqs; after a failed commit its later appends are refused
 * until the drill has reloaded, so a failure can never leave a gap. A large group goes by COPY instead of INSERT
 * ({@link EventCopy}), still one commit at a time.
 */
public final class EventWriter {
  public static final int MAX_EVENTS_PER_COMMIT = 20_000;
  /** From this many events a group is written with COPY: measured in bench/RESULTS.md (issue 18). */
  public static final int COPY_FROM = 1_000;

  private static final String INSERT = """
      INSERT INTO events (drill_id, seq, client_id, type, sim_time, wall_time, payload)
      SELECT d, s, c, t, st, to_timestamp(w / 1000.0), p::json
      FROM unnest($1::text[], $2::int8[], $3::text[], $4::text[], $5::int8[], $6::int8[], $7::text[])
        AS u(d, s, c, t, st, w, p)""";

  private final Pool writer;
  private final int maxPendingEvents;
  private final ConcurrentLinkedQueue<PendingAppend> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingEvents = new AtomicInteger();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private final Map<String, Long> nextSeq = new ConcurrentHashMap<>();
  private final AtomicLong commits = new AtomicLong();
  private final CommitObserver observer;
  private final Optional<EventCopy> copy;

  /**
   * {@code writer} should hold one connection: commits are strictly one after another, whether by INSERT or, for a
   * group as large as {@code copy} takes, by COPY.
   */
  EventWriter(Pool writer, int maxPendingEvents, CommitObserver observer, Optional<EventCopy> copy) {
    this.writer = writer;
    this.maxPendingEvents = maxPendingEvents;
    this.observer = observer;
    this.copy = copy;
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
    int storedRows = 0;
    for (PendingAppend append : batch) {
      Long expected = committedNext.getOrDefault(append.drillId, nextSeq.get(append.drillId));
      long first = append.events.get(0).seq();
      if (expected != null && first != expected) {
        append.fail(new StoreUnavailableException("drill " + append.drillId + " must reload: seq " + first
            + " does not follow the last commit", 1, null));
      } else {
        contiguous.add(append);
        storedRows += append.events.size();
        committedNext.put(append.drillId, append.events.get(append.events.size() - 1).seq() + 1);
      }
    }
    int flushedRows = rows;
    int committedRows = storedRows;
    long started = System.nanoTime();
    CommitObserver.Statement statement = copy.filter(c -> c.takes(committedRows)).isPresent()
        ? CommitObserver.Statement.COPY : CommitObserver.Statement.INSERT;
    store(contiguous, committedRows, statement).onComplete(result -> {
      pendingEvents.addAndGet(-flushedRows);
      if (result.succeeded()) {
        commits.incrementAndGet();
        observer.committed(committedRows, System.nanoTime() - started, statement);
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

  private Future<Void> store(List<PendingAppend> appends, int size, CommitObserver.Statement statement) {
    if (size == 0) {
      return Future.succeededFuture();
    }
    if (statement == CommitObserver.Statement.COPY) {
      return copy.orElseThrow().copy(appends.stream().map(a -> new EventCopy.Rows(a.drillId, a.events)).toList());
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
