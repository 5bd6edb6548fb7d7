package io.drillboard.web;

import io.drillboard.drill.Event;
import io.drillboard.report.Comparison;
import io.drillboard.report.EventsCsv;
import io.drillboard.report.Report;
import io.drillboard.report.ReportDocx;
import io.drillboard.report.ReportHtml;
import io.drillboard.report.ReportSource;
import io.drillboard.store.EventReader;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports and comparisons, read from the stored events alone (not from a live engine), so that a finished drill's
 * report is the same however often, and on whichever node, it is asked for.
 */
final class ReportApi {
  /** The printable report styles itself inline, with the shipped Chinese font; it runs no script at all. */
  private static final String REPORT_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
      + "img-src data:; frame-ancestors 'self'";
  private static final int MAX_COMPARED = 10;
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final EventReader store;

  ReportApi(EventReader store) {
    this.store = store;
  }

  void report(RoutingContext ctx) {
    String drillId = DrillApi.drillId(ctx);
    String format = ctx.queryParams().get("format") == null ? "json" : ctx.queryParams().get("format");
    String lang = ctx.queryParams().get("lang") == null ? "zh" : ctx.queryParams().get("lang");
    if (!Set.of("json", "html", "docx", "csv").contains(format)) {
      throw ProblemException.badRequest("format must be json, html, docx or csv");
    }
    if (!Set.of("zh", "en").contains(lang)) {
      throw ProblemException.badRequest("lang must be zh or en");
    }
    if (format.equals("csv")) {
      events(drillId).onSuccess(events -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"" + drillId + "-events.csv\"")
          .end(EventsCsv.of(events))).onFailure(ctx::fail);
      return;
    }
    found(drillId, store.fold(drillId, created -> ReportSource.first(drillId, created), ReportSource::apply))
        .map(source -> Report.of(source, ZoneId.systemDefault())).onSuccess(report -> {
          if (format.equals("html")) {
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", REPORT_POLICY).end(ReportHtml.of(report, lang.equals("en")));
          } else if (format.equals("docx")) {
            // POI takes a while (longer the first time): off the event loop.
            ctx.vertx().executeBlocking(() -> Buffer.buffer(ReportDocx.of(report, lang.equals("en"))))
                .onSuccess(docx -> ctx.response().putHeader("Content-Type", DOCX).putHeader("Content-Disposition",
                    "attachment; filename=\"" + drillId + "-report-" + lang + ".docx\"").end(docx))
                .onFailure(ctx::fail);
          } else {
            Json.send(ctx, 200, report);
          }
        }).onFailure(ctx::fail);
  }

  void compare(RoutingContext ctx) {
    String list = ctx.queryParams().get("drills");
    Set<String> ids = new LinkedHashSet<>(list == null ? List.of() : List.of(list.split(",")));
    if (ids.size() < 2 || ids.size() > MAX_COMPARED) {
      throw ProblemException.badRequest("drills must list 2 to " + MAX_COMPARED + " drill ids, separated by commas");
    }
    List<Future<ReportSource>> folded = new ArrayList<>();
    for (String id : ids) {
      if (!DrillApi.validId(id)) {
        throw ProblemException.drillNotFound(id);
      }
      folded.add(found(id, store.fold(id, created -> ReportSource.first(id, created), ReportSource::apply)));
    }
    Future.all(folded).onSuccess(all -> {
      List<ReportSource> drills = folded.stream().map(Future::result).toList();
      Set<String> scenarios = new LinkedHashSet<>(drills.stream().map(d -> d.state().scenario().id()).toList());
      if (scenarios.size() > 1) {
        ctx.fail(new ProblemException(400, "only drills of one scenario can be compared; these ran " + scenarios,
            List.of()));
        return;
      }
      Json.send(ctx, 200, Comparison.ofSources(drills));
    }).onFailure(ctx::fail);
  }

  private Future<List<Event>> events(String drillId) {
    return found(drillId, store.allEvents(drillId).map(events -> events.isEmpty() ? null : events));
  }

  /** A drill without events does not exist. */
  private static <T> Future<T> found(String drillId, Future<T> read) {
    return read.compose(value -> value == null
        ? Future.failedFuture(ProblemException.drillNotFound(drillId))
        : Future.succeededFuture(value));
  }
}
