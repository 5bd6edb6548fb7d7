package io.drillboard.support;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits on a condition that nothing announces (a drill's state read over HTTP, a file, a lock in PostgreSQL): Awaitility
 * looks at it again every few milliseconds, in the test's own thread, until it holds, and the wait fails with what it
 * last saw once the bound has passed. No assertion depends on how long a look takes. A test that can wait on an event
 * instead (a frame, a future, a latch) should.
 */
public final class Eventually {
  private static final Duration EVERY = Duration.ofMillis(20);

  /** A look at the condition; an exception it throws, or null, means "not yet" (a server still starting refuses). */
  @FunctionalInterface
  public interface Look<T> {
    T get() throws Exception;
  }

  private Eventually() {
  }

  /** The first value {@code look} gives that passes {@code done}, within {@code limit}. */
  public static <T> T await(String what, Duration limit, Look<T> look, Predicate<? super T> done)
      throws InterruptedException {
    return await(what, limit, EVERY, look, done);
  }

  /** As above, looking every {@code every}: for a look that costs the other side something. */
  public static <T> T await(String what, Duration limit, Duration every, Look<T> look, Predicate<? super T> done)
      throws InterruptedException {
    // What the last look saw or threw, for the failure's message.
    AtomicReference<Object> lastSeen = new AtomicReference<>();
    try {
      return Awaitility.await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(every).pollInSameThread()
          .until(() -> {
            try {
              T seen = look.get();
              lastSeen.set(seen);
              return seen;
            } catch (InterruptedException interrupted) {
              throw interrupted;
            } catch (Exception notYet) {
              lastSeen.set(notYet);
              return null;
            }
          }, seen -> seen != null && done.test(seen));
    } catch (ConditionTimeoutException timedOut) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException(what);
      }
      Object last = lastSeen.get();
      throw new AssertionError(what + ": not within " + limit + "; last seen: " + last,
          last instanceof Exception failed ? failed : timedOut);
    }
  }

  /** The drill's snapshot once it has ended (an autopilot run plays to its end by itself), within a minute. */
  public static JsonObject drillEnded(Http http, String drillId, String token) throws InterruptedException {
    return await("drill " + drillId + " ended", Duration.ofMinutes(1),
        () -> http.json(http.get("/api/v1/drills/" + drillId, token)), drill -> "ended".equals(drill.getString("state")));
  }

  /** Until {@code condition} holds, within {@code limit}. */
  public static void until(String what, Duration limit, Look<Boolean> condition) throws InterruptedException {
    await(what, limit, condition, Boolean::booleanValue);
  }
}
