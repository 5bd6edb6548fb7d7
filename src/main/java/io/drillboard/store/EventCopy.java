package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

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
  /** Encoded rows go to the server in pieces of this size, never held whole in memory (the field writes are small). */
  private static final int STREAM_BUFFER_BYTES = 256 * 1024;

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

  /**
   * Stores the rows in one COPY, streamed to the server as they are encoded; completes (on the copy thread) once they
   * are durable. Only a COPY written whole is ended (committed): any failure cancels it.
   */
  Future<Void> copy(List<Rows> rows) {
    Promise<Void> done = Promise.promise();
    thread.execute(() -> {
      PGCopyOutputStream stream = null;
      try {
        stream = new PGCopyOutputStream(connection().unwrap(PGConnection.class), COPY, STREAM_BUFFER_BYTES);
        write(rows, new DataOutputStream(new BufferedOutputStream(stream, STREAM_BUFFER_BYTES)));
        stream.endCopy();
        done.complete();
      } catch (SQLException | IOException | RuntimeException e) {
        cancel(stream);
        closeConnection();
        done.fail(e);
      }
    });
    return done.future();
  }

  private static void cancel(PGCopyOutputStream stream) {
    try {
      if (stream != null && stream.isActive()) {
        stream.cancelCopy();
      }
    } catch (SQLException ignored) {
      // The connection is dropped next, which aborts the COPY all the same.
    }
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
  private static void write(List<Rows> rows, DataOutputStream out) throws IOException {
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
    out.flush();
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
