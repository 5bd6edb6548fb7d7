package io.drillboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drill ownership in a real PostgreSQL: one holder per drill, and a holder's locks go with its connection. */
class DrillLocksTest {
  /** A bigint advisory key shows in pg_locks as its high half (classid) and low half (objid). */
  private static final String TERMINATE_HOLDER = """
      SELECT pg_terminate_backend(pid) FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND ((classid::int8 << 32) | objid::int8) = $1""";
  private Vertx vertx;
  private PgConnectOptions database;

  @BeforeEach
  void connect() {
    vertx = Vertx.vertx();
    database = TestDatabase.get().connectOptions();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aDrillHasOneHolderUntilItReleasesIt() {
    String drill = "d" + UUID.randomUUID();
    DrillLocks first = DrillLocks.connect(vertx, database, () -> { }).await();
    DrillLocks second = DrillLocks.connect(vertx, database, () -> { }).await();

    assertThat(first.tryAcquire(drill).await()).isTrue();
    assertThat(first.tryAcquire(drill).await()).as("held already").isTrue();
    assertThat(second.tryAcquire(drill).await()).isFalse();
    assertThat(second.tryAcquire("d" + UUID.randomUUID()).await()).as("another drill").isTrue();

    // Taken twice, it is released twice (PostgreSQL counts a session's locks).
    first.release(drill).await();
    assertThat(second.tryAcquire(drill).await()).isFalse();
    first.release(drill).await();
    assertThat(second.tryAcquire(drill).await()).isTrue();
  }

  @Test
  void locksGoWithTheirConnectionAndTheHolderIsTold() throws InterruptedException {
    String drill = "d" + UUID.randomUUID();
    CountDownLatch lost = new CountDownLatch(1);
    DrillLocks dying = DrillLocks.connect(vertx, database, lost::countDown).await();
    DrillLocks survivor = DrillLocks.connect(vertx, database, () -> { }).await();
    assertThat(dying.tryAcquire(drill).await()).isTrue();
    assertThat(survivor.tryAcquire(drill).await()).isFalse();

    // The way a node's death looks to PostgreSQL: the backend of its locks' connection ends.
    PgConnection admin = PgConnection.connect(vertx, database).await();
    RowSet<Row> ended = admin.preparedQuery(TERMINATE_HOLDER).execute(Tuple.of(DrillLocks.key(drill))).await();
    assertThat(ended.iterator().next().getBoolean(0)).isTrue();
    admin.close().await();
    assertThat(lost.await(10, TimeUnit.SECONDS)).as("the holder learns its locks are gone").isTrue();
    assertThat(survivor.tryAcquire(drill).await()).isTrue();
  }
}
