package io.drillboard.web;

import io.drillboard.drill.Drills;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.server.ServerConfig;
import io.drillboard.store.EventStore;
import io.drillboard.store.ScenarioStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;

/** The HTTP face of Drillboard: the versioned JSON API under /api/v1, /health, and the pages in webroot/. */
public final class HttpServerVerticle extends VerticleBase {
  private static final String API = "/api/v1";

  private final ServerConfig config;
  private final EventStore events;
  private final ScenarioStore scenarios;
  private final ScenarioCatalog catalog;
  private final Tokens tokens;
  private HttpServer server;

  public HttpServerVerticle(ServerConfig config, EventStore events, ScenarioStore scenarios, ScenarioCatalog catalog,
      Tokens tokens) {
    this.config = config;
    this.events = events;
    this.scenarios = scenarios;
    this.catalog = catalog;
    this.tokens = tokens;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true));
    return server.requestHandler(router()).listen(config.port(), config.host());
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  public int actualPort() {
    return server.actualPort();
  }

  Router router() {
    Router router = Router.router(vertx);
    HealthApi health = new HealthApi(events);
    ScenarioApi scenarioApi = new ScenarioApi(catalog, scenarios);
    DrillApi drills = new DrillApi(new Drills(vertx.eventBus()), events, catalog);

    router.get("/health").handler(health::check);
    // Authenticate before reading a body: a caller without a token never gets to upload 10 MB.
    router.route(API + "/*").handler(JWTAuthHandler.create(tokens.auth()));
    router.route(API + "/*").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));

    router.get(API + "/scenarios").handler(scenarioApi::list);
    router.get(API + "/scenarios/:scenarioId").handler(scenarioApi::get);
    router.post(API + "/scenarios").handler(Caller.requireRole(Role.DIRECTOR)).handler(scenarioApi::post);

    router.get(API + "/drills").handler(drills::list);
    router.post(API + "/drills").handler(Caller.requireRole(Role.DIRECTOR)).handler(drills::create);
    router.get(API + "/drills/:drillId").handler(drills::get);
    router.post(API + "/drills/:drillId/start").handler(Caller.requireRole(Role.DIRECTOR)).handler(drills::start);
    router.post(API + "/drills/:drillId/pause").handler(Caller.requireRole(Role.DIRECTOR)).handler(drills::pause);
    router.post(API + "/drills/:drillId/resume").handler(Caller.requireRole(Role.DIRECTOR)).handler(drills::resume);
    router.post(API + "/drills/:drillId/stop").handler(Caller.requireRole(Role.DIRECTOR)).handler(drills::stop);
    router.put(API + "/drills/:drillId/speed").handler(Caller.requireRole(Role.DIRECTOR)).handler(drills::speed);
    router.post(API + "/drills/:drillId/injects").handler(Caller.requireRole(Role.DIRECTOR))
        .handler(drills::addInject);
    router.post(API + "/drills/:drillId/injects/:injectId/fire").handler(Caller.requireRole(Role.DIRECTOR))
        .handler(drills::fireInject);
    router.post(API + "/drills/:drillId/events").handler(Caller.requireRole(Role.DIRECTOR, Role.INJECTOR))
        .handler(drills::inject);
    router.post(API + "/drills/:drillId/events/batch").handler(Caller.requireRole(Role.DIRECTOR, Role.INJECTOR))
        .handler(drills::injectBatch);
    router.get(API + "/drills/:drillId/events").handler(drills::events);
    router.post(API + "/drills/:drillId/tasks/:taskId/ack").handler(Caller.requireRole(Role.DIRECTOR, Role.TEAM))
        .handler(drills::ack);
    router.post(API + "/drills/:drillId/tasks/:taskId/start").handler(Caller.requireRole(Role.DIRECTOR, Role.TEAM))
        .handler(drills::startTask);
    router.post(API + "/drills/:drillId/tasks/:taskId/done").handler(Caller.requireRole(Role.DIRECTOR, Role.TEAM))
        .handler(drills::done);

    router.route().handler(StaticHandler.create(FileSystemAccess.RELATIVE, "webroot"));
    router.route().failureHandler(Problems::onFailure);
    router.errorHandler(404, ctx -> Problems.send(ctx, 404, "there is nothing at this address", List.of(), null));
    router.errorHandler(405, ctx -> Problems.send(ctx, 405, "this method is not allowed here", List.of(), null));
    return router;
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
