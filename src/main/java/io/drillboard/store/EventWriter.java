package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends events to the log by group commit, and the one place the log's INSERT lives.
 *
 * <p>Whatever the drills hand over while a group is being inserted goes into the next group, a single statement over
 * arrays, so a busy server commits thousands of events per round trip. Groups are pipelined: while one group waits
 * for its COMMIT, the next is already inserted in a transaction of its own on another connection. The commits
 * themselves still happen strictly one after another, in the order the groups were formed, and a group commits only
 * if, for each drill in it, its first seq follows that drill's last committed event. So a failed commit can never be
 * followed by a later one that leaves a gap: the later group rolls back instead (docs/architecture.md, "Pipelined
 * group commit"). An append completes only once its events are durable. A large group goes by COPY instead of
 * INSERT ({@link EventCopy}), in a transaction of its own that commits in its turn like any other; unlike INSERTs,
 * several COPYs are written at once, each on a backend of its own.
 */
public final class EventWriter {
  public static final int MAX_EVENTS_PER_COMMIT = 20_000;
  /** From this many events a group is written with COPY: measured in bench/RESULTS.md (issue 18). */
  public static final int COPY_FROM = 1_000;
  /**
   * The writer pool's size, and the number of COPY lanes. For INSERT: one group inserting, one waiting for the commit
   * before its own, one committing; for COPY, up to three groups copying or waiting at once. With fewer the groups
   * still commit in order, only less overlapped.
   */
  public static final int CONNECTIONS = 3;
  /** How long the last group is in flight before the next may start behind it: a slow disk or a distant database. */
  static final long PIPELINE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private static final String INSERT = """
      INSERT INTO events (drill_id, seq, client_id, type, sim_time, wall_time, payload)
      SELECT d, s, c, t, st, to_timestamp(w / 1000.0), p::json
      FROM unnest($1::text[], $2::int8[], $3::text[], $4::text[], $5::int8[], $6::int8[], $7::text[])
        AS u(d, s, c, t, st, w, p)""";

  private final Vertx vertx;
  private final Pool writer;
  private final int maxPendingEvents;
  private final ConcurrentLinkedQueue<PendingAppend> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingEvents = new AtomicInteger();
  /**
   * Set while a group is formed and, for INSERT, inserted: the next group fills meanwhile and is formed after it. A
   * COPY group clears it once formed, so that the next group can copy beside it.
   */
  private final AtomicBoolean forming = new AtomicBoolean();
  /** Set while a timer waits to form the next group once the last one has been in flight long enough. */
  private final AtomicBoolean formLater = new AtomicBoolean();
  /** Events queued and not yet taken into a group. */
  private final AtomicInteger queuedEvents = new AtomicInteger();
  /** The size of the last group formed, and when it was formed ({@link System#nanoTime()}). */
  private volatile int lastGroupRows;
  private volatile long lastGroupFormedAt;
  /** The seq each drill's next append must start with, counting the groups still in flight. */
  private final Map<String, Long> flushedNext = new ConcurrentHashMap<>();
  /** The seq after each drill's last committed event: what a group is checked against when its turn to commit comes. */
  private final Map<String, Long> committedNext = new ConcurrentHashMap<>();
  /** Completes once the last group formed has committed or given up; the next group commits only after that. */
  private volatile Future<Void> lastResolved = Future.succeededFuture();
  private final AtomicLong commits = new AtomicLong();
  private final CommitObserver observer;
  private final Optional<EventCopy> copy;

  /** {@code writer} should hold {@link #CONNECTIONS} connections; large groups go by {@code copy} if given. */
  EventWriter(Vertx vertx, Pool writer, int maxPendingEvents, CommitObserver observer, Optional<EventCopy> copy) {
    this.vertx = vertx;
    this.writer = writer;
    this.maxPendingEvents = maxPendingEvents;
    this.observer = observer;
    this.copy = copy;
  }

  /** Events waiting for their commit: the ingest queue's depth. */
  public int pendingEvents() {
    return pendingEvents.get();
  }

  /** How many groups have committed events: far fewer than the events themselves under load. */
  public long commits() {
    return commits.get();
  }

  /** Whether {@code events} more would fit in the ingest queue now (a lone batch always fits an empty queue). */
  public boolean hasRoomFor(int events) {
    int depth = pendingEvents.get();
    return depth == 0 || depth + events <= maxPendingEvents;
  }

  /** Declares the seq the drill's next append must start with, after creating or (re)loading it from the log. */
  public void expectNext(String drillId, long seq) {
    committedNext.put(drillId, seq);
    flushedNext.put(drillId, seq);
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
    queuedEvents.addAndGet(events.size());
    queue.add(new PendingAppend(drillId, events, context, promise));
    formNextGroup();
    return promise.future();
  }

  /**
   * Forms and inserts the next group, unless one is being formed (its insert's end forms the next). While an earlier
   * group has yet to commit, the next starts early only once the last group has been in flight for
   * {@link #PIPELINE_AFTER_NANOS} and the queue holds as many events as it did; otherwise it is formed when the commit
   * ends, when a later append fills the queue, or when a timer finds the last group in flight long enough. Each group
   * costs the database a transaction of its own: where a commit returns within a millisecond, the CPU limits ingest,
   * not the wait, and smaller overlapping groups measured slower (bench/RESULTS.md).
   */
  private void formNextGroup() {
    while (!queue.isEmpty() && forming.compareAndSet(false, true)) {
      long inFlight = System.nanoTime() - lastGroupFormedAt;
      boolean filled = queuedEvents.get() >= lastGroupRows;
      if (!lastResolved.isComplete() && (!filled || inFlight < PIPELINE_AFTER_NANOS)) {
        forming.set(false);
        if (lastResolved.isComplete()) {
          continue; // the commit ended meanwhile, and its own call found the flag set
        }
        if (filled) {
          formWhenInFlightFor(PIPELINE_AFTER_NANOS - inFlight);
        }
        return;
      }
      Group group = admit(take());
      if (group.rows() == 0) {
        forming.set(false);
        continue;
      }
      Future<Void> previous = lastResolved;
      boolean behindAnother = !previous.isComplete();
      Promise<Void> resolved = Promise.promise();
      lastResolved = resolved.future();
      long started = System.nanoTime();
      // COPYs are written side by side, each on a lane of its own; INSERTs one after another.
      boolean sideBySide = group.statement() == CommitObserver.Statement.COPY;
      Future<OpenTransaction> staging = stage(group, behindAnother);
      if (sideBySide) {
        forming.set(false);
      }
      staging.onComplete(staged -> {
        if (!sideBySide) {
          forming.set(false);
        }
        formNextGroup();
        previous.onComplete(turn -> commit(group, staged).onComplete(result -> {
          finish(group, result, System.nanoTime() - started);
          resolved.complete();
          formNextGroup();
        }));
      });
      return;
    }
  }

  /**
   * Forms the next group once {@code nanos} have passed, unless a timer is set already: no append may come to form it,
   * and the commit ahead may be slow.
   */
  private void formWhenInFlightFor(long nanos) {
    if (formLater.compareAndSet(false, true)) {
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)), timer -> {
        formLater.set(false);
        formNextGroup();
      });
    }
  }

  /** The queue's head, up to a commit's worth of events (a lone larger append whole). */
  private List<PendingAppend> take() {
    List<PendingAppend> taken = new ArrayList<>();
    int rows = 0;
    for (PendingAppend next = queue.peek(); next != null; next = queue.peek()) {
      if (rows > 0 && rows + next.events.size() > MAX_EVENTS_PER_COMMIT) {
        break;
      }
      queue.poll();
      taken.add(next);
      rows += next.events.size();
    }
    queuedEvents.addAndGet(-rows);
    lastGroupRows = rows;
    lastGroupFormedAt = System.nanoTime();
    return taken;
  }

  /** Refuses at once each append that does not follow its drill's last append; the rest make the group. */
  private Group admit(List<PendingAppend> taken) {
    Map<String, Long> firstSeq = new HashMap<>();
    Map<String, Long> nextSeq = new HashMap<>();
    List<PendingAppend> contiguous = new ArrayList<>(taken.size());
    int rows = 0;
    for (PendingAppend append : taken) {
      Long expected = nextSeq.getOrDefault(append.drillId, flushedNext.get(append.drillId));
      long first = append.events.get(0).seq();
      if (expected != null && first != expected) {
        pendingEvents.addAndGet(-append.events.size());
        append.fail(new StoreUnavailableException("drill " + append.drillId + " must reload: seq " + first
            + " does not follow its last append", 1, null));
      } else {
        contiguous.add(append);
        rows += append.events.size();
        firstSeq.putIfAbsent(append.drillId, first);
        nextSeq.put(append.drillId, append.events.get(append.events.size() - 1).seq() + 1);
      }
    }
    flushedNext.putAll(nextSeq);
    int stored = rows;
    CommitObserver.Statement statement = copy.filter(c -> c.takes(stored)).isPresent()
        ? CommitObserver.Statement.COPY : CommitObserver.Statement.INSERT;
    return new Group(contiguous, rows, firstSeq, nextSeq, statement);
  }

  /**
   * The group's first stage: its rows written in a transaction left open, which overlaps the earlier commits. A COPY
   * group always has one; an INSERT group only when it is formed behind a group yet to commit. An INSERT group with
   * none ahead of it writes and commits in one step when its turn comes, in autocommit (one round trip, not three).
   */
  private Future<OpenTransaction> stage(Group group, boolean behindAnother) {
    if (group.statement() == CommitObserver.Statement.COPY) {
      return copy.orElseThrow().stage(group.appends().stream().map(a -> new EventCopy.Rows(a.drillId, a.events))
          .toList());
    }
    if (!behindAnother) {
      return Future.succeededFuture();
    }
    return writer.getConnection().compose(connection -> connection.begin()
        .compose(transaction -> connection.preparedQuery(INSERT).execute(arrays(group))
            .<OpenTransaction>map(rows -> new OpenInsert(connection, transaction)))
        .onFailure(failure -> connection.close()));
  }

  /**
   * The group's commit, once every earlier group has committed or given up. It commits only if each of its drills
   * starts right after that drill's last committed event; otherwise an earlier group failed and this one would leave
   * a gap, so it rolls back (or, not yet written, is not written).
   */
  private Future<Void> commit(Group group, AsyncResult<OpenTransaction> staged) {
    if (staged.failed()) {
      return Future.failedFuture(staged.cause());
    }
    Optional<String> broken = group.firstSeq().entrySet().stream()
        .filter(first -> committedNext.containsKey(first.getKey())
            && committedNext.get(first.getKey()).longValue() != first.getValue())
        .map(Map.Entry::getKey).findFirst();
    OpenTransaction open = staged.result();
    if (open == null) {
      return broken.isPresent() ? Future.failedFuture(afterFailure(broken.get())) : insertAndCommit(group);
    }
    return broken.isPresent()
        ? open.rollback().transform(rolledBack -> Future.failedFuture(afterFailure(broken.get())))
        : open.commit();
  }

  /** An INSERT group with no first stage: in autocommit, on a connection leased to it alone. */
  private Future<Void> insertAndCommit(Group group) {
    return writer.withConnection(connection -> connection.preparedQuery(INSERT).execute(arrays(group))).mapEmpty();
  }

  private static IllegalStateException afterFailure(String drillId) {
    return new IllegalStateException("an earlier commit of drill " + drillId
        + " failed; not committed, to leave no gap");
  }

  private void finish(Group group, AsyncResult<Void> result, long nanos) {
    pendingEvents.addAndGet(-group.rows());
    if (result.succeeded()) {
      committedNext.putAll(group.nextSeq());
      commits.incrementAndGet();
      observer.committed(group.rows(), nanos, group.statement());
      group.appends().forEach(PendingAppend::succeed);
    } else {
      // Its drills' later appends are refused until each has reloaded and declared its next seq again.
      group.nextSeq().keySet().forEach(drill -> {
        Long committed = committedNext.get(drill);
        if (committed != null) {
          flushedNext.put(drill, committed);
        }
      });
      StoreUnavailableException failure = new StoreUnavailableException("the event store could not commit: "
          + result.cause().getMessage(), 2, result.cause());
      group.appends().forEach(append -> append.fail(failure));
    }
  }

  private static Tuple arrays(Group group) {
    int size = group.rows();
    String[] drills = new String[size];
    Long[] seqs = new Long[size];
    String[] clientIds = new String[size];
    String[] types = new String[size];
    Long[] simTimes = new Long[size];
    Long[] wallTimes = new Long[size];
    String[] payloads = new String[size];
    int i = 0;
    for (PendingAppend append : group.appends()) {
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
    return Tuple.wrap(new Object[] {drills, seqs, clientIds, types, simTimes, wallTimes, payloads});
  }

  /** The appends of one commit, each drill's first seq in it and the seq after its last. */
  private record Group(List<PendingAppend> appends, int rows, Map<String, Long> firstSeq, Map<String, Long> nextSeq,
      CommitObserver.Statement statement) {
  }

  /** A group's inserted rows, in a transaction waiting for its turn to commit; its connection goes back after. */
  private record OpenInsert(SqlConnection connection, Transaction transaction) implements OpenTransaction {
    @Override
    public Future<Void> commit() {
      return transaction.commit().andThen(ended -> connection.close());
    }

    @Override
    public Future<Void> rollback() {
      return transaction.rollback().andThen(ended -> connection.close());
    }
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
