package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads the event log, on the reader pool only, and the one place the log's queries live: a drill's events by page
 * or all of them, a fold over them, whether a drill exists, the drills' lifecycles and the unfinished drills. A read
 * sees only committed events and never waits behind a commit.
 */
public final class EventReader {
  /** Events per page: {@link #allEvents} and {@link #fold} read a drill this many at a time. */
  private static final int PAGE = 10_000;

  // date_part is double precision, far cheaper per row than extract's numeric; the times are whole milliseconds.
  private static final String COLUMNS = """
      SELECT seq, client_id, type, sim_time, round(date_part('epoch', wall_time) * 1000)::int8, payload::text
      FROM events""";
  private static final String SELECT_PAGE = COLUMNS + " WHERE drill_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";
  private static final String SELECT_RANGE = COLUMNS + " WHERE drill_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq";
  private static final String SELECT_LIFECYCLE = """
      SELECT drill_id, seq, type, sim_time, round(extract(epoch FROM wall_time) * 1000)::int8 AS wall,
             payload->>'scenarioId' AS scenario_id, payload->>'speed' AS speed, payload->>'autopilot' AS autopilot,
             payload->>'name' AS name, payload->>'place' AS place
      FROM events WHERE type LIKE 'drill.%' ORDER BY drill_id, seq""";
  private static final String SELECT_UNFINISHED = """
      SELECT drill_id FROM events WHERE type LIKE 'drill.%' GROUP BY drill_id
      HAVING bool_and(type <> 'drill.ended') ORDER BY min(wall_time)""";
  private static final String SELECT_EXISTS = "SELECT 1 FROM events WHERE drill_id = $1 AND seq = 1";

  private final Pool reader;

  public EventReader(Pool reader) {
    this.reader = reader;
  }

  /** Up to {@code limit} events of a drill after {@code afterSeq}, in seq order. */
  public Future<List<Event>> events(String drillId, long afterSeq, int limit) {
    return reader.preparedQuery(SELECT_PAGE).execute(Tuple.of(drillId, afterSeq, limit)).map(EventReader::toEvents)
        .recover(EventReader::unavailable);
  }

  /** Every event of a drill, read page by page. */
  public Future<List<Event>> allEvents(String drillId) {
    return collect(drillId, 0, new ArrayList<>());
  }

  private Future<List<Event>> collect(String drillId, long afterSeq, List<Event> into) {
    return events(drillId, afterSeq, PAGE).compose(page -> {
      into.addAll(page);
      return page.size() < PAGE ? Future.succeededFuture(into)
          : collect(drillId, page.get(page.size() - 1).seq(), into);
    });
  }

  /**
   * Folds a drill's events in seq order without holding them all: {@code first} makes a state of the first event and
   * {@code next} applies each later one. Pages are read a few at a time ahead of the fold, by seq range, since a
   * drill's seqs are contiguous. Completes with null when the drill has no events.
   */
  public <S> Future<S> fold(String drillId, Function<Event, S> first, BiFunction<S, Event, S> next) {
    return new ReadAheadFold<>((afterSeq, upToSeq) -> range(drillId, afterSeq, upToSeq), PAGE, first, next).run();
  }

  /** A drill's events with seqs in ({@code afterSeq}, {@code upToSeq}], in seq order. */
  private Future<List<Event>> range(String drillId, long afterSeq, long upToSeq) {
    return reader.preparedQuery(SELECT_RANGE).execute(Tuple.of(drillId, afterSeq, upToSeq))
        .map(EventReader::toEvents).recover(EventReader::unavailable);
  }

  public Future<Boolean> exists(String drillId) {
    return reader.preparedQuery(SELECT_EXISTS).execute(Tuple.of(drillId)).map(rows -> rows.size() > 0)
        .recover(EventReader::unavailable);
  }

  /** Every drill's lifecycle (created, started, paused, resumed, speed changed, ended), oldest drill first. */
  public Future<List<DrillLifecycle>> lifecycles() {
    return reader.query(SELECT_LIFECYCLE).execute().map(DrillLifecycle::fromRows).recover(EventReader::unavailable);
  }

  /** The ids of the drills that have not ended, oldest first. */
  public Future<List<String>> unfinishedDrills() {
    return reader.query(SELECT_UNFINISHED).execute().map(rows -> {
      List<String> ids = new ArrayList<>(rows.size());
      rows.forEach(row -> ids.add(row.getString(0)));
      return ids;
    }).recover(EventReader::unavailable);
  }

  /** Checks the database answers; for /health. */
  public Future<Void> ping() {
    return reader.query("SELECT 1").execute().mapEmpty();
  }

  private static <T> Future<T> unavailable(Throwable cause) {
    return Future.failedFuture(new StoreUnavailableException("the event store is unavailable: " + cause.getMessage(),
        2, cause));
  }

  private static List<Event> toEvents(RowSet<Row> rows) {
    List<Event> events = new ArrayList<>(rows.size());
    for (Row row : rows) {
      // By position, in the order of COLUMNS: a lookup by name costs more than the rest of the row.
      events.add(new Event(row.getLong(0), row.getString(1), row.getLong(3), row.getLong(4),
          EventJson.fromStored(row.getString(2), row.getString(5))));
    }
    return events;
  }
}
