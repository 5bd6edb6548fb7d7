package io.drillboard.drill;

/**
 * The stable machine codes of refusals, sent as problem+json's {@code code}: pages map them to text in their own
 * language, and scripts branch on them, whatever the English {@code detail} says.
 */
public final class ProblemCodes {
  public static final String INVALID_FIELDS = "invalid-fields";
  public static final String SCENARIO_INVALID = "scenario-invalid";
  public static final String DRILL_NOT_FOUND = "drill-not-found";
  public static final String SCENARIO_NOT_FOUND = "scenario-not-found";
  public static final String SCENARIO_ITEM_NOT_FOUND = "scenario-item-not-found";
  public static final String DRILL_ENDED = "drill-ended";
  public static final String DRILL_NOT_ACTIVE = "drill-not-active";
  public static final String DRILL_WRONG_STATE = "drill-wrong-state";
  public static final String INJECT_ALREADY_FIRED = "inject-already-fired";
  public static final String TASK_WRONG_STATE = "task-wrong-state";
  public static final String TASK_OTHER_TEAM = "task-other-team";
  public static final String ENTRY_NOT_CURRENT = "entry-not-current";
  public static final String STORE_UNAVAILABLE = "store-unavailable";

  private ProblemCodes() {
  }
}
