package io.drillboard.web;

import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.scenario.ScenarioCatalog.Origin;
import io.drillboard.view.ScenarioView;
import io.drillboard.scenario.ScenarioParser;
import io.drillboard.store.ScenarioStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Listing, reading and posting scenarios. A posted scenario is validated whole before anything is stored. */
final class ScenarioApi {
  private final ScenarioCatalog catalog;
  private final ScenarioStore store;

  ScenarioApi(ScenarioCatalog catalog, ScenarioStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  void list(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    catalog.all().forEach(e -> list.add(ScenarioView.summary(e.scenario(), origin(e.origin()))));
    Json.send(ctx, 200, new JsonObject().put("scenarios", list));
  }

  void get(RoutingContext ctx) {
    String id = ctx.pathParam("scenarioId");
    Scenario scenario = catalog.get(id)
        .orElseThrow(() -> new ProblemException(404, "no scenario has the id \"" + id + "\"", List.of()));
    Json.send(ctx, 200, ScenarioView.full(scenario, origin(catalog.origin(id).orElseThrow())));
  }

  /** Takes the YAML as the body (any text type), or JSON {"source": "...yaml..."}. */
  void post(RoutingContext ctx) {
    String source = source(ctx);
    Scenario scenario = ScenarioParser.parse(source);
    catalog.origin(scenario.id()).filter(o -> o != Origin.API).ifPresent(o -> {
      throw new ProblemException(409, "the id \"" + scenario.id() + "\" belongs to a " + origin(o)
          + " scenario; choose another id", List.of());
    });
    store.save(scenario.id(), source, Caller.of(ctx).subject()).onSuccess(inserted -> {
      catalog.addPosted(scenario);
      ctx.response().putHeader("Location", "/api/v1/scenarios/" + scenario.id());
      Json.send(ctx, inserted ? 201 : 200, ScenarioView.summary(scenario, origin(Origin.API)));
    }).onFailure(ctx::fail);
  }

  private static String source(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
      throw ProblemException.badRequest("the body must be the scenario's YAML");
    }
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      JsonObject body = Json.object(ctx);
      Json.onlyKeys(body, "source");
      Object source = body.getValue("source");
      if (!(source instanceof String text)) {
        throw ProblemException.badRequest("source: must be the scenario's YAML as a text");
      }
      return text;
    }
    return ctx.body().buffer().toString(StandardCharsets.UTF_8);
  }

  private static String origin(Origin origin) {
    return origin.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
