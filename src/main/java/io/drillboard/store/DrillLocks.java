package io.drillboard.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which node owns which drill, decided by PostgreSQL: a session advisory lock per drill, held on one connection of
 * its own. PostgreSQL drops a session's locks when its connection ends, so the locks of a node that dies (or loses
 * its database) are free for another node at once, with no lease to expire.
 */
public final class DrillLocks {
  private static final String TRY_LOCK = "SELECT pg_try_advisory_lock($1)";
  private static final String UNLOCK = "SELECT pg_advisory_unlock($1)";

  private final PgConnection connection;

  private DrillLocks(PgConnection connection) {
    this.connection = connection;
  }

  /** Opens the locks' connection; {@code lost} runs once if it closes, when every lock it held is gone. */
  public static Future<DrillLocks> connect(Vertx vertx, PgConnectOptions options, Runnable lost) {
    return PgConnection.connect(vertx, options).map(connection -> {
      connection.closeHandler(v -> lost.run());
      return new DrillLocks(connection);
    }).recover(cause -> Future.failedFuture(new StoreUnavailableException(
        "the drill locks' connection failed: " + cause.getMessage(), 2, cause)));
  }

  /** True when this node now holds the drill's lock (or already did); false when another session holds it. */
  public Future<Boolean> tryAcquire(String drillId) {
    return connection.preparedQuery(TRY_LOCK).execute(Tuple.of(key(drillId)))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  public Future<Void> release(String drillId) {
    return connection.preparedQuery(UNLOCK).execute(Tuple.of(key(drillId))).mapEmpty();
  }

  /** A round trip on the locks' connection: it is still there. */
  public Future<Void> ping() {
    return connection.query("SELECT 1").execute().mapEmpty();
  }

  public Future<Void> close() {
    return connection.close();
  }

  /** The lock's 64-bit key: the first eight bytes of the id's SHA-256, so two drills practically never share one. */
  static long key(String drillId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(drillId.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
