package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.postgresql.PGConnection;

/**
 * Writes large groups of events with binary COPY, PostgreSQL's bulk load, which the reactive client does not speak
 * (eclipse-vertx/vertx-sql-client#1696): through pgjdbc's CopyManager, on a thread of its own, so the event loop never
 * blocks. COPY in autocommit is one transaction: its events are all stored, durable when it returns, or none are.
 */
final class EventCopy implements AutoCloseable {
  /** What opens a JDBC connection to the event store's database. */
  interface Connector {
    Connection open() throws SQLException;
  }

  private static final String COPY = "COPY events (drill_id, seq, client_id, type, sim_time, wall_time, payload) "
      + "FROM STDIN (FORMAT binary)";
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
  /** PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00Z. */
  private static final long POSTGRES_EPOCH_MILLIS = 946_684_800_000L;
  private static final short COLUMNS = 7;

  private final Connector connector;
  private final int from;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread copier = new Thread(runnable, "drillboard-event-copy");
    copier.setDaemon(true);
    return copier;
  });
  private Connection connection;

  EventCopy(Connector connector, int from) {
    this.connector = connector;
    this.from = from;
  }

  /** Whether a group of this many events goes by COPY rather than INSERT. */
  boolean takes(int events) {
    return events >= from;
  }

  /** One drill's events as the writer hands them over. */
  record Rows(String drillId, List<Event> events) {
  }

  /** Stores the rows in one COPY; completes (on the copy thread) once they are durable. */
  Future<Void> copy(List<Rows> rows) {
    Promise<Void> done = Promise.promise();
    thread.execute(() -> {
      try {
        byte[] data = encode(rows);
        connection().unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(data));
        done.complete();
      } catch (SQLException | IOException | RuntimeException e) {
        closeConnection();
        done.fail(e);
      }
    });
    return done.future();
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = connector.open();
      connection.setAutoCommit(true);
    }
    return connection;
  }

  private void closeConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // The connection failed already; a new one is opened for the next COPY.
    }
    connection = null;
  }

  /** The rows in PostgreSQL's binary COPY format: a header, each row's fields with their lengths, a trailer. */
  static byte[] encode(List<Rows> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.stream().mapToInt(r -> r.events().size()).sum() * 256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(SIGNATURE);
      out.writeInt(0);
      out.writeInt(0);
      for (Rows group : rows) {
        byte[] drill = group.drillId().getBytes(StandardCharsets.UTF_8);
        for (Event event : group.events()) {
          out.writeShort(COLUMNS);
          bytes(out, drill);
          int64(out, event.seq());
          bytes(out, event.clientId() == null ? null : event.clientId().getBytes(StandardCharsets.UTF_8));
          bytes(out, event.type().getBytes(StandardCharsets.UTF_8));
          int64(out, event.simTime());
          int64(out, (event.wallTime() - POSTGRES_EPOCH_MILLIS) * 1000);
          // json's binary form is its text.
          bytes(out, EventJson.text(event.body()).getBytes(StandardCharsets.UTF_8));
        }
      }
      out.writeShort(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void bytes(DataOutputStream out, byte[] value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(value.length);
      out.write(value);
    }
  }

  private static void int64(DataOutputStream out, long value) throws IOException {
    out.writeInt(8);
    out.writeLong(value);
  }

  @Override
  public void close() {
    thread.execute(this::closeConnection);
    thread.shutdown();
  }
}
