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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes large groups of events with binary COPY, PostgreSQL's bulk load, which the reactive client does not speak
 * (eclipse-vertx/vertx-sql-client#1696): through pgjdbc's CopyManager, off the event loops.
 *
 * <p>A COPY runs in a transaction left open ({@link OpenTransaction}) until the writer commits it in its turn, so
 * that the next group's COPY runs on a second PostgreSQL backend while the one before is still being stored or
 * waits for its commit: one backend alone kept the database's work on one core (bench/RESULTS.md). Each open COPY
 * holds a lane, a JDBC connection with the one thread that uses it, until it commits or rolls back. A COPY that finds
 * every lane held waits for one.
 */
final class EventCopy implements AutoCloseable {
  /** What opens a JDBC connection to the event store's database. */
  interface Connector {
    Connection open() throws SQLException;
  }

  /** Work a lane does on its connection, with its encoding buffer. */
  private interface LaneWork {
    void run(Connection connection, byte[] buffer) throws SQLException;
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
  private final List<Lane> lanes = new ArrayList<>();
  private final Deque<Lane> free = new ArrayDeque<>();
  private final Deque<Promise<Lane>> waiting = new ArrayDeque<>();

  /** Groups of {@code from} events or more go by COPY, on up to {@code lanes} connections at once. */
  EventCopy(Connector connector, int from, int lanes) {
    this.connector = connector;
    this.from = from;
    for (int i = 0; i < lanes; i++) {
      Lane lane = new Lane(i);
      this.lanes.add(lane);
      free.add(lane);
    }
  }

  /** Whether a group of this many events goes by COPY rather than INSERT. */
  boolean takes(int events) {
    return events >= from;
  }

  /** One drill's events as the writer hands them over. */
  record Rows(String drillId, List<Event> events) {
  }

  /**
   * Writes the rows in one COPY, streamed to the server as they are encoded, in a transaction left open; completes once
   * PostgreSQL has stored them, not yet durably. Only a COPY written whole is ended: any failure cancels it, and its
   * transaction with it.
   */
  Future<OpenTransaction> stage(List<Rows> rows) {
    return lane().compose(lane -> lane.run((connection, buffer) -> {
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
      try {
        write(rows, new Encoder(copy, buffer));
        copy.endCopy();
      } catch (SQLException | RuntimeException e) {
        cancel(copy);
        throw e;
      }
    }).transform(written -> {
      if (written.failed()) {
        release(lane);
        return Future.failedFuture(written.cause());
      }
      return Future.succeededFuture(new StagedCopy(lane, written.result()));
    }));
  }

  private static void cancel(CopyIn copy) {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException ignored) {
      // The lane drops its connection next, which aborts the COPY all the same.
    }
  }

  private synchronized Future<Lane> lane() {
    Lane lane = free.poll();
    if (lane != null) {
      return Future.succeededFuture(lane);
    }
    Promise<Lane> turn = Promise.promise();
    waiting.add(turn);
    return turn.future();
  }

  private void release(Lane lane) {
    Promise<Lane> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        free.push(lane);
        return;
      }
    }
    next.complete(lane);
  }

  /**
   * A COPY stored and not yet committed: its lane is held until it ends. It ends only on the connection it copied on:
   * a COMMIT on a new one would succeed with nothing stored.
   */
  private final class StagedCopy implements OpenTransaction {
    private final Lane lane;
    private final Connection copiedOn;

    StagedCopy(Lane lane, Connection copiedOn) {
      this.lane = lane;
      this.copiedOn = copiedOn;
    }

    @Override
    public Future<Void> commit() {
      return end((connection, buffer) -> connection.commit());
    }

    @Override
    public Future<Void> rollback() {
      return end((connection, buffer) -> connection.rollback());
    }

    private Future<Void> end(LaneWork end) {
      return lane.run((connection, buffer) -> {
        if (connection != copiedOn) {
          throw new SQLException("the connection of this COPY's transaction was lost");
        }
        end.run(connection, buffer);
      }).<Void>mapEmpty().andThen(ended -> release(lane));
    }
  }

  /**
   * A JDBC connection, the one thread that uses it and the buffer rows are encoded into. A failure drops the
   * connection, and the transaction open on it.
   */
  private final class Lane {
    private final ExecutorService thread;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private Connection connection;

    Lane(int index) {
      thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread copier = new Thread(runnable, "drillboard-event-copy-" + index);
        copier.setDaemon(true);
        return copier;
      });
    }

    /**
     * Does the work on the lane's thread and completes there, with the connection it ran on. It always completes, even
     * on an error or once the lane is closed: a group whose stage or commit never ended would hold every later commit.
     */
    Future<Connection> run(LaneWork work) {
      Promise<Connection> done = Promise.promise();
      try {
        thread.execute(() -> {
          try {
            Connection connection = connection();
            work.run(connection, buffer);
            done.complete(connection);
          } catch (Throwable e) {
            closeConnection();
            done.fail(e);
          }
        });
      } catch (RejectedExecutionException closed) {
        done.fail(closed);
      }
      return done.future();
    }

    private Connection connection() throws SQLException {
      if (connection == null || connection.isClosed()) {
        connection = connector.open();
        connection.setAutoCommit(false);
      }
      return connection;
    }

    private void closeConnection() {
      try {
        if (connection != null) {
          connection.close();
        }
      } catch (SQLException ignored) {
        // The connection failed already; a new one is opened for the lane's next COPY.
      }
      connection = null;
    }

    void close() {
      thread.execute(this::closeConnection);
      thread.shutdown();
    }
  }

  /** The rows in PostgreSQL's binary COPY format: a header, each row's fields with their lengths, a trailer. */
  private static void write(List<Rows> rows, Encoder out) throws SQLException {
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
    lanes.forEach(Lane::close);
  }
}
