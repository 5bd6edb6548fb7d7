package io.drillboard.store;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The append-only event log in PostgreSQL: its {@link EventWriter} (the group commit, on the writer pool) and its
 * {@link EventReader} (every query, on the reader pool), each with its own SQL. This class only builds the two and
 * hands them out, so that a read never goes through the write path and a reader never holds the writer.
 */
public final class EventStore implements AutoCloseable {
  private final EventWriter writer;
  private final EventReader reader;
  private final Optional<EventCopy> copy;

  /**
   * {@code writer} should hold {@link EventWriter#CONNECTIONS} connections; {@code vertx} times when a group may start
   * behind one still committing. Large groups INSERT too.
   */
  public EventStore(Vertx vertx, Pool writer, Pool reader, int maxPendingEvents, CommitObserver observer) {
    this(vertx, writer, reader, maxPendingEvents, observer, Optional.empty());
  }

  /**
   * As above, with groups of {@code copyFrom} events or more ({@link EventWriter#COPY_FROM} in a server) written by
   * COPY over JDBC connections to {@code database}, up to {@link EventWriter#CONNECTIONS} of them at once.
   */
  public EventStore(Vertx vertx, Pool writer, Pool reader, int maxPendingEvents, CommitObserver observer,
      Database database, int copyFrom) {
    this(vertx, writer, reader, maxPendingEvents, observer,
        Optional.of(new EventCopy(() -> database.jdbcConnection("drillboard-copy"), copyFrom,
            EventWriter.CONNECTIONS)));
  }

  private EventStore(Vertx vertx, Pool writer, Pool reader, int maxPendingEvents, CommitObserver observer,
      Optional<EventCopy> copy) {
    this.copy = copy;
    this.writer = new EventWriter(vertx, writer, maxPendingEvents, observer, copy);
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

  /** Closes the COPY connections, if any were opened. */
  @Override
  public void close() {
    copy.ifPresent(EventCopy::close);
  }
}
