package io.drillboard.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Scenarios posted through the API, kept in PostgreSQL beside the events so every node of a cluster sees them. */
public final class ScenarioStore {
  private static final String UPSERT = """
      INSERT INTO scenarios (id, source, stored_by) VALUES ($1, $2, $3)
      ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, stored_by = EXCLUDED.stored_by, stored_at = now()
      RETURNING (xmax = 0) AS inserted""";
  private static final String SELECT_ALL = "SELECT source FROM scenarios ORDER BY id";

  private final Pool pool;

  public ScenarioStore(Pool pool) {
    this.pool = pool;
  }

  /** Stores or replaces a scenario's source; true when it was new. */
  public Future<Boolean> save(String id, String source, String by) {
    return pool.preparedQuery(UPSERT).execute(Tuple.of(id, source, by))
        .map(rows -> rows.iterator().next().getBoolean("inserted"))
        .recover(cause -> Future.failedFuture(new StoreUnavailableException(
            "the scenario could not be stored: " + cause.getMessage(), 2, cause)));
  }

  public Future<List<String>> sources() {
    return pool.query(SELECT_ALL).execute().map(rows -> {
      List<String> sources = new ArrayList<>();
      for (Row row : rows) {
        sources.add(row.getString("source"));
      }
      return sources;
    });
  }
}
