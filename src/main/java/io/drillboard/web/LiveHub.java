package io.drillboard.web;

import io.drillboard.drill.Event;
import io.drillboard.metrics.LiveStats;
import io.drillboard.store.EventStore;
import io.drillboard.store.StoreUnavailableException;
import io.drillboard.view.DrillViews;
import io.drillboard.view.DrillViews.Frame;
import io.drillboard.view.EventsJson;
import io.drillboard.view.LiveFrames;
import io.drillboard.web.LiveSession.Mode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream, WS /api/v1/drills/{id}/live. Each drill's frames arrive once per event loop through its
 * {@link DrillViews} and are fanned out here to that drill's viewers: a thousand screens cost a thousand writes of one
 * shared text per tick. Snapshots and resumes are read from those views, never from the drill's engine.
 */
final class LiveHub {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
  static final String SUBPROTOCOL = "drillboard";
  private static final Pattern DRILL_ID = Pattern.compile("d[a-z0-9]{11}");
  private static final long PING_INTERVAL_MS = 15_000;
  private static final long DEAD_AFTER_MS = 45_000;
  /** A resume further back than this gets a fresh snapshot instead of every event since. */
  static final long MAX_RESUME_EVENTS = 50_000;
  private static final int CATCH_UP_PAGE = 1_000;

  private final Vertx vertx;
  private final DrillViews views;
  private final EventStore store;
  private final Tokens tokens;
  private final int queueBytes;
  private final LiveStats stats;
  private final OriginPolicy origins;
  private final LiveQuota quota;
  private final Map<String, Feed> feeds = new HashMap<>();

  /** One drill's viewers on this event loop, and how they follow its view. */
  private record Feed(Consumer<Frame> follower, Set<LiveSession> sessions) {
  }

  LiveHub(Vertx vertx, DrillViews views, EventStore store, Tokens tokens, int queueBytes, LiveStats stats,
      OriginPolicy origins, LiveQuota quota) {
    this.vertx = vertx;
    this.origins = origins;
    this.quota = quota;
    this.views = views;
    this.store = store;
    this.tokens = tokens;
    this.queueBytes = queueBytes;
    this.stats = stats;
    vertx.setPeriodic(PING_INTERVAL_MS, id -> pingAll());
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
    String token = token(ctx);
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
          return ctx.request().toWebSocket().map(socket -> join(drillId, socket, after, released));
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
        new ReplaySession(vertx, socket, drillId, events, speed, stats).start(from, released);
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

  private Void join(String drillId, io.vertx.core.http.ServerWebSocket socket, Long after, Runnable released) {
    socket.setWriteQueueMaxSize(queueBytes);
    LiveSession session = new LiveSession(drillId, socket, stats);
    socket.pongHandler(pong -> session.ponged());
    socket.closeHandler(v -> {
      leave(session);
      released.run();
    });
    // Text from viewers is not part of the protocol; garbage closes that socket alone.
    socket.textMessageHandler(text -> socket.close((short) 1003, "viewers do not send messages"));
    socket.binaryMessageHandler(data -> socket.close((short) 1003, "viewers do not send messages"));
    Feed feed = feeds.computeIfAbsent(drillId, this::follow);
    feed.sessions().add(session);
    stats.viewerJoined(drillId);
    if (after == null) {
      sendSnapshot(session);
    } else {
      resume(List.of(session), after);
    }
    return null;
  }

  private Feed follow(String drillId) {
    Set<LiveSession> sessions = new LinkedHashSet<>();
    Consumer<Frame> follower = frame -> fanOut(sessions, frame);
    views.follow(drillId, follower);
    return new Feed(follower, sessions);
  }

  private void fanOut(Set<LiveSession> sessions, Frame frame) {
    // Live viewers that missed frames (in a cluster, those of an owner that died before sending them), by the last
    // seq they have: the viewers of one node usually share it, and one read of the store fills the gap for them all.
    Map<Long, List<LiveSession>> gaps = new HashMap<>();
    for (LiveSession session : List.copyOf(sessions)) {
      boolean live = session.mode() == Mode.LIVE;
      if (!session.offer(frame)) {
        if (live) {
          gaps.computeIfAbsent(session.lastSeq(), after -> new ArrayList<>()).add(session);
        } else {
          // A joining viewer whose buffer overflowed starts again from a snapshot.
          sendSnapshot(session);
        }
      }
      if (session.mode() == Mode.BEHIND) {
        session.socket.drainHandler(v -> sendSnapshot(session));
      }
    }
    gaps.forEach((after, viewers) -> resume(viewers, after));
  }

  /** (Re)starts a viewer from a fresh snapshot; frames arriving meanwhile wait in its buffer. */
  private void sendSnapshot(LiveSession session) {
    session.rejoin();
    views.current(session.drillId).onSuccess(view -> {
      if (!session.startFrom(LiveFrames.snapshot(view).encode(), view.getLong("seq"))) {
        resume(List.of(session), session.lastSeq());
      }
    }).onFailure(e -> whenUnavailable(e, List.of(session), "the drill is not available",
        () -> sendSnapshot(session)));
  }

  /**
   * Resumes viewers of one drill after {@code after}, the last seq each of them has: the stored events since, then live
   * frames, with no gap or repeat. One snapshot and one pass over the store serve them all.
   */
  private void resume(List<LiveSession> viewers, long after) {
    String drillId = viewers.get(0).drillId;
    viewers.forEach(LiveSession::rejoin);
    views.current(drillId).onSuccess(view -> {
      long seq = view.getLong("seq");
      if (seq - after > MAX_RESUME_EVENTS) {
        String frame = LiveFrames.snapshot(view).encode();
        viewers.forEach(viewer -> viewer.startFrom(frame, seq));
        return;
      }
      viewers.forEach(viewer -> viewer.resumeFrom(after));
      catchUp(drillId, viewers, after, null).onSuccess(v -> viewers.forEach(viewer -> {
        if (!viewer.goLive()) {
          resume(List.of(viewer), viewer.lastSeq());
        }
      })).onFailure(e -> whenUnavailable(e, viewers, "the drill's events are not available",
          () -> resume(viewers, viewers.get(0).lastSeq())));
    }).onFailure(e -> whenUnavailable(e, viewers, "the drill is not available",
        () -> resume(viewers, viewers.get(0).lastSeq())));
  }

  /**
   * A view that cannot be read for a moment (the store is down) is asked again after the time given, while its viewers
   * keep their sockets and buffer; any other failure ends their streams.
   */
  private void whenUnavailable(Throwable failure, List<LiveSession> viewers, String reason, Runnable again) {
    if (!(failure instanceof StoreUnavailableException unavailable)) {
      LOG.warn("Live stream of drill {}: {} ({}); closing its viewer(s)", viewers.get(0).drillId, reason,
          failure.getMessage());
      viewers.forEach(viewer -> viewer.socket.close((short) 1011, reason));
      return;
    }
    if (viewers.stream().anyMatch(viewer -> !viewer.socket.isClosed())) {
      vertx.setTimer(unavailable.retryAfterSeconds() * 1_000L, id -> again.run());
    }
  }

  /**
   * The stored events after {@code after}, a page a frame, up to the store's end. The last frame also patches the
   * viewers' drill with the whole view at its last seq, which is a valid patch whatever they held: so it waits for this
   * node's view to reach that seq, and reads on if the view has gone past it. {@code held} is a full page not yet
   * written, in case it turns out to be the last.
   */
  private Future<Void> catchUp(String drillId, List<LiveSession> viewers, long after, List<Event> held) {
    return store.events(drillId, after, CATCH_UP_PAGE).compose(events -> {
      if (events.isEmpty()) {
        return held == null ? Future.succeededFuture() : lastCatchUp(drillId, viewers, held);
      }
      if (held != null) {
        writeCatchUp(viewers, held, null);
      }
      long last = events.get(events.size() - 1).seq();
      return events.size() == CATCH_UP_PAGE ? catchUp(drillId, viewers, last, events)
          : lastCatchUp(drillId, viewers, events);
    });
  }

  private Future<Void> lastCatchUp(String drillId, List<LiveSession> viewers, List<Event> events) {
    long last = events.get(events.size() - 1).seq();
    return views.atLeast(drillId, last).compose(view -> {
      if (view.getLong("seq") > last) {
        writeCatchUp(viewers, events, null);
        return catchUp(drillId, viewers, last, null);
      }
      writeCatchUp(viewers, events, view);
      return Future.succeededFuture();
    });
  }

  private static void writeCatchUp(List<LiveSession> viewers, List<Event> events, JsonObject view) {
    long last = events.get(events.size() - 1).seq();
    JsonObject delta = LiveFrames.head(events.get(0).seq(), last, 0);
    if (view != null) {
      delta.mergeIn(LiveFrames.wholePatch(view));
    }
    String text = EventsJson.with(delta, events);
    viewers.forEach(viewer -> viewer.writeCatchUp(text, last));
  }

  private void leave(LiveSession session) {
    Feed feed = feeds.get(session.drillId);
    if (feed == null) {
      return;
    }
    if (feed.sessions().remove(session)) {
      stats.viewerLeft(session.drillId);
    }
    if (feed.sessions().isEmpty()) {
      feeds.remove(session.drillId);
      views.unfollow(session.drillId, feed.follower());
    }
  }

  private void pingAll() {
    long now = System.currentTimeMillis();
    for (Feed feed : List.copyOf(feeds.values())) {
      for (LiveSession session : List.copyOf(feed.sessions())) {
        if (now - session.lastPong() > DEAD_AFTER_MS) {
          session.socket.close((short) 1001, "no answer to pings");
        } else {
          session.socket.writePing(Buffer.buffer("ping"));
        }
      }
    }
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

  /** Browsers cannot set Authorization on a WebSocket: the token comes in ?token=, as a subprotocol, or (other
   * clients) as Authorization: Bearer. */
  private static String token(RoutingContext ctx) {
    String query = ctx.queryParams().get("token");
    if (query != null && !query.isBlank()) {
      return query;
    }
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ")) {
      return authorization.substring("Bearer ".length()).trim();
    }
    String protocols = ctx.request().getHeader("Sec-WebSocket-Protocol");
    if (protocols == null) {
      return null;
    }
    for (String protocol : protocols.split(",")) {
      String candidate = protocol.trim();
      if (!candidate.equals(SUBPROTOCOL) && candidate.chars().filter(c -> c == '.').count() == 2) {
        return candidate;
      }
    }
    return null;
  }
}
