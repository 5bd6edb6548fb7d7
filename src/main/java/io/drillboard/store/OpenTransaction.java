package io.drillboard.store;

import io.vertx.core.Future;

/**
 * A group's rows written in a transaction left open, waiting for the group's turn to commit. Either call ends it and
 * gives its connection back; only one of them is called, once.
 */
interface OpenTransaction {
  Future<Void> commit();

  Future<Void> rollback();
}
