package io.drillboard.web;

import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.scenario.ScenarioCatalog.Origin;
import io.drillboard.scenario.ScenarioParser;
import io.drillboard.store.ScenarioStore;
import io.drillboard.view.ScenarioView;
import io.drillboard.workbook.ScenarioWorkbook;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Listing, reading and posting scenarios, as YAML or as a spreadsheet. A posted scenario is validated whole before
 * anything is stored.
 */
final class ScenarioApi {
  /** How a scenario is read: its JSON view, or its workbook as xlsx or one sheet of it as CSV. */
  private enum Export {
    JSON, XLSX, CSV
  }

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

  /** GET /scenarios/{id}: JSON; or, by ".xlsx" or ".csv" after the id or by Accept, the workbook or one sheet. */
  void get(RoutingContext ctx) {
    String requested = ctx.pathParam("scenarioId");
    Export export = export(requested, ctx.request().getHeader("Accept"));
    String id = export == Export.JSON ? requested : requested.replaceFirst("\\.(xlsx|csv)$", "");
    Scenario scenario = catalog.get(id)
        .orElseThrow(() -> new ProblemException(404, "no scenario has the id \"" + id + "\"", List.of()));
    switch (export) {
      case XLSX -> ctx.vertx().executeBlocking(() -> Buffer.buffer(ScenarioWorkbook.xlsx(scenario)))
          .onSuccess(xlsx -> attachment(ctx, ScenarioWorkbook.XLSX_TYPE, id + ".xlsx").end(xlsx))
          .onFailure(ctx::fail);
      case CSV -> {
        String sheet = ctx.queryParams().get("sheet") == null ? ScenarioWorkbook.DEFAULT_CSV_SHEET
            : ctx.queryParams().get("sheet");
        String csv;
        try {
          csv = ScenarioWorkbook.csv(scenario, sheet);
        } catch (IllegalArgumentException e) {
          throw ProblemException.badRequest("sheet: " + e.getMessage());
        }
        attachment(ctx, "text/csv; charset=utf-8", id + "-" + sheet.toLowerCase(Locale.ROOT) + ".csv").end(csv);
      }
      default -> Json.send(ctx, 200, ScenarioView.full(scenario, origin(catalog.origin(id).orElseThrow())));
    }
  }

  /** Takes the YAML as the body (any text type), JSON {"source": "...yaml..."}, or an xlsx workbook. */
  void post(RoutingContext ctx) {
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ProblemException.badRequest("the body must be the scenario's YAML or its xlsx workbook");
    }
    Future<Scenario> parsed;
    if (isWorkbook(ctx, body)) {
      if (body.length() > ScenarioWorkbook.MAX_BYTES) {
        throw new ProblemException(413, "a workbook may be at most " + ScenarioWorkbook.MAX_BYTES / (1024 * 1024)
            + " MiB", List.of());
      }
      parsed = ctx.vertx().executeBlocking(() -> ScenarioWorkbook.read(body.getBytes()));
    } else {
      parsed = Future.succeededFuture(ScenarioParser.parse(source(ctx, body)));
    }
    parsed.compose(scenario -> {
      catalog.origin(scenario.id()).filter(o -> o != Origin.API).ifPresent(o -> {
        throw new ProblemException(409, "the id \"" + scenario.id() + "\" belongs to a " + origin(o)
            + " scenario; choose another id", List.of());
      });
      return store.save(scenario.id(), scenario.source(), Caller.of(ctx).subject()).onSuccess(inserted -> {
        catalog.addPosted(scenario);
        ctx.response().putHeader("Location", "/api/v1/scenarios/" + scenario.id());
        Json.send(ctx, inserted ? 201 : 200, ScenarioView.summary(scenario, origin(Origin.API)));
      });
    }).onFailure(ctx::fail);
  }

  private static Export export(String requested, String accept) {
    if (requested.endsWith(".xlsx")) {
      return Export.XLSX;
    }
    if (requested.endsWith(".csv")) {
      return Export.CSV;
    }
    String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
    if (wanted.contains(ScenarioWorkbook.XLSX_TYPE)) {
      return Export.XLSX;
    }
    return wanted.contains("text/csv") ? Export.CSV : Export.JSON;
  }

  private static HttpServerResponse attachment(RoutingContext ctx, String type, String file) {
    return ctx.response().putHeader("Content-Type", type)
        .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  /** The xlsx type, or a zip file's signature under another type (application/octet-stream from a file picker). */
  private static boolean isWorkbook(RoutingContext ctx, Buffer body) {
    String contentType = ctx.request().getHeader("Content-Type");
    boolean zip = body.length() >= 4 && body.getByte(0) == 'P' && body.getByte(1) == 'K' && body.getByte(2) == 3
        && body.getByte(3) == 4;
    return zip || contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(ScenarioWorkbook.XLSX_TYPE);
  }

  private static String source(RoutingContext ctx, Buffer body) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      JsonObject json = Json.object(ctx);
      Json.onlyKeys(json, "source");
      Object source = json.getValue("source");
      if (!(source instanceof String text)) {
        throw ProblemException.badRequest("source: must be the scenario's YAML as a text");
      }
      return text;
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static String origin(Origin origin) {
    return origin.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
