package io.drillboard.drill;

import java.util.Locale;

/**
 * What can be done to a drill: a director's control, or (TASK) a step on a task. Which of them a drill allows depends
 * on its status alone ({@link DrillStatus#allows}): the engine refuses by that table, and the pages show their buttons
 * by it.
 */
public enum DrillAction {
  START, PAUSE, RESUME, STOP, SPEED, BROADCAST, INJECT, ARCHIVE, TASK;

  /** The name the pages read. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
