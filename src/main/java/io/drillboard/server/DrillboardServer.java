package io.drillboard.server;

import io.drillboard.config.ServerConfig;
import io.drillboard.runtime.CommandCodec;
import io.drillboard.runtime.LocalDrills;
import io.drillboard.runtime.DrillManager;
import io.drillboard.runtime.Ownership;
import io.drillboard.metrics.DrillboardMetrics;
import io.drillboard.metrics.VertxMetrics;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.scenario.ScenarioInvalidException;
import io.drillboard.scenario.ScenarioParser;
import io.drillboard.store.Database;
import io.drillboard.store.EventStore;
import io.drillboard.store.EventWriter;
import io.drillboard.view.DeltaWriter;
import io.drillboard.store.ScenarioStore;
import io.drillboard.web.HttpServerVerticle;
import io.drillboard.web.Tokens;
import io.vertx.core.Future;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a server together: database (migrated), event store, scenario catalog, drill manager (which resumes unfinished
 * drills) and the HTTP server. One instance per process; tests start several in turn on one embedded database.
 */
public final class DrillboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DrillboardServer.class);

  private final Vertx vertx;
  private final Database database;
  private final boolean ownsDatabase;
  private final Tokens tokens;
  private final int port;
  private final EventStore events;

  private DrillboardServer(Vertx vertx, Database database, boolean ownsDatabase, Tokens tokens, int port,
      EventStore events) {
    this.events = events;
    this.vertx = vertx;
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.tokens = tokens;
    this.port = port;
  }

  /** Starts a server with its own database (embedded unless the config names one); blocks until it listens. */
  public static DrillboardServer start(ServerConfig config) {
    Database database = Database.open(config.dbUrl(), config.dataDir());
    try {
      return start(config, database, true, InstantSource.system());
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Starts a server on a database that the caller owns and closes, with {@code clock} as the one wall clock that the
   * drills run on and every view reads.
   */
  public static DrillboardServer start(ServerConfig config, Database database, boolean ownsDatabase,
      InstantSource clock) {
    database.migrate();
    // Vert.x first: it sets its label filters on the registry, which must come before any meter is registered.
    PrometheusMeterRegistry registry = DrillboardMetrics.newRegistry(config.nodeName());
    Node node = join(config, registry);
    Vertx vertx = node.vertx();
    DrillboardMetrics metrics = new DrillboardMetrics(registry, config.metricsRetention(), clock);
    try {
      vertx.eventBus().registerCodec(new CommandCodec());
      Tokens tokens = new Tokens(vertx, JwtSecret.resolve(config.jwtSecret(), config.dataDir()),
          config.guard().trust());
      Pool writer = pool(vertx, database, "drillboard-writer", EventWriter.CONNECTIONS);
      Pool reader = pool(vertx, database, "drillboard-reader", 8);
      EventStore events = new EventStore(vertx, writer, reader, config.ingestQueueLimit(), metrics, database,
          EventWriter.COPY_FROM);
      metrics.bind(vertx, events.writer()::pendingEvents);
      ScenarioStore scenarios = new ScenarioStore(reader);
      LocalDrills localDrills = new LocalDrills();
      ScenarioCatalog catalog = ScenarioCatalog.withDefault();
      catalog.loadDirectory(config.dataDir().resolve("scenarios"));
      int port = scenarios.sources()
          .onSuccess(sources -> sources.forEach(source -> addPosted(catalog, source)))
          .compose(v -> vertx.deployVerticle(new DrillManager(events, catalog, metrics, node.id()
              .map(id -> Ownership.locked(vertx, lockConnection(database, config.nodeName()), id))
              .orElseGet(Ownership::alone), config.metricsRetention(), DeltaWriter::new, clock, localDrills)))
          .compose(v -> HttpServerVerticle.deploy(vertx, config, events, scenarios, catalog, tokens, metrics, clock,
              localDrills))
          .await();
      return new DrillboardServer(vertx, database, ownsDatabase, tokens, port, events);
    } catch (RuntimeException e) {
      vertx.close().await();
      throw e;
    }
  }

  /**
   * A pool named for its metrics (pool and SQL client alike): two pools under the default names would register the
   * same gauges twice, and Micrometer warns of it on every start.
   */
  private static Pool pool(Vertx vertx, Database database, String name, int size) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(size).setName(name))
        .connectingTo(new PgConnectOptions(database.connectOptions()).setMetricsName(name)).using(vertx).build();
  }

  /** The locks' connection names its node, so that pg_stat_activity shows which node holds which drills. */
  private static PgConnectOptions lockConnection(Database database, String nodeName) {
    return new PgConnectOptions(database.connectOptions()).addProperty("application_name",
        "drillboard locks " + nodeName);
  }

  /** The Vert.x of this node and, in a cluster, its id on the event bus. */
  private record Node(Vertx vertx, Optional<String> id) {
  }

  /** Alone, a plain Vert.x; in a cluster, one joined to the others through Hazelcast (blocks until joined). */
  private static Node join(ServerConfig config, PrometheusMeterRegistry registry) {
    // One event loop per core, not Vert.x's two: a request hops from its HTTP loop to its drill's and to the store's,
    // and with twice as many busy threads as cores those hops were thread switches. On two cores a single event then
    // took about a fifth less of the server's CPU (bench/RESULTS.md, 2026-12-06 day).
    VertxOptions options = new VertxOptions().setMetricsOptions(VertxMetrics.options())
        .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors());
    VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry));
    if (config.cluster().isEmpty()) {
      return new Node(builder.with(options).build(), Optional.empty());
    }
    ServerConfig.Cluster cluster = config.cluster().get();
    options.setEventBusOptions(new EventBusOptions().setHost(cluster.host()).setPort(cluster.busPort()));
    HazelcastClusterManager manager = HazelcastSetup.manager(cluster);
    Vertx vertx = builder.with(options).withClusterManager(manager).buildClustered().await();
    HazelcastSetup.announceDepartures(manager, vertx);
    LOG.info("Node {} joined the cluster as {} on {}:{}", config.nodeName(), manager.getNodeId(), cluster.host(),
        cluster.port());
    return new Node(vertx, Optional.of(manager.getNodeId()));
  }

  private static void addPosted(ScenarioCatalog catalog, String source) {
    try {
      Scenario scenario = ScenarioParser.parse(source);
      if (!catalog.addPosted(scenario)) {
        LOG.warn("Skipping the posted scenario \"{}\": a file or the built-in scenario has its id", scenario.id());
      }
    } catch (ScenarioInvalidException e) {
      LOG.warn("Skipping a stored scenario that no longer validates: {}", e.getMessage());
    }
  }

  public int port() {
    return port;
  }

  public Tokens tokens() {
    return tokens;
  }

  public boolean embeddedDatabase() {
    return database.embedded();
  }

  @Override
  public void close() {
    // Verticles before the pools (Vert.x closes these first): drills finish their commits, then give up their locks.
    Future.join(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()).otherwiseEmpty().await();
    vertx.close().await();
    events.close();
    if (ownsDatabase) {
      database.close();
    }
  }
}
