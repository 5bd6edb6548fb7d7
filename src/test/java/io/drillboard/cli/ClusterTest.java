package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.Eventually;
import io.drillboard.support.Http;
import io.drillboard.support.LiveClient;
import io.drillboard.support.ServerProcess;
import io.drillboard.support.TestDatabase;
import io.drillboard.support.TestServer;
import io.drillboard.web.Role;
import io.drillboard.web.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three nodes, each a process of its own, on one PostgreSQL (a database of this class's own on the test server). The
 * tests run in order on one cluster: a drill used through every node, a node joining late, and the owner killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ClusterTest {
  private static final String DATABASE = "cluster_" + ProcessHandle.current().pid();

  private final Vertx vertx = Vertx.vertx();
  private final String director = new Tokens(vertx, TestServer.SECRET).issue(Role.DIRECTOR, null, "cluster-test",
      Duration.ofHours(1));
  private final String leadership = new Tokens(vertx, TestServer.SECRET).issue(Role.TEAM, "leadership",
      "group-leader", Duration.ofHours(1));
  private final List<Integer> hazelcastPorts = List.of(ServerProcess.freePort(), ServerProcess.freePort(),
      ServerProcess.freePort(), ServerProcess.freePort());
  private String dbUrl;
  private ServerProcess nodeA;
  private ServerProcess nodeB;
  private ServerProcess nodeC;
  private ServerProcess lateNode;
  private String drillId;

  @BeforeAll
  void startThreeNodes() throws Exception {
    PgConnectOptions server = TestDatabase.get().connectOptions();
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server.getHost() + ":"
        + server.getPort() + "/postgres", server.getUser(), server.getPassword());
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    dbUrl = "postgresql://" + server.getUser() + ":" + server.getPassword() + "@" + server.getHost() + ":"
        + server.getPort() + "/" + DATABASE;
    // The first node migrates the shared database; the other two join it together.
    nodeA = node("a", 0);
    ExecutorService starting = Executors.newFixedThreadPool(2);
    Future<ServerProcess> b = starting.submit(() -> node("b", 1));
    Future<ServerProcess> c = starting.submit(() -> node("c", 2));
    nodeB = b.get();
    nodeC = c.get();
    starting.shutdown();
  }

  private ServerProcess node(String name, int index) throws Exception {
    Path dataDir = Path.of("target", "test-data", "cluster-" + name + "-" + ProcessHandle.current().pid())
        .toAbsolutePath();
    TestDatabase.deleteRecursively(dataDir);
    List<String> members = hazelcastPorts.stream().map(port -> "127.0.0.1:" + port).toList();
    return ServerProcess.start(dataDir, ServerProcess.freePort(), List.of("--db-url", dbUrl, "--cluster",
        "--cluster-port", String.valueOf(hazelcastPorts.get(index)), "--cluster-members", String.join(",", members),
        "--node-name", name));
  }

  @AfterAll
  void stopNodes() throws Exception {
    for (ServerProcess node : new ServerProcess[] {lateNode, nodeC, nodeB, nodeA}) {
      if (node != null) {
        node.close();
      }
    }
    vertx.close().await();
  }

  @Test
  @Order(1)
  void injectThroughOneNodeWatchOnAnotherActThroughAThird() throws Exception {
    try (Http a = new Http(nodeA.port()); Http b = new Http(nodeB.port()); Http c = new Http(nodeC.port());
        LiveClient onC = new LiveClient(); LiveClient onA = new LiveClient()) {
      // Created through B, the drill runs on B: injections through A and viewers on A and C all cross the bus.
      drillId = CrashChecks.runningDrill(b, director);
      assertThat(onC.connect(nodeC.port(), live(""))).isEqualTo(101);
      assertThat(onA.connect(nodeA.port(), live(""))).isEqualTo(101);
      Stream streamOnC = Stream.from(onC.next(30).frame());
      Stream streamOnA = Stream.from(onA.next(30).frame());

      for (int i = 0; i < 20; i++) {
        assertThat(a.post(events(), director, "{\"id\":\"obs-" + i + "\",\"type\":\"observation\","
            + "\"payload\":{\"text\":\"网点排队 " + i + "\"}}").statusCode()).isEqualTo(202);
      }
      // The director brings detection forward through A; the leading group acknowledges its task through C (the
      // action crosses the bus to B) and starts it through B.
      assertThat(a.post("/api/v1/drills/" + drillId + "/injects/detection/fire", director, null).statusCode())
          .isEqualTo(200);
      assertThat(c.post(task("activate-plan", "ack"), leadership, null).statusCode()).isEqualTo(200);
      assertThat(b.post(task("activate-plan", "start"), leadership, null).statusCode()).isEqualTo(200);
      long last = c.json(c.get("/api/v1/drills/" + drillId, director)).getLong("seq");

      streamOnC.readUntil(onC, last);
      streamOnA.readUntil(onA, last);
      List<JsonObject> stored = c.json(c.get(events() + "?after=0&limit=10000", director)).getJsonArray("events")
          .stream().map(JsonObject.class::cast).toList();
      assertThat(stored).extracting(e -> e.getLong("seq")).startsWith(1L, 2L, 3L).doesNotHaveDuplicates().isSorted();
      assertThat(stored.get(stored.size() - 1).getLong("seq")).isGreaterThanOrEqualTo(last);
      assertThat(stored).filteredOn(e -> "observation".equals(e.getString("type"))).hasSize(20);
      assertThat(stored).filteredOn(e -> "task.acknowledged".equals(e.getString("type"))).hasSize(1);
      assertThat(stored).filteredOn(e -> "task.started".equals(e.getString("type"))).hasSize(1);
      // Every node answers alike: the same events through A as through C.
      assertThat(a.json(a.get(events() + "?after=0&limit=10000", director)).getJsonArray("events").stream()
          .limit(stored.size()).toList()).isEqualTo(stored);
    }
  }

  @Test
  @Order(2)
  void aNodeJoiningLateServesTheSnapshotAtOnce() throws Exception {
    try (Http b = new Http(nodeB.port())) {
      long before = b.json(b.get("/api/v1/drills/" + drillId, director)).getLong("seq");
      lateNode = node("d", 3);
      try (LiveClient onD = new LiveClient()) {
        assertThat(onD.connect(lateNode.port(), live(""))).isEqualTo(101);
        JsonObject first = onD.next(30).frame();
        assertThat(first.getString("type")).isEqualTo("snapshot");
        assertThat(first.getLong("seq")).isGreaterThanOrEqualTo(before);
        assertThat(first.getString("state")).isEqualTo("running");
      }
    }
  }

  @Test
  @Order(3)
  void killingTheOwnerHandsTheDrillToAnotherNodeLosingNothing() throws Exception {
    Path ackedLog = Path.of("target", "test-data", "cluster-acked-" + ProcessHandle.current().pid() + ".txt")
        .toAbsolutePath();
    try (Http a = new Http(nodeA.port()); Http c = new Http(nodeC.port()); LiveClient onC = new LiveClient();
        LiveClient onB = new LiveClient()) {
      assertThat(onC.connect(nodeC.port(), live(""))).isEqualTo(101);
      assertThat(onB.connect(nodeB.port(), live(""))).isEqualTo(101);
      Stream streamOnC = Stream.from(onC.next(30).frame());
      Stream streamOnB = Stream.from(onB.next(30).frame());

      CompletableFuture<LoadRun.Summary> load = CrashChecks.loadInBackground(new LoadRun.Plan(nodeA.url(), director,
          drillId, 400, Duration.ofSeconds(10), 10, 0, 8, ackedLog));
      // The owner is killed under load: once acknowledged events reach the log (8 KB at a time), more on their way.
      Eventually.until("events acknowledged", Duration.ofSeconds(30), () -> Files.size(ackedLog) > 0);
      assertThat(lockHolders()).as("created through B, the drill runs on B").extracting(Holder::node)
          .containsExactly("drillboard locks b");
      int ackedBeforeKill = Files.readAllLines(ackedLog).size();
      Timed beforeKill = Timed.get(a, "/api/v1/drills/" + drillId, director);
      long killedAt = System.currentTimeMillis();
      nodeB.kill();
      // A screen on C reads the drill while no node runs it: reads never ask the drill's owner.
      assertThat(c.get("/api/v1/drills/" + drillId, director).statusCode()).as("read with no owner").isEqualTo(200);
      awaitNewOwner();
      System.out.printf("Takeover: another node ran the drill %d ms after its owner was killed%n",
          System.currentTimeMillis() - killedAt);
      assertThat(lockHolders()).as("one new owner").extracting(Holder::node).hasSize(1)
          .doesNotContain("drillboard locks b");

      LoadRun.Summary summary = load.get();
      System.out.println("Load across the takeover: " + summary.toJson().encode());
      assertThat(Files.readAllLines(ackedLog)).as("events acknowledged after the kill too").hasSizeGreaterThan(
          ackedBeforeKill);
      CrashChecks.assertNothingAcknowledgedLost(a, drillId, director, ackedLog);

      // The clock went on where wall time puts it (60x) across the takeover, not where the dead owner left it.
      Timed after = Timed.get(c, "/api/v1/drills/" + drillId, director);
      assertThat(after.body().getString("state")).isEqualTo("running");
      // (Sim time in ms; each snapshot is taken somewhere between its request's send and answer, 0.1 s of slack.)
      long simElapsed = after.body().getLong("simTime") - beforeKill.body().getLong("simTime");
      assertThat(simElapsed).isBetween((after.sentAt() - beforeKill.answeredAt() - 100) * 60,
          (after.answeredAt() - beforeKill.sentAt() + 100) * 60);

      long last = a.json(a.get("/api/v1/drills/" + drillId, director)).getLong("seq");
      // The viewer on C never lost its socket: it saw the takeover with no gap and no repeat.
      streamOnC.readUntil(onC, last);
      // The viewer on B lost its node: it reconnects to A after what it has, and misses nothing either.
      streamOnB.drain(onB);
      try (LiveClient again = new LiveClient()) {
        assertThat(again.connect(nodeA.port(), live("&after=" + streamOnB.covered))).isEqualTo(101);
        streamOnB.readUntil(again, last);
      }
    }
  }

  @Test
  @Order(4)
  void aNodeThatLosesItsLocksStopsItsDrillsAndOneNodeRunsThemAgain() throws Exception {
    Path ackedLog = Path.of("target", "test-data", "cluster-lost-" + ProcessHandle.current().pid() + ".txt")
        .toAbsolutePath();
    try (Http a = new Http(nodeA.port()); LiveClient onC = new LiveClient()) {
      List<Holder> owner = lockHolders();
      assertThat(owner).hasSize(1);
      assertThat(onC.connect(nodeC.port(), live(""))).isEqualTo(101);
      Stream streamOnC = Stream.from(onC.next(30).frame());
      CompletableFuture<LoadRun.Summary> load = CrashChecks.loadInBackground(new LoadRun.Plan(nodeA.url(), director,
          drillId, 200, Duration.ofSeconds(8), 10, 0, 8, ackedLog));
      // The locks go under load: once acknowledged events reach the log (8 KB at a time), more on their way.
      Eventually.until("events acknowledged", Duration.ofSeconds(30), () -> Files.size(ackedLog) > 0);
      // The owner's locks' connection ends (as when the network drops it): its drill must stop there at once.
      try (Connection admin = admin(); Statement statement = admin.createStatement();
          ResultSet ended = statement.executeQuery("SELECT pg_terminate_backend(" + owner.get(0).pid() + ")")) {
        assertThat(ended.next() && ended.getBoolean(1)).as("the owner's locks' connection ended").isTrue();
      }
      LoadRun.Summary summary = load.get();
      System.out.println("Load across the lost locks: " + summary.toJson().encode());
      Eventually.await("one holder of the drill's lock", Duration.ofSeconds(30), Duration.ofMillis(100),
          this::lockHolders, holders -> holders.size() == 1);
      assertThat(lockHolders()).as("one node runs the drill again, on a new locks' connection").hasSize(1)
          .extracting(Holder::pid).doesNotContain(owner.get(0).pid());
      CrashChecks.assertNothingAcknowledgedLost(a, drillId, director, ackedLog);
      streamOnC.readUntil(onC, a.json(a.get("/api/v1/drills/" + drillId, director)).getLong("seq"));
    }
  }

  /** Until one node other than B holds the drill's lock: B's session ends with its process, then a node claims it. */
  private void awaitNewOwner() throws Exception {
    // Waiting on other processes (PostgreSQL noticing B is gone, a node's claim every 2 s): nothing to drive.
    Eventually.await("a node other than B running the drill", Duration.ofSeconds(60), Duration.ofMillis(100),
        this::lockHolders, holders -> holders.size() == 1 && !holders.get(0).node().equals("drillboard locks b"));
  }

  private record Holder(String node, int pid) {
  }

  /** The holders of the drill locks in this class's database. */
  private List<Holder> lockHolders() throws SQLException {
    try (Connection admin = admin(); Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT a.application_name, a.pid FROM pg_locks l JOIN "
            + "pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND a.datname = '"
            + DATABASE + "'")) {
      List<Holder> holders = new ArrayList<>();
      while (rows.next()) {
        holders.add(new Holder(rows.getString(1), rows.getInt(2)));
      }
      return holders;
    }
  }

  private static Connection admin() throws SQLException {
    PgConnectOptions server = TestDatabase.get().connectOptions();
    return DriverManager.getConnection("jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/"
        + DATABASE, server.getUser(), server.getPassword());
  }

  /** An answer and when its request went out and came back. */
  private record Timed(JsonObject body, long sentAt, long answeredAt) {
    static Timed get(Http http, String path, String token) {
      long sentAt = System.currentTimeMillis();
      JsonObject body = http.json(http.get(path, token));
      return new Timed(body, sentAt, System.currentTimeMillis());
    }
  }

  private String live(String query) {
    return "/api/v1/drills/" + drillId + "/live?token=" + director + query;
  }

  private String events() {
    return "/api/v1/drills/" + drillId + "/events";
  }

  private String task(String taskId, String action) {
    return "/api/v1/drills/" + drillId + "/tasks/" + taskId + "/" + action;
  }

  /** What a viewer has been sent: contiguous frames, each starting right after the last seq it had. */
  private static final class Stream {
    private long covered;

    static Stream from(JsonObject snapshot) {
      assertThat(snapshot.getString("type")).isEqualTo("snapshot");
      Stream stream = new Stream();
      stream.covered = snapshot.getLong("seq");
      return stream;
    }

    void readUntil(LiveClient viewer, long seq) throws InterruptedException {
      while (covered < seq) {
        accept(viewer.next(30).frame());
      }
    }

    /**
     * Takes the frames a viewer whose node died had received: all that came before its socket closed (with no close
     * frame, 1006), which were queued before the close, on the socket's event loop.
     */
    void drain(LiveClient viewer) throws Exception {
      assertThat(viewer.closedWith(30)).as("the dead node's socket").isEqualTo((short) 1006);
      for (LiveClient.Received received = viewer.poll(0); received != null; received = viewer.poll(0)) {
        accept(received.frame());
      }
    }

    private void accept(JsonObject frame) {
      assertThat(frame.getString("type")).as("frames after the snapshot").isEqualTo("delta");
      assertThat(frame.getLong("fromSeq")).as("no gap, no repeat after seq " + covered).isEqualTo(covered + 1);
      covered = frame.getLong("toSeq");
    }
  }
}
