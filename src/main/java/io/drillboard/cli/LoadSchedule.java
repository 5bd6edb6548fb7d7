package io.drillboard.cli;

/**
 * When each event of a load run is due, counted from the run's start. Over the warm-up the rate rises evenly from
 * zero to the full rate; after it, events are due at the full rate until the run's end. A cold loader (and a cold
 * server path) met with the full rate at once falls behind, and with an open model the backlog it builds in its first
 * seconds outlasts any warm-up: measured on two cores, single events at 7,500 a second took 40 s to drain it, so the
 * latencies "after the warm-up" were the backlog's, in seconds.
 *
 * <p>With a rate of {@code r} events per ms and a warm-up of {@code w} ms, the events due by time {@code t} are
 * {@code r t² / 2w} during the warm-up and {@code r w / 2 + r (t - w)} after it.
 */
record LoadSchedule(double eventsPerSecond, long warmUpMillis, long durationMillis) {
  LoadSchedule {
    if (eventsPerSecond <= 0 || warmUpMillis < 0 || durationMillis <= warmUpMillis) {
      throw new IllegalArgumentException("a schedule needs a positive rate and a warm-up shorter than the run");
    }
  }

  /** How many events are due by {@code elapsedMillis} after the start. */
  long dueBy(long elapsedMillis) {
    double t = Math.min(Math.max(0, elapsedMillis), durationMillis);
    double perMilli = eventsPerSecond / 1000;
    double due = t < warmUpMillis ? perMilli * t * t / (2.0 * warmUpMillis)
        : perMilli * (warmUpMillis / 2.0 + (t - warmUpMillis));
    return (long) Math.floor(due + 1e-9);
  }

  /** All the run's events. */
  long total() {
    return dueBy(durationMillis);
  }

  /** When event {@code index} (from 0) is due, in ms after the start: the first time {@link #dueBy} counts it. */
  long intendedMillis(long index) {
    long low = 0;
    long high = durationMillis;
    // dueBy never decreases with time, so the first millisecond past index is found by halving.
    while (low < high) {
      long middle = (low + high) >>> 1;
      if (dueBy(middle) > index) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
