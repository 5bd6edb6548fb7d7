package io.drillboard.scenario;

import java.util.regex.Pattern;

/** The one id syntax used for scenarios, teams, tasks, injects, objectives and criteria. */
public final class Ids {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private Ids() {
  }

  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
