package io.drillboard.drill;

import java.util.Locale;

/** Where a task stands: waiting for its trigger, then pending -> acknowledged -> in_progress -> done. */
public enum TaskState {
  WAITING, PENDING, ACKNOWLEDGED, IN_PROGRESS, DONE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskState fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
