package io.drillboard.support;

import java.util.Map;

/** When the seed case's teams finished each task: what the autopilot must reproduce exactly. */
public final class SeedTimeline {
  public static final Map<String, String> DONE_AT = Map.of(
      "activate-plan", "11:10:00",
      "first-meeting", "11:30:00",
      "contact-customer", "14:00:00",
      "home-visit", "15:00:00",
      "monitor-opinion", "16:00:00",
      "public-statement", "16:00:00",
      "reverify", "17:00:00");

  private SeedTimeline() {
  }
}
