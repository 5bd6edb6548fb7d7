package io.drillboard.drill;

import java.util.Arrays;
import java.util.List;
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

  /** Whether a drill in this status allows the action: the one table of what may be done when. */
  public boolean allows(DrillAction action) {
    return switch (action) {
      case START -> this == CREATED;
      case PAUSE, TASK -> this == RUNNING;
      case RESUME -> this == PAUSED;
      case STOP, SPEED, BROADCAST -> this != ENDED;
      case INJECT -> this == RUNNING || this == PAUSED;
      case ARCHIVE -> this == CREATED || this == ENDED;
    };
  }

  /** The actions this status allows, in the order of {@link DrillAction}. */
  public List<DrillAction> allowed() {
    return Arrays.stream(DrillAction.values()).filter(this::allows).toList();
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
