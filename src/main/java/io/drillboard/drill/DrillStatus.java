package io.drillboard.drill;

import java.util.Locale;

/** Where a drill is in its life. */
public enum DrillStatus {
  CREATED, RUNNING, PAUSED, ENDED;

  /**
   * The status after an event of type {@code eventType}: the one place the transitions are written, for the fold of a
   * drill and for the list of drills alike. Any other event leaves the status as it is.
   */
  public DrillStatus after(EventType eventType) {
    return switch (eventType) {
      case DRILL_STARTED, DRILL_RESUMED -> RUNNING;
      case DRILL_PAUSED -> PAUSED;
      case DRILL_ENDED -> ENDED;
      default -> this;
    };
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
