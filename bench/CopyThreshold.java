import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import io.drillboard.store.Database;
import io.drillboard.store.EventStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where COPY starts to pay: one group at a time, as the writer commits them, of each size, written by the event
 * store's INSERT and by its COPY into the same PostgreSQL. Prints events/s for each and their ratio (COPY / INSERT).
 * Run from the jar's classpath: java -cp target/drillboard.jar bench/CopyThreshold.java DB_URL [seconds-per-size]
 */
public class CopyThreshold {
  private static final int[] SIZES = {20, 50, 100, 200, 350, 500, 1000, 2000, 8000};

  public static void main(String[] args) {
    String url = args[0];
    long millisPerSize = (args.length > 1 ? Long.parseLong(args[1]) : 5) * 1000;
    Vertx vertx = Vertx.vertx();
    Database database = Database.open(Optional.of(url), Path.of("."));
    Pool writer = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(database.connectOptions())
        .using(vertx).build();
    Pool reader = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(database.connectOptions())
        .using(vertx).build();
    EventStore inserting = new EventStore(vertx, writer, reader, Integer.MAX_VALUE, (events, nanos, statement) -> { });
    EventStore copying = new EventStore(vertx, writer, reader, Integer.MAX_VALUE, (events, nanos, statement) -> { },
        database, 1);
    // Warm-up: the JIT, the prepared statement and the COPY connection.
    rate(inserting, 500, 3000);
    rate(copying, 500, 3000);
    System.out.println("group_size insert_events_per_s copy_events_per_s ratio_copy_over_insert");
    for (int size : SIZES) {
      double insert = rate(inserting, size, millisPerSize);
      double copy = rate(copying, size, millisPerSize);
      System.out.printf("%d %.0f %.0f %.2f%n", size, insert, copy, copy / insert);
    }
    copying.close();
    vertx.close().await();
  }

  /** Events a second stored in groups of {@code size}, each append waiting for the one before. */
  private static double rate(EventStore store, int size, long millis) {
    String drill = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    store.writer().expectNext(drill, 1);
    long seq = 1;
    long stored = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < millis * 1_000_000) {
      List<Event> group = new ArrayList<>(size);
      for (int i = 0; i < size; i++, seq++) {
        group.add(new Event(seq, "c-" + seq, 36_000_000 + seq, System.currentTimeMillis(), new EventBody.External(
            "load", new JsonObject().put("n", seq).put("text", "客户投诉第" + seq + "条").encode())));
      }
      Future<Void> appended = store.writer().append(drill, group);
      appended.await();
      stored += size;
    }
    return stored / ((System.nanoTime() - start) / 1e9);
  }
}
