package io.drillboard.web;

import io.drillboard.metrics.LiveStats;
import io.drillboard.store.EventReader;
import io.drillboard.store.StoreUnavailableException;
import io.drillboard.view.DrillViews;
import io.drillboard.view.DrillViews.Frame;
import io.drillboard.view.LiveFrames;
import io.drillboard.web.LiveSession.Mode;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live viewers of this event loop, by drill. Each drill's frames arrive once through its {@link DrillViews} and are
 * fanned out here to its viewers: a thousand screens cost a thousand writes of one shared text per tick. A viewer that
 * joins, falls behind or misses frames is brought back from a snapshot or the stored events, read from those views and
 * the store, never from the drill's engine.
 */
final class LiveFeeds {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeeds.class);
  /** A resume further back than this gets a fresh snapshot instead of every event since. */
  private static final long MAX_RESUME_EVENTS = 50_000;

  private final Vertx vertx;
  private final DrillViews views;
  private final LiveCatchUp catchUp;
  private final int queueBytes;
  private final LiveStats stats;
  private final InstantSource clock;
  private final Map<String, Feed> feeds = new HashMap<>();

  /** One drill's viewers on this event loop, and how they follow its view. */
  private record Feed(Consumer<Frame> follower, Set<LiveSession> sessions) {
  }

  LiveFeeds(Vertx vertx, DrillViews views, EventReader store, int queueBytes, LiveStats stats, InstantSource clock) {
    this.vertx = vertx;
    this.views = views;
    this.catchUp = new LiveCatchUp(views, store);
    this.queueBytes = queueBytes;
    this.stats = stats;
    this.clock = clock;
  }

  /** Every viewer now, drill by drill. */
  List<LiveSession> viewers() {
    List<LiveSession> viewers = new ArrayList<>();
    feeds.values().forEach(feed -> viewers.addAll(feed.sessions()));
    return viewers;
  }

  /**
   * Makes {@code socket} a viewer of the drill: from a snapshot, or after {@code after} when it resumes.
   * {@code released} runs once the socket has closed.
   */
  void join(String drillId, ServerWebSocket socket, Long after, Runnable released) {
    socket.setWriteQueueMaxSize(queueBytes);
    LiveSession session = new LiveSession(drillId, socket, stats, clock);
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
  }

  private Feed follow(String drillId) {
    Set<LiveSession> sessions = new LinkedHashSet<>();
    Consumer<Frame> follower = frame -> fanOut(sessions, frame);
    views.follow(drillId, follower);
    return new Feed(follower, sessions);
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
      catchUp.after(drillId, viewers, after).onSuccess(v -> viewers.forEach(viewer -> {
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
}
