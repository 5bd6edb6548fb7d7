package io.drillboard.drill;

/**
 * The drill's simulated clock as an anchor: at wall time {@code wallAnchor} the sim time was {@code simAnchor}, and
 * while running it advances {@code speed} sim milliseconds per wall millisecond. Pure, so it can be derived from the
 * clock events alone and recomputed after a restart.
 */
public record SimClock(long simAnchor, long wallAnchor, double speed, boolean running) {
  public static final double MIN_SPEED = 1;
  public static final double MAX_SPEED = 3600;

  public static SimClock stoppedAt(long sim, double speed) {
    return new SimClock(sim, 0, speed, false);
  }

  public long simAt(long wall) {
    return running ? simAnchor + (long) Math.floor((wall - wallAnchor) * speed) : simAnchor;
  }

  /** The first wall millisecond at which the sim time has reached {@code sim}; only meaningful while running. */
  public long wallAt(long sim) {
    return wallAnchor + (long) Math.ceil((sim - simAnchor) / speed);
  }

  public SimClock startedAt(long sim, long wall) {
    return new SimClock(sim, wall, speed, true);
  }

  public SimClock pausedAt(long sim, long wall) {
    return new SimClock(sim, wall, speed, false);
  }

  public SimClock withSpeed(double newSpeed, long sim, long wall) {
    return new SimClock(sim, wall, newSpeed, running);
  }
}
