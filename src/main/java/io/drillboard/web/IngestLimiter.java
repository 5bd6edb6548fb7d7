package io.drillboard.web;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-token rate limits on injected events: a token bucket per token subject, refilled at the configured rate and
 * holding a second's worth. A batch larger than that passes when the bucket is full and leaves it in debt, so every
 * batch can get through at the configured rate. Shared by the HTTP event loops.
 */
final class IngestLimiter {
  private final double eventsPerSecond;
  private final double capacity;
  private final Map<String, Bucket> buckets = new HashMap<>();

  private static final class Bucket {
    double tokens;
    long refilledAt;
  }

  /** {@code eventsPerSecond} of 0 or less turns limiting off. */
  IngestLimiter(double eventsPerSecond) {
    this.eventsPerSecond = eventsPerSecond;
    this.capacity = eventsPerSecond;
  }

  /** Takes {@code events} from the subject's bucket; returns 0 when allowed, else the seconds to wait. */
  synchronized int acquire(String subject, int events) {
    if (eventsPerSecond <= 0) {
      return 0;
    }
    // Monotonic, not the wall clock: the bucket measures elapsed time, which a clock set back must not refill.
    long now = System.nanoTime();
    Bucket bucket = buckets.computeIfAbsent(subject, s -> {
      Bucket fresh = new Bucket();
      fresh.tokens = capacity;
      fresh.refilledAt = now;
      return fresh;
    });
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.refilledAt) / 1e9 * eventsPerSecond);
    bucket.refilledAt = now;
    double needed = Math.min(events, capacity);
    if (bucket.tokens >= needed) {
      bucket.tokens -= events;
      return 0;
    }
    return (int) Math.max(1, Math.ceil((needed - bucket.tokens) / eventsPerSecond));
  }
}
