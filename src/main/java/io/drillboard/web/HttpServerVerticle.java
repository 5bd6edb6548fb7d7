package io.drillboard.web;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.drillboard.runtime.Drills;
import io.drillboard.runtime.LocalDrills;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.config.ServerConfig;
import io.drillboard.metrics.DrillboardMetrics;
import io.drillboard.store.EventReader;
import io.drillboard.store.EventStore;
import io.drillboard.store.ScenarioStore;
import io.drillboard.view.DrillViews;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The HTTP face of Drillboard: the versioned JSON API under /api/v1, /health, and the pages in webroot/. One instance
 * per core shares the port, so parsing, token checks and the live fan-out use every core.
 */
public final class HttpServerVerticle extends VerticleBase {
  static final String API = "/api/v1";
  private static final int MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;
  /** A view of a drill that nobody follows or has read for this long is let go (read again, it is folded anew). */
  private static final long VIEW_KEPT_IDLE_MS = 60_000;

  private final ServerConfig config;
  private final DrillViews views;
  /** Every read of the drills' events; the web layer never writes to the log itself. */
  private final EventReader events;
  private final IntSupplier pendingEvents;
  private final ScenarioStore scenarios;
  private final ScenarioCatalog catalog;
  private final Tokens tokens;
  private final DrillboardMetrics metrics;
  private final IngestLimiter limiter;
  private final LiveQuota quota;
  private final ConnectionQuota connections;
  private final InstantSource clock;
  private final LocalDrills localDrills;
  private HttpServer server;

  HttpServerVerticle(ServerConfig config, EventReader events, IntSupplier pendingEvents, ScenarioStore scenarios,
      ScenarioCatalog catalog, Tokens tokens, DrillboardMetrics metrics, IngestLimiter limiter, LiveQuota quota,
      ConnectionQuota connections, DrillViews views, InstantSource clock, LocalDrills localDrills) {
    this.views = views;
    this.localDrills = localDrills;
    this.metrics = metrics;
    this.config = config;
    this.events = events;
    this.pendingEvents = pendingEvents;
    this.scenarios = scenarios;
    this.catalog = catalog;
    this.tokens = tokens;
    this.limiter = limiter;
    this.quota = quota;
    this.connections = connections;
    this.clock = clock;
  }

  /** Deploys one instance per core; completes with the port they listen on. */
  public static Future<Integer> deploy(Vertx vertx, ServerConfig config, EventStore events, ScenarioStore scenarios,
      ScenarioCatalog catalog, Tokens tokens, DrillboardMetrics metrics, InstantSource clock, LocalDrills localDrills) {
    IngestLimiter limiter = new IngestLimiter(config.ingestRateLimit());
    LiveQuota quota = new LiveQuota(config.guard().liveStreamsPerToken());
    ConnectionQuota connections = new ConnectionQuota(config.guard().connectionsPerToken());
    // The node's views of the drills: every read is answered from them, none from a drill's engine.
    DrillViews views = new DrillViews(vertx, events.reader(), clock::millis, VIEW_KEPT_IDLE_MS);
    List<HttpServerVerticle> instances = new CopyOnWriteArrayList<>();
    Supplier<HttpServerVerticle> next = () -> {
      HttpServerVerticle instance = new HttpServerVerticle(config, events.reader(), events.writer()::pendingEvents,
          scenarios, catalog, tokens, metrics, limiter, quota, connections, views, clock, localDrills);
      instances.add(instance);
      return instance;
    };
    return vertx.deployVerticle(next, new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
        .map(id -> instances.get(0).server.actualPort());
  }

  @Override
  public Future<?> start() {
    ServerConfig.Guard guard = config.guard();
    HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true)
        .setWebSocketSubProtocols(List.of(LiveHub.SUBPROTOCOL))
        .setMaxHeaderSize(guard.maxHeaderBytes())
        .setIdleTimeout((int) Math.max(1, guard.idleTimeout().toSeconds())).setIdleTimeoutUnit(TimeUnit.SECONDS)
        // Viewers send only small controls: a larger message closes that socket (1009) and no other.
        .setMaxWebSocketMessageSize(MAX_CLIENT_MESSAGE_BYTES)
        // permessage-deflate (RFC 7692), which browsers offer, compresses each viewer's frames on its own connection;
        // per-frame compression is an obsolete draft no browser speaks.
        .setPerMessageWebSocketCompressionSupported(config.live().deflate())
        .setPerFrameWebSocketCompressionSupported(false)
        // HTTP/1.1 only, as over TLS (no ALPN): an h2c upgrade stream that closes trips vertx-micrometer's
        // request-reset metric (a NullPointerException logged by Netty), and no page or tool needs HTTP/2.
        .setHttp2ClearTextEnabled(false);
    guard.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(tls.cert().toString()).setKeyPath(tls.key().toString())));
    server = vertx.createHttpServer(options);
    return server.requestHandler(router()).listen(config.port(), config.host());
  }

  Router router() {
    Router router = Router.router(vertx);
    HealthApi health = new HealthApi(events, pendingEvents);
    ScenarioApi scenarioApi = new ScenarioApi(catalog, scenarios);
    Drills toDrills = new Drills(vertx, clock, localDrills);
    DrillApi drills = new DrillApi(toDrills, events, catalog, limiter, views);

    ServerConfig.Guard guard = config.guard();
    OriginPolicy origins = new OriginPolicy(guard.allowedOrigins());
    LiveHub live = new LiveHub(vertx, views, events, tokens, config.live().queueBytes(), metrics, origins, quota,
        clock);

    // Handlers of one route run one after another; the path is matched once for all of them.
    router.route().handler(this::countResponse).handler(SecurityHeaders::add).handler(origins::cors);
    router.get("/health").handler(health::check);
    guard.metricsToken().ifPresent(token -> router.get("/metrics").handler(new ScrapeToken(token)));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics.registry()));
    // The live stream authenticates its own way (browsers cannot send Authorization on a WebSocket).
    router.get(API + "/drills/:drillId/live").handler(live::connect);
    // A report opened in a browser tab or printed by a headless browser carries its token in the query: the pages put
    // a short-lived report link's token there (ReportLinks), never their own.
    ReportLinks reportLinks = new ReportLinks(tokens, clock);
    router.get(API + "/drills/:drillId/report").handler(reportLinks::fromAddress);
    // A request must be done in time: a sender trickling its body is cut off with 408.
    // Authenticate before reading a body: a caller without a token never gets to upload 10 MB. Vert.x allows no body
    // handler after an application's own handler on one route, so the body is read on a route of its own.
    // The token is checked by the clock Vert.x's JWT check reads, the system's, whatever clock the drills run on.
    router.route(API + "/*").handler(TimeoutHandler.create(guard.requestTimeout().toMillis(), 408))
        .handler(new BearerTokens(tokens.auth(), InstantSource.system())::authenticate)
        .handler(ReportLinks::confine)
        .handler(connections::admit);
    router.route(API + "/*").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));

    ApiRoutes api = new ApiRoutes(router);
    // The router tries routes in order, a path pattern each: the load testers' routes come first.
    api.guarded(POST, API + "/drills/:drillId/events", drills::inject, Role.DIRECTOR, Role.INJECTOR);
    api.guarded(POST, API + "/drills/:drillId/events/batch", drills::injectBatch, Role.DIRECTOR, Role.INJECTOR);
    api.open(GET, API + "/scenarios", scenarioApi::list);
    api.open(GET, API + "/scenarios/:scenarioId", scenarioApi::get);
    api.guarded(POST, API + "/scenarios", scenarioApi::post, Role.DIRECTOR);

    api.open(GET, API + "/drills", drills::list);
    api.guarded(POST, API + "/drills", drills::create, Role.DIRECTOR);
    api.open(GET, API + "/drills/:drillId", drills::get);
    api.guarded(POST, API + "/drills/:drillId/start", drills::start, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/pause", drills::pause, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/resume", drills::resume, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/stop", drills::stop, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/archive", drills::archive, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/unarchive", drills::unarchive, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/broadcasts", drills::broadcast, Role.DIRECTOR);
    api.guarded(PUT, API + "/drills/:drillId/speed", drills::speed, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/injects", drills::addInject, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/injects/:injectId/fire", drills::fireInject, Role.DIRECTOR);
    api.open(GET, API + "/drills/:drillId/events", drills::events);
    api.guarded(POST, API + "/drills/:drillId/tasks/:taskId/ack", drills::ack, Role.DIRECTOR, Role.TEAM);
    api.guarded(POST, API + "/drills/:drillId/tasks/:taskId/start", drills::startTask, Role.DIRECTOR, Role.TEAM);
    api.guarded(POST, API + "/drills/:drillId/tasks/:taskId/done", drills::done, Role.DIRECTOR, Role.TEAM);
    AssessmentApi assessment = new AssessmentApi(toDrills, views);
    api.guarded(POST, API + "/drills/:drillId/ratings", assessment::rate, Role.EVALUATOR, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/notes", assessment::note, Role.EVALUATOR, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/lessons", assessment::lesson, Role.EVALUATOR, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/actions", assessment::action, Role.EVALUATOR, Role.DIRECTOR);
    api.guarded(POST, API + "/drills/:drillId/retractions", assessment::retract, Role.EVALUATOR, Role.DIRECTOR);
    ImprovementPlanApi plan = new ImprovementPlanApi(events, toDrills, views);
    api.open(GET, API + "/drills/:drillId/earlier-actions", plan::list);
    api.guarded(POST, API + "/drills/:drillId/earlier-actions/close", plan::close, Role.EVALUATOR, Role.DIRECTOR);
    ReportApi reports = new ReportApi(events);
    api.open(GET, API + "/drills/:drillId/report", reports::report);
    api.open(POST, API + "/drills/:drillId/report-links", reportLinks::issue);
    api.open(GET, API + "/compare", reports::compare);
    api.guarded(POST, API + "/tokens", new TokenApi(tokens, clock)::issue, Role.DIRECTOR);
    router.route(API + "/*").handler(api::unmatched);

    String echarts = Vendor.echartsWebjarPath();
    router.get(Vendor.ECHARTS_PATH).handler(ctx -> ctx.reroute(echarts));
    router.get("/webjars/*").handler(StaticHandler.create(FileSystemAccess.RELATIVE, "META-INF/resources/webjars")
        .setMaxAgeSeconds(86_400));
    router.route().handler(StaticHandler.create(FileSystemAccess.RELATIVE, "webroot").setMaxAgeSeconds(60));
    router.route().failureHandler(Problems::onFailure);
    router.errorHandler(404, ctx -> Problems.send(ctx, 404, "there is nothing at this address", List.of(), null));
    return router;
  }

  /** Counts each response once it is sent, whichever handler answered (HttpMeters). */
  private void countResponse(RoutingContext ctx) {
    ctx.addEndHandler(ended -> metrics.http().responded(ctx.request().method().name(),
        ctx.response().getStatusCode()));
    ctx.next();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
