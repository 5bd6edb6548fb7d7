package io.drillboard.view;

import io.drillboard.drill.CommandRejected;
import io.drillboard.drill.DrillState;
import io.drillboard.drill.ProblemCodes;
import io.drillboard.store.EventReader;
import io.drillboard.store.StoreUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The drills' views as this node reads them, off the write path: each is folded from the store once, then kept
 * current by applying the live frames that the drill publishes to every node, the same patches a page applies. A read
 * never asks a drill's engine (which may be on another node) and never writes. A view nobody follows or reads for a
 * while is let go.
 *
 * <p>Each view lives on the event loop that first asked for it and is touched only there; callers on other event loops
 * are answered, and followers called, on their own. A view stands at its last frame; {@link #current} reads its clock
 * at the moment of the read.
 */
public final class DrillViews {
  /** How long a read waits for the frame of a seq it knows is stored before it reads the store instead. */
  private static final long FRAME_AWAITED_MS = 1_000;

  private final Vertx vertx;
  private final EventReader store;
  private final LongSupplier wallClock;
  private final long keepIdleMs;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  /** A frame as it went out, with the view it leaves its viewers holding (null while the view is being rebuilt). */
  public record Frame(String text, long fromSeq, long toSeq, JsonObject viewAfter) {
  }

  public DrillViews(Vertx vertx, EventReader store, LongSupplier wallClock, long keepIdleMs) {
    this.vertx = vertx;
    this.store = store;
    this.wallClock = wallClock;
    this.keepIdleMs = keepIdleMs;
    vertx.setPeriodic(Math.max(1_000, keepIdleMs / 2), id -> held.values().forEach(view -> view.on(view::letGoIfIdle)));
  }

  /** The drill's view now: as of its last frame, its clock read at this moment. Fails for a drill that is not there. */
  public Future<JsonObject> current(String drillId) {
    return atLeast(drillId, 0);
  }

  /** The view once it holds {@code seq}, for a caller that must see what its command did. */
  public Future<JsonObject> atLeast(String drillId, long seq) {
    Context caller = vertx.getOrCreateContext();
    Promise<JsonObject> promise = Promise.promise();
    awaitOn(hold(drillId), new Waiter(seq, caller, promise));
    return promise.future();
  }

  /** The view once it shows what a command did: {@code reply} is the drill's answer, with its {@code lastSeq}. */
  public Future<JsonObject> after(String drillId, JsonObject reply) {
    return atLeast(drillId, reply.getLong("lastSeq"));
  }

  /**
   * Calls {@code follower}, on the caller's event loop, with each frame of the drill once applied, until
   * {@link #unfollow}; the view stays held meanwhile.
   */
  public void follow(String drillId, Consumer<Frame> follower) {
    Context caller = vertx.getOrCreateContext();
    followOn(hold(drillId), follower, caller);
  }

  /**
   * Queues the waiter on the view's context. A view may be let go between the lookup and then (its drill was not
   * there, or the store failed): the waiter then goes to a fresh one, which reads the store again.
   */
  private void awaitOn(Held view, Waiter waiter) {
    view.on(() -> {
      if (held.get(view.drillId) == view) {
        view.await(waiter);
      } else {
        awaitOn(hold(view.drillId), waiter);
      }
    });
  }

  private void followOn(Held view, Consumer<Frame> follower, Context caller) {
    view.on(() -> {
      if (held.get(view.drillId) == view) {
        view.followers.put(follower, caller);
      } else {
        followOn(hold(view.drillId), follower, caller);
      }
    });
  }

  public void unfollow(String drillId, Consumer<Frame> follower) {
    Held view = held.get(drillId);
    if (view != null) {
      view.on(() -> {
        view.followers.remove(follower);
        view.lastRead = wallClock.getAsLong();
      });
    }
  }

  private Held hold(String drillId) {
    return held.computeIfAbsent(drillId, id -> new Held(id, vertx.getOrCreateContext()));
  }

  private record Waiter(long seq, Context caller, Promise<JsonObject> promise) {
    void answer(JsonObject view) {
      caller.runOnContext(v -> promise.complete(view));
    }

    void fail(Throwable failure) {
      caller.runOnContext(v -> promise.fail(failure));
    }
  }

  /** One drill's view, who follows it and who waits on it; touched on its own context only. */
  private final class Held {
    final String drillId;
    final Context context;
    final Map<Consumer<Frame>, Context> followers = new LinkedHashMap<>();
    final List<Message<String>> pending = new ArrayList<>();
    final List<Waiter> waiters = new ArrayList<>();
    MessageConsumer<String> consumer;
    JsonObject view;
    long seq;
    boolean loading;
    long lastRead;

    Held(String drillId, Context context) {
      this.drillId = drillId;
      this.context = context;
      this.lastRead = wallClock.getAsLong();
      // Loading from the start: a waiter queued before the first fold waits for it. The fold starts after the map
      // has taken this view, never inside computeIfAbsent: a fold that fails at once lets the view go, which would
      // update the map from within its own update.
      this.loading = true;
      context.runOnContext(v -> {
        consumer = vertx.eventBus().consumer(LiveFrames.address(drillId), this::onFrame);
        load();
      });
    }

    void on(Runnable action) {
      if (Vertx.currentContext() == context) {
        action.run();
      } else {
        context.runOnContext(v -> action.run());
      }
    }

    void onFrame(Message<String> message) {
      if (loading) {
        pending.add(message);
        return;
      }
      long fromSeq = Long.parseLong(message.headers().get(LiveFrames.FROM_SEQ));
      long toSeq = Long.parseLong(message.headers().get(LiveFrames.TO_SEQ));
      if (toSeq > seq) {
        if (fromSeq > seq + 1) {
          // Frames went missing (their drill's node died before sending them): the store has what they said.
          load();
        } else {
          ViewPatch.apply(view, LiveFrames.patchOf(new JsonObject(message.body())));
          seq = toSeq;
          settleWaiters();
        }
      }
      if (!followers.isEmpty()) {
        Frame frame = new Frame(message.body(), fromSeq, toSeq, loading ? null : view.copy());
        followers.forEach((follower, where) -> {
          if (where == context) {
            follower.accept(frame);
          } else {
            where.runOnContext(v -> follower.accept(frame));
          }
        });
      }
    }

    /** Folds the store; frames that arrive meanwhile are applied after it. */
    void load() {
      loading = true;
      consumer.completion().compose(v -> store.allEvents(drillId)).onComplete(result -> on(() -> {
        if (result.failed()) {
          drop(new StoreUnavailableException("the drill's events cannot be read: " + result.cause().getMessage(), 2,
              result.cause()));
          return;
        }
        if (result.result().isEmpty()) {
          drop(CommandRejected.notFound("no drill has the id " + drillId).coded(ProblemCodes.DRILL_NOT_FOUND));
          return;
        }
        DrillState state = DrillState.fold(drillId, result.result());
        view = DrillView.snapshot(state, wallClock.getAsLong());
        seq = state.seq();
        loading = false;
        List<Message<String>> arrived = List.copyOf(pending);
        pending.clear();
        arrived.forEach(this::onFrame);
        settleWaiters();
      }));
    }

    void await(Waiter waiter) {
      lastRead = wallClock.getAsLong();
      waiters.add(waiter);
      settleWaiters();
      if (waiters.contains(waiter)) {
        // The seq is stored (a command is answered after its commit), but its frame may never come: the drill's node
        // stopped it, or died, before framing it. The store has it.
        vertx.setTimer(FRAME_AWAITED_MS, id -> on(() -> {
          if (waiters.contains(waiter) && !loading && held.get(drillId) == this) {
            load();
          }
        }));
      }
    }

    void settleWaiters() {
      if (loading) {
        return;
      }
      for (Waiter waiter : List.copyOf(waiters)) {
        if (seq >= waiter.seq()) {
          waiters.remove(waiter);
          waiter.answer(ClockView.readAt(view.copy(), wallClock.getAsLong()));
        }
      }
    }

    /**
     * The drill is not there, or the store failed: whoever waits is told. A view that viewers follow tries the store
     * again; any other is let go, and the next read tries afresh.
     */
    void drop(Throwable failure) {
      waiters.forEach(waiter -> waiter.fail(failure));
      waiters.clear();
      if (failure instanceof StoreUnavailableException unavailable && !followers.isEmpty()) {
        vertx.setTimer(unavailable.retryAfterSeconds() * 1_000L, id -> on(this::load));
        return;
      }
      held.remove(drillId, this);
      consumer.unregister();
    }

    void letGoIfIdle() {
      if (followers.isEmpty() && waiters.isEmpty() && !loading
          && wallClock.getAsLong() - lastRead > keepIdleMs && held.remove(drillId, this)) {
        consumer.unregister();
      }
    }
  }
}
