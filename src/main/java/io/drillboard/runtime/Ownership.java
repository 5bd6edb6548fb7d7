package io.drillboard.runtime;

import io.drillboard.store.DrillLocks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which drills this node may run. Alone, it runs every drill. In a cluster, a drill runs on the one node holding its
 * lock; the node that loses its locks' connection loses every lock with it and must stop its drills at once.
 */
public sealed interface Ownership {
  /** True when this node may now run the drill; false when another node does. */
  Future<Boolean> claim(String drillId);

  Future<Void> release(String drillId);

  /** In a cluster, this node's id on the event bus. */
  Optional<String> node();

  /** Whether other nodes compete for drills, so that drills left without an owner must be looked for. */
  default boolean shared() {
    return node().isPresent();
  }

  /** {@code lost} runs on the caller's context when every claim is lost at once. */
  void onLost(Runnable lost);

  /** Gives up every claim, on the way out: other nodes may take this node's drills at once. */
  Future<Void> close();

  /**
   * Makes sure the claims still stand; when they cannot be confirmed in time, they are given up as lost (the database
   * may already have handed them to another node).
   */
  Future<Void> check();

  static Ownership alone() {
    return new Alone();
  }

  static Ownership locked(Vertx vertx, PgConnectOptions database, String node) {
    return new Locked(vertx, database, node);
  }

  record Alone() implements Ownership {
    @Override
    public Future<Boolean> claim(String drillId) {
      return Future.succeededFuture(true);
    }

    @Override
    public Future<Void> release(String drillId) {
      return Future.succeededFuture();
    }

    @Override
    public Optional<String> node() {
      return Optional.empty();
    }

    @Override
    public void onLost(Runnable lost) {
      // Alone, nothing can take a drill away.
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> check() {
      return Future.succeededFuture();
    }
  }

  /** Claims are PostgreSQL advisory locks; the connection that holds them is opened again when it is lost. */
  final class Locked implements Ownership {
    /** A locks' connection silent this long is taken for lost: its locks may be gone without its knowing. */
    private static final long CHECK_TIMEOUT_MS = 10_000;
    private final Vertx vertx;
    private final PgConnectOptions database;
    private final String node;
    private Runnable lost = () -> { };
    private Future<DrillLocks> locks;
    /** Which connection took each drill's lock: only that one may release it. */
    private final Map<String, DrillLocks> holders = new HashMap<>();

    private Locked(Vertx vertx, PgConnectOptions database, String node) {
      this.vertx = vertx;
      this.database = database;
      this.node = node;
    }

    @Override
    public Future<Boolean> claim(String drillId) {
      return locks().compose(held -> held.tryAcquire(drillId).onSuccess(owned -> {
        if (owned) {
          holders.put(drillId, held);
        }
      }));
    }

    @Override
    public Future<Void> release(String drillId) {
      DrillLocks holder = holders.remove(drillId);
      // A lock taken on a connection since lost went with it; the current one never held it.
      boolean current = holder != null && locks != null && locks.succeeded() && locks.result() == holder;
      return current ? holder.release(drillId) : Future.succeededFuture();
    }

    @Override
    public Optional<String> node() {
      return Optional.of(node);
    }

    @Override
    public void onLost(Runnable lost) {
      this.lost = lost;
    }

    @Override
    public Future<Void> check() {
      Future<DrillLocks> current = locks;
      if (current == null || !current.succeeded()) {
        return Future.succeededFuture();
      }
      return current.result().ping().timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS).recover(silent -> {
        forget(current);
        current.result().close();
        return Future.succeededFuture();
      });
    }

    @Override
    public Future<Void> close() {
      lost = () -> { };
      return locks == null ? Future.succeededFuture()
          : locks.compose(DrillLocks::close, failed -> Future.succeededFuture());
    }

    private Future<DrillLocks> locks() {
      if (locks == null || locks.failed()) {
        AtomicReference<Future<DrillLocks>> connecting = new AtomicReference<>();
        connecting.set(DrillLocks.connect(vertx, database, () -> forget(connecting.get())));
        locks = connecting.get();
      }
      return locks;
    }

    /** The connection's locks are gone; a connection replaced earlier has nothing left to lose. */
    private void forget(Future<DrillLocks> connection) {
      if (locks == connection) {
        locks = null;
        holders.clear();
        lost.run();
      }
    }
  }
}
