package io.drillboard.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock that stands still until a test moves it: time passes when the test says, not when it sleeps. */
public final class TestClock implements InstantSource {
  private final AtomicLong millis;

  public TestClock(long startMillis) {
    this.millis = new AtomicLong(startMillis);
  }

  /** Starts at the real time, so that what the test stores sorts among what other tests stored. */
  public static TestClock now() {
    return new TestClock(System.currentTimeMillis());
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  public void advance(Duration by) {
    millis.addAndGet(by.toMillis());
  }
}
