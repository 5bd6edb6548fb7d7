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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes large groups of events with binary COPY, PostgreSQL's bulk load, which the reactive client does not speak
 * (eclipse-vertx/vertx-sql-client#1696): through pgjdbc's CopyManager, off the event loops.
 *
 * <p>A COPY runs in a transaction left open ({@link OpenTransaction}), so that the next group's COPY can run while
 * the one before waits for its turn to commit, as the writer's INSERTs do. Each open COPY holds a lane, a JDBC
 * connection with the one thread that uses it, until it commits or rolls back; a commit never queues behind another
 * group's COPY on a shared thread. A COPY that finds every lane held waits for one.
 */
final class EventCopy implements AutoCloseable {
  /** What opens a JDBC connection to the event store's database. */
  interface Connector {
    Connection open() throws SQLException;
  }

  /** Work a lane does on its connection. */
  private interface LaneWork {
    void run(Connection connection) throws SQLException, IOException;
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
   * Writes the rows in one COPY, streamed to the server as they are encoded, in a transaction left open; completes (on
   * the lane's thread) once they are written. Only a COPY written whole is ended: any failure cancels it, and its
   * transaction with it.
   */
  Future<OpenTransaction> stage(List<Rows> rows) {
    return lane().compose(lane -> lane.run(connection -> {
      PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY,
          STREAM_BUFFER_BYTES);
      try {
        write(rows, new DataOutputStream(new BufferedOutputStream(stream, STREAM_BUFFER_BYTES)));
        stream.endCopy();
      } catch (IOException | SQLException | RuntimeException e) {
        cancel(stream);
        throw e;
      }
    }).transform(written -> {
      if (written.failed()) {
        release(lane);
        return Future.failedFuture(written.cause());
      }
      return Future.succeededFuture(new StagedCopy(lane));
    }));
  }

  private static void cancel(PGCopyOutputStream stream) {
    try {
      if (stream.isActive()) {
        stream.cancelCopy();
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

  /** A COPY written and not yet committed: its lane is held until it ends. */
  private final class StagedCopy implements OpenTransaction {
    private final Lane lane;

    StagedCopy(Lane lane) {
      this.lane = lane;
    }

    @Override
    public Future<Void> commit() {
      return lane.run(Connection::commit).andThen(ended -> release(lane));
    }

    @Override
    public Future<Void> rollback() {
      return lane.run(Connection::rollback).andThen(ended -> release(lane));
    }
  }

  /** A JDBC connection and the one thread that uses it. A failure drops the connection (and its transaction). */
  private final class Lane {
    private final ExecutorService thread;
    private Connection connection;

    Lane(int index) {
      thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread copier = new Thread(runnable, "drillboard-event-copy-" + index);
        copier.setDaemon(true);
        return copier;
      });
    }

    /** Does the work on the lane's thread; completes there. */
    Future<Void> run(LaneWork work) {
      Promise<Void> done = Promise.promise();
      thread.execute(() -> {
        try {
          work.run(connection());
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
    lanes.forEach(Lane::close);
  }
}
