package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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
  /** Encoded rows go to the server in pieces of this size, never held whole in memory. */
  private static final int BUFFER_BYTES = 256 * 1024;

  private final Connector connector;
  private final int from;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread copier = new Thread(runnable, "drillboard-event-copy");
    copier.setDaemon(true);
    return copier;
  });
  private Connection connection;
  /** Rows as they are encoded; the copy thread's alone. */
  private final byte[] buffer = new byte[BUFFER_BYTES];

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
      CopyIn copy = null;
      try {
        copy = connection().unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        write(rows, copy);
        copy.endCopy();
        done.complete();
      } catch (SQLException | RuntimeException e) {
        cancel(copy);
        closeConnection();
        done.fail(e);
      }
    });
    return done.future();
  }

  private static void cancel(CopyIn copy) {
    try {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
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
  private void write(List<Rows> rows, CopyIn copy) throws SQLException {
    Encoder out = new Encoder(copy, buffer);
    out.raw(SIGNATURE);
    out.int32(0);
    out.int32(0);
    for (Rows group : rows) {
      byte[] drill = group.drillId().getBytes(StandardCharsets.UTF_8);
      for (Event event : group.events()) {
        out.int16(COLUMNS);
        out.field(drill);
        out.int64Field(event.seq());
        out.field(event.clientId() == null ? null : event.clientId().getBytes(StandardCharsets.UTF_8));
        out.field(event.type().getBytes(StandardCharsets.UTF_8));
        out.int64Field(event.simTime());
        out.int64Field((event.wallTime() - POSTGRES_EPOCH_MILLIS) * 1000);
        // json's binary form is its text.
        out.field(EventJson.text(event.body()).getBytes(StandardCharsets.UTF_8));
      }
    }
    out.int16((short) -1);
    out.flush();
  }

  /**
   * Encodes into a buffer that goes to the COPY whenever the next value would not fit: one store per number, big-endian
   * as the format wants, where DataOutputStream made a call per byte.
   */
  private static final class Encoder {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final CopyIn copy;
    private final byte[] buffer;
    private int used;

    Encoder(CopyIn copy, byte[] buffer) {
      this.copy = copy;
      this.buffer = buffer;
    }

    void int16(short value) throws SQLException {
      room(2);
      SHORT.set(buffer, used, value);
      used += 2;
    }

    void int32(int value) throws SQLException {
      room(4);
      INT.set(buffer, used, value);
      used += 4;
    }

    /** A bigint field: its length, 8, then the value. */
    void int64Field(long value) throws SQLException {
      int32(8);
      room(8);
      LONG.set(buffer, used, value);
      used += 8;
    }

    /** A field of variable length, or NULL. */
    void field(byte[] value) throws SQLException {
      if (value == null) {
        int32(-1);
      } else {
        int32(value.length);
        raw(value);
      }
    }

    /** Bytes as they are; ones longer than the buffer go to the server without it. */
    void raw(byte[] value) throws SQLException {
      room(value.length);
      if (value.length > buffer.length) {
        copy.writeToCopy(value, 0, value.length);
      } else {
        System.arraycopy(value, 0, buffer, used, value.length);
        used += value.length;
      }
    }

    void flush() throws SQLException {
      if (used > 0) {
        copy.writeToCopy(buffer, 0, used);
        used = 0;
      }
    }

    private void room(int bytes) throws SQLException {
      if (used + bytes > buffer.length) {
        flush();
      }
    }
  }

  @Override
  public void close() {
    thread.execute(this::closeConnection);
    thread.shutdown();
  }
}
