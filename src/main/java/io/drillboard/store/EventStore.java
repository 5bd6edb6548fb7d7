package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The append-only event log in PostgreSQL: its {@link EventWriter} (the group commit, on the writer pool) and its
 * {@link EventReader} (every query, on the reader pool), each with its own SQL. This class only hands them out and
 * passes its methods on to them, so that a read never goes through the write path.
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

  /** See {@link EventWriter#pendingEvents}. */
  public int pendingEvents() {
    return writer.pendingEvents();
  }

  /** See {@link EventWriter#commits}. */
  public long commits() {
    return writer.commits();
  }

  /** See {@link EventWriter#hasRoomFor}. */
  public boolean hasRoomFor(int events) {
    return writer.hasRoomFor(events);
  }

  /** See {@link EventWriter#expectNext}. */
  public void expectNext(String drillId, long seq) {
    writer.expectNext(drillId, seq);
  }

  /** See {@link EventWriter#append}. */
  public Future<Void> append(String drillId, List<Event> events) {
    return writer.append(drillId, events);
  }

  /** See {@link EventReader#events}. */
  public Future<List<Event>> events(String drillId, long afterSeq, int limit) {
    return reader.events(drillId, afterSeq, limit);
  }

  /** See {@link EventReader#allEvents}. */
  public Future<List<Event>> allEvents(String drillId) {
    return reader.allEvents(drillId);
  }

  /** See {@link EventReader#fold}. */
  public <S> Future<S> fold(String drillId, Function<Event, S> first, BiFunction<S, Event, S> next) {
    return reader.fold(drillId, first, next);
  }

  /** See {@link EventReader#exists}. */
  public Future<Boolean> exists(String drillId) {
    return reader.exists(drillId);
  }

  /** See {@link EventReader#lifecycles}. */
  public Future<List<DrillLifecycle>> lifecycles() {
    return reader.lifecycles();
  }

  /** See {@link EventReader#unfinishedDrills}. */
  public Future<List<String>> unfinishedDrills() {
    return reader.unfinishedDrills();
  }

  /** See {@link EventReader#ping}. */
  public Future<Void> ping() {
    return reader.ping();
  }
}
