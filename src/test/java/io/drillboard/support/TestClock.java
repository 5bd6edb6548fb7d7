package io.drillboard.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A wall clock that a test moves on: time passes when the test says, not while it sleeps. */
public final class TestClock implements InstantSource {
  private final LongSupplier base;
  private final AtomicLong moved = new AtomicLong();

  private TestClock(LongSupplier base) {
    this.base = base;
  }

  /**
   * A clock that stands still at the real time until moved, so that what the test stores sorts among what other
   * tests stored.
   */
  public static TestClock now() {
    long start = System.currentTimeMillis();
    return new TestClock(() -> start);
  }

  /** A clock that runs with the real one, and jumps ahead when moved: for drills that must run as they would. */
  public static TestClock running() {
    return new TestClock(System::currentTimeMillis);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public long millis() {
    return base.getAsLong() + moved.get();
  }

  public void advance(Duration by) {
    moved.addAndGet(by.toMillis());
  }
}
