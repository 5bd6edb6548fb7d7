package io.drillboard.drill;

import java.util.Locale;

public enum DrillStatus {
  CREATED, RUNNING, PAUSED, ENDED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
