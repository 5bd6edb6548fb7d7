package io.drillboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import io.drillboard.support.Eventually;
import io.drillboard.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Group commits in flight together (issue 18): the next group is written, by INSERT or by COPY, while a slow commit
 * before it runs, once there are enough events for it; COPYs are written side by side; the commits and the
 * acknowledgements still come in order; and when a commit fails, a later group of the same drill rolls back instead
 * of leaving a gap.
 *
 * <p>A deferred constraint trigger, on this test's drills only, holds chosen events' COMMIT on an advisory lock the
 * test holds, then lets it end or fail once the test lets go; a plain trigger holds chosen events' write the same way.
 * So the next group is surely in flight meanwhile, however slow the machine: nothing ends on a timer.
 */
class PipelinedCommitTest {
  private static final String DRILL_PREFIX = "pipeline-";
  /** The advisory lock the test holds while chosen commits must wait. */
  private static final long GATE = 18_018;
  /** How long to wait for what happens while a commit is held: nothing ends it but the test, so this is generous. */
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String COMMIT_HOOK = """
      CREATE OR REPLACE FUNCTION pipeline_test_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload->>'commit' IN ('slow', 'fail') THEN PERFORM pg_advisory_xact_lock_shared(%d); END IF;
        IF NEW.payload->>'commit' = 'fail' THEN RAISE EXCEPTION 'commit refused by the test'; END IF;
        RETURN NULL;
      END $$;
      DROP TRIGGER IF EXISTS pipeline_test_commit ON events;
      CREATE CONSTRAINT TRIGGER pipeline_test_commit AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.drill_id LIKE 'pipeline-%%') EXECUTE FUNCTION pipeline_test_commit();
      CREATE OR REPLACE FUNCTION pipeline_test_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload->>'write' = 'slow' THEN PERFORM pg_advisory_xact_lock_shared(%d); END IF;
        RETURN NULL;
      END $$;
      DROP TRIGGER IF EXISTS pipeline_test_write ON events;
      CREATE TRIGGER pipeline_test_write AFTER INSERT ON events
        FOR EACH ROW WHEN (NEW.drill_id LIKE 'pipeline-%%') EXECUTE FUNCTION pipeline_test_write();"""
      .formatted(GATE, GATE);

  private static Vertx vertx;
  private static Pool writer;
  private static Pool reader;
  /** The session that holds the gate: commits of 'slow' and 'fail' events wait until it lets go. */
  private static SqlConnection gate;

  @BeforeAll
  static void pools() throws Exception {
    vertx = Vertx.vertx();
    Database database = TestDatabase.get();
    writer = PgBuilder.pool().with(new PoolOptions().setMaxSize(EventWriter.CONNECTIONS))
        .connectingTo(database.connectOptions()).using(vertx).build();
    reader = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(database.connectOptions())
        .using(vertx).build();
    await(reader.query(COMMIT_HOOK).execute());
    gate = await(reader.getConnection());
    // Open the writer's connections now: a group behind a held commit should not wait on a new connection's start.
    List<SqlConnection> connections = new ArrayList<>();
    for (int i = 0; i < EventWriter.CONNECTIONS; i++) {
      connections.add(await(writer.getConnection()));
    }
    for (SqlConnection connection : connections) {
      await(connection.close());
    }
  }

  @AfterAll
  static void close() throws Exception {
    await(gate.close());
    await(reader.query("DROP TRIGGER pipeline_test_commit ON events; DROP FUNCTION pipeline_test_commit();"
        + " DROP TRIGGER pipeline_test_write ON events; DROP FUNCTION pipeline_test_write()").execute());
    await(vertx.close());
  }

  @BeforeEach
  void holdCommits() throws Exception {
    await(gate.query("SELECT pg_advisory_lock(" + GATE + ")").execute());
  }

  @AfterEach
  void letCommitsGo() throws Exception {
    await(gate.query("SELECT pg_advisory_unlock_all()").execute());
  }

  @ParameterizedTest
  @EnumSource(CommitObserver.Statement.class)
  void theNextGroupIsWrittenWhileTheOneBeforeCommitsAndIsAcknowledgedAfterIt(CommitObserver.Statement path)
      throws Exception {
    EventStore store = store(path, (events, nanos, statement) -> { });
    String slow = newDrill(store);
    String quick = newDrill(store);
    List<String> acknowledged = new CopyOnWriteArrayList<>();

    Future<Void> first = store.writer().append(slow, List.of(event(1, "slow"))).onSuccess(v -> acknowledged.add(slow));
    // Appended at once, before the first group has been in flight long enough, and no later append comes: the
    // writer's own timer must start it.
    Future<Void> second = store.writer().append(quick, List.of(event(1, "quick")))
        .onSuccess(v -> acknowledged.add(quick));
    Eventually.until("the first group committing", WAIT, () -> committing() == 1);

    // While the first COMMIT is held, the second group's INSERT or COPY is done, its transaction open.
    Eventually.until("a second group written and waiting for its turn to commit", WAIT,
        () -> !failedAlready(second) && waitingToCommit(path) == 1);
    letGoThenBothCommitInOrder(store, first, second, acknowledged, slow, quick);
  }

  @Test
  void aCopyIsWrittenBesideTheOneBeforeWhileThatOneIsStillCopyingAndCommitsAfterIt() throws Exception {
    EventStore store = store(CommitObserver.Statement.COPY, (events, nanos, statement) -> { });
    String slow = newDrill(store);
    String quick = newDrill(store);
    List<String> acknowledged = new CopyOnWriteArrayList<>();

    Future<Void> first = store.writer().append(slow, List.of(slowToWrite(1)))
        .onSuccess(v -> acknowledged.add(slow));
    Eventually.until("the first COPY held while it stores its rows", WAIT, () -> committing() == 1);
    Future<Void> second = store.writer().append(quick, List.of(event(1, "quick")))
        .onSuccess(v -> acknowledged.add(quick));

    // The second COPY has stored its rows on a backend of its own, and waits for its turn; the first is still copying.
    Eventually.until("a second COPY stored beside the first and waiting for its turn to commit", WAIT,
        () -> !failedAlready(second) && waitingToCommit(CommitObserver.Statement.COPY) == 1);
    assertThat(copying()).as("the first COPY, still storing its rows").isEqualTo(1);
    letGoThenBothCommitInOrder(store, first, second, acknowledged, slow, quick);
  }

  @Test
  void moreCopiesThanLanesWaitForOneInTurnAndAllCommitInOrder() throws Exception {
    EventStore store = store(CommitObserver.Statement.COPY, (events, nanos, statement) -> { });
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    List<String> drills = new ArrayList<>();
    List<Future<Void>> appends = new ArrayList<>();
    for (int group = 0; group <= EventWriter.CONNECTIONS; group++) {
      String drill = newDrill(store);
      drills.add(drill);
      appends.add(store.writer().append(drill, List.of(group == 0 ? slowToWrite(1) : event(1, "quick")))
          .onSuccess(v -> acknowledged.add(drill)));
      if (group == 0) {
        Eventually.until("the first COPY held while it stores its rows", WAIT, () -> committing() == 1);
      }
    }
    // Every lane is held: the first copying, the next ones stored and waiting to commit; the last group waits for a lane.
    Eventually.until("every other lane's COPY stored and waiting for its turn to commit", WAIT,
        () -> waitingToCommit(CommitObserver.Statement.COPY) == EventWriter.CONNECTIONS - 1);
    assertThat(appends).noneMatch(Future::isComplete);
    letCommitsGo();
    await(Future.all(appends));
    assertThat(acknowledged).containsExactlyElementsOf(drills);
    for (String drill : drills) {
      assertThat(seqs(store, drill)).containsExactly(1L);
    }
    store.close();
  }

  /**
   * With the first group held and the second written behind it, neither is acknowledged; once the test lets go, both
   * commit, each drill's event stored, and are acknowledged in the order they were formed.
   */
  private void letGoThenBothCommitInOrder(EventStore store, Future<Void> first, Future<Void> second,
      List<String> acknowledged, String firstDrill, String secondDrill) throws Exception {
    assertThat(first.isComplete()).isFalse();
    assertThat(second.isComplete()).as("acknowledged only after the commit before it").isFalse();
    letCommitsGo();
    await(Future.all(first, second));
    assertThat(acknowledged).containsExactly(firstDrill, secondDrill);
    assertThat(seqs(store, firstDrill)).containsExactly(1L);
    assertThat(seqs(store, secondDrill)).containsExactly(1L);
    store.close();
  }

  @ParameterizedTest
  @EnumSource(CommitObserver.Statement.class)
  void aGroupBehindAFailedCommitRollsBackRatherThanLeaveAGap(CommitObserver.Statement path) throws Exception {
    EventStore store = store(path, (events, nanos, statement) -> { });
    String drill = newDrill(store);

    Future<Void> failing = store.writer().append(drill, List.of(event(1, "fail")));
    Eventually.until("the first group committing", WAIT, () -> committing() == 1);
    Future<Void> following = store.writer().append(drill, List.of(event(2, "quick"), event(3, "quick")));
    Eventually.until("the following group written while the first one's commit fails", WAIT,
        () -> waitingToCommit(path) == 1);
    assertThat(failing.isComplete()).isFalse();
    letCommitsGo();
    assertThat(causeOf(failing)).isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("commit refused by the test");
    assertThat(causeOf(following)).isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("not committed, to leave no gap");
    assertThat(seqs(store, drill)).as("nothing stored after the failed commit, so no gap").isEmpty();

    // Until the drill has reloaded it may not go on; then it starts again where the log ends.
    assertThat(causeOf(store.writer().append(drill, List.of(event(4, "quick"))))).hasMessageContaining("must reload");
    store.writer().expectNext(drill, 1);
    await(store.writer().append(drill, List.of(event(1, "quick"), event(2, "quick"))));
    assertThat(seqs(store, drill)).containsExactly(1L, 2L);
    store.close();
  }

  @Test
  void aGroupStartsEarlyOnlyOnceTheQueueHoldsAsManyEventsAsTheGroupBeforeIt() throws Exception {
    List<Integer> groupSizes = new CopyOnWriteArrayList<>();
    EventStore store = new EventStore(vertx, writer, reader, 1_000,
        (events, nanos, statement) -> groupSizes.add(events));
    String slow = newDrill(store);
    String few = newDrill(store);
    String more = newDrill(store);

    Future<Void> first = store.writer().append(slow, List.of(event(1, "slow"), event(2, "quick"), event(3, "quick")));
    // From here the commit ahead has run long enough: only the queue's size holds the next group back.
    Eventually.until("the first group committing", WAIT, () -> committing() == 1);
    Future<Void> one = store.writer().append(few, List.of(event(1, "quick")));
    Future<Void> two = store.writer().append(more, List.of(event(1, "quick"), event(2, "quick")));
    Eventually.until("queued events inserted while the first group commits", WAIT,
        () -> waitingToCommit(CommitObserver.Statement.INSERT) >= 1);
    assertThat(first.isComplete()).isFalse();
    letCommitsGo();
    await(Future.all(first, one, two));
    // The one event waited for the other two: had it started alone, the groups would be 3, 1 and 2.
    assertThat(groupSizes).containsExactly(3, 3);
    assertThat(seqs(store, few)).containsExactly(1L);
    assertThat(seqs(store, more)).containsExactly(1L, 2L);
  }

  /** Sessions held at the gate now: a COMMIT, an INSERT in autocommit, which commits at its end, or a slow write. */
  private static int committing() throws Exception {
    return await(reader.query("SELECT count(*) FROM pg_stat_activity"
        + " WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'").execute())
        .iterator().next().getInteger(0);
  }

  /** A store whose every group goes by {@code path}: from one event on by COPY, or never. */
  private static EventStore store(CommitObserver.Statement path, CommitObserver observer) {
    return path == CommitObserver.Statement.COPY
        ? new EventStore(vertx, writer, reader, 1_000, observer, TestDatabase.get(), 1)
        : new EventStore(vertx, writer, reader, 1_000, observer);
  }

  /** Sessions that wrote events by {@code path} and now wait, in their transaction, for their COMMIT. */
  private static int waitingToCommit(CommitObserver.Statement path) throws Exception {
    String statement = path == CommitObserver.Statement.COPY ? "COPY events%" : "INSERT INTO events%";
    return await(reader.query("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
        + " AND query LIKE '" + statement + "'").execute()).iterator().next().getInteger(0);
  }

  /** Sessions still running a COPY into the events table. */
  private static int copying() throws Exception {
    return await(reader.query("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
        + " AND query LIKE 'COPY events%'").execute()).iterator().next().getInteger(0);
  }

  /** Fails the test with the append's own cause, rather than a bare timeout, if it has failed. */
  private static boolean failedAlready(Future<?> append) {
    if (append.failed()) {
      throw new AssertionError("the append failed", append.cause());
    }
    return false;
  }

  private static List<Long> seqs(EventStore store, String drill) throws Exception {
    return await(store.reader().allEvents(drill)).stream().map(Event::seq).toList();
  }

  private static Throwable causeOf(Future<?> future) throws Exception {
    return await(future.transform(result -> Future.succeededFuture(result.cause())));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static String newDrill(EventStore store) {
    String drill = DRILL_PREFIX + UUID.randomUUID().toString().substring(0, 8);
    store.writer().expectNext(drill, 1);
    return drill;
  }

  private static Event event(long seq, String commit) {
    return withPayload(seq, "{\"commit\":\"" + commit + "\"}");
  }

  /** An event whose row is held, as it is written, until the test lets go. */
  private static Event slowToWrite(long seq) {
    return withPayload(seq, "{\"write\":\"slow\"}");
  }

  private static Event withPayload(long seq, String payload) {
    return new Event(seq, null, 36_000_000 + seq, System.currentTimeMillis(), new EventBody.External("message", payload));
  }
}
