package io.drillboard.store;

import io.vertx.sqlclient.Pool;

/**
 * The append-only event log in PostgreSQL: its {@link EventWriter} (the group commit, on the writer pool) and its
 * {@link EventReader} (every query, on the reader pool), each with its own SQL. This class only builds the two and
 * hands them out, so that a read never goes through the write path and a reader never holds the writer.
 */
public final class EventStore {
  private final EventWriter writer;
  private final EventReader reader;

  /** {@code writer} should hold one connection: commits are strictly one after another. */
  public EventStore(Pool writer, Pool reader, int maxPendingEvents, CommitObserver observer) {
    this.writer = new EventWriter(writer, maxPendingEvents, observer);
    this.reader = new EventReader(reader);
  }

  /** Appends by group commit. */
  public EventWriter writer() {
    return writer;
  }

  /** Reads committed events. */
  public EventReader reader() {
    return reader;
  }
}
