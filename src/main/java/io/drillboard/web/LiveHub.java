package io.drillboard.web;

import io.drillboard.metrics.LiveStats;
import io.drillboard.store.EventReader;
import io.drillboard.view.DrillViews;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import java.time.InstantSource;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream, WS /api/v1/drills/{id}/live, up to its upgrade: checks drill, origin, resume point, token, role and
 * the token's quota of streams, then hands the socket to the drill's live feed ({@link LiveFeeds}) or, with ?replay=1,
 * to a playback of the stored drill ({@link ReplaySession}).
 */
final class LiveHub {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
  static final String SUBPROTOCOL = "drillboard";
  private static final Pattern DRILL_ID = Pattern.compile("d[a-z0-9]{11}");

  private final Vertx vertx;
  private final DrillViews views;
  private final EventReader store;
  private final Tokens tokens;
  private final LiveStats stats;
  private final OriginPolicy origins;
  private final LiveQuota quota;
  private final LiveFeeds feeds;
  private final InstantSource clock;

  LiveHub(Vertx vertx, DrillViews views, EventReader store, Tokens tokens, int queueBytes, LiveStats stats,
      OriginPolicy origins, LiveQuota quota, InstantSource clock) {
    this.vertx = vertx;
    this.origins = origins;
    this.quota = quota;
    this.views = views;
    this.store = store;
    this.tokens = tokens;
    this.stats = stats;
    this.clock = clock;
    this.feeds = new LiveFeeds(vertx, views, store, queueBytes, stats, clock);
    LiveHeartbeat.start(vertx, feeds::viewers, clock);
  }

  /** The route handler: checks token, drill and resume point before upgrading, so refusals are plain HTTP. */
  void connect(RoutingContext ctx) {
    String drillId = ctx.pathParam("drillId");
    if (!DRILL_ID.matcher(drillId).matches()) {
      throw ProblemException.drillNotFound(drillId);
    }
    if (!origins.allows(ctx.request().getHeader("Origin"), ctx.request().getHeader("Host"))) {
      throw new ProblemException(403, "pages from " + ctx.request().getHeader("Origin")
          + " may not open live streams here (see --allowed-origin)", List.of());
    }
    Long after = after(ctx);
    String token = LiveStreamToken.of(ctx);
    if (token == null) {
      throw new ProblemException(401, "a token is required: ?token=, the Sec-WebSocket-Protocol header or "
          + "Authorization: Bearer", List.of());
    }
    ctx.request().pause();
    // Once admitted, the stream counts against its token until its socket closes or the upgrade is refused.
    Runnable released = () -> quota.release(token);
    Future<Void> authenticated = tokens.authenticate(token).compose(LiveHub::requireRole).compose(v -> {
      if (!quota.acquire(token)) {
        return Future.failedFuture(new ProblemException(429, "this token already holds " + quota.perToken()
            + " live streams, the most allowed", List.of()));
      }
      return Future.succeededFuture();
    });
    Handler<Throwable> refuse = failure -> {
      // The quota was taken last in authentication: succeeded, the stream holds a slot.
      if (authenticated.succeeded()) {
        released.run();
      }
      if (ctx.response().headWritten()) {
        LOG.error("Live stream of drill {} failed after the upgrade", drillId, failure);
      }
      ctx.fail(failure);
    };
    if ("1".equals(ctx.queryParams().get("replay"))) {
      replay(ctx, drillId, authenticated, released, refuse);
      return;
    }
    authenticated
        .compose(v -> views.current(drillId))
        .compose(view -> {
          long seq = view.getLong("seq");
          if (after != null && after > seq) {
            return Future.failedFuture(ProblemException.badRequest("after=" + after + " is beyond the drill's last seq "
                + seq));
          }
          return ctx.request().toWebSocket().map(socket -> {
            feeds.join(drillId, socket, after, released);
            return null;
          });
        })
        .onFailure(refuse);
  }

  /** WS ...?replay=1&speed=N&from=SEQ: the stored drill played back from SEQ at N times its sim speed. */
  private void replay(RoutingContext ctx, String drillId, Future<Void> authenticated, Runnable released,
      Handler<Throwable> refuse) {
    double speed = Json.queryDecimal(ctx, "speed", 60, 1, 3600);
    long from = (long) Json.queryDecimal(ctx, "from", 1, 1, Long.MAX_VALUE);
    authenticated.compose(v -> store.allEvents(drillId)).compose(events -> {
      if (events.isEmpty()) {
        return Future.failedFuture(ProblemException.drillNotFound(drillId));
      }
      if (from > events.size()) {
        return Future.failedFuture(ProblemException.badRequest("from=" + from + " is beyond the drill's last seq "
            + events.size()));
      }
      return ctx.request().toWebSocket().map(socket -> {
        new ReplaySession(vertx, socket, new ReplayPlayback(drillId, events, speed, clock), stats).start(from, released);
        return null;
      });
    }).onFailure(refuse);
  }

  private static Future<Void> requireRole(User user) {
    if (ReportLinks.linkedDrill(user) != null) {
      return Future.failedFuture(new ProblemException(403, "a report link opens only its report", List.of()));
    }
    return Role.fromKey(user.get("role")).isPresent() ? Future.succeededFuture()
        : Future.failedFuture(new ProblemException(403, "the token carries no known role", List.of()));
  }

  private static Long after(RoutingContext ctx) {
    String text = ctx.queryParams().get("after");
    if (text == null) {
      return null;
    }
    try {
      long after = Long.parseLong(text);
      if (after >= 0) {
        return after;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badRequest("after must be a seq (a whole number from 0)");
  }
}
