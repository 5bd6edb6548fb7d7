package io.drillboard.view;

import io.drillboard.drill.SimClock;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonObject;

/**
 * The clock fragment: the sim time a frame stands at and the anchors from which a page moves its clock between frames.
 * The live drill and a replay write it alike, each from its own clock.
 */
public final class ClockView {
  private ClockView() {
  }

  /** Puts {@code simTime}, {@code sim} and {@code clock} into {@code view}. */
  public static JsonObject write(JsonObject view, long simNow, long simAnchor, long wallAnchor, double speed,
      boolean running, Scenario scenario, long wallNow) {
    return view.put("simTime", simNow).put("sim", SimTime.format(simNow))
        .put("clock", new JsonObject().put("simAnchor", simAnchor).put("wallAnchor", wallAnchor).put("speed", speed)
            .put("running", running).put("start", scenario.start()).put("end", scenario.end()).put("wallNow", wallNow));
  }

  /**
   * {@code view} with its clock read at {@code wallNow}: a view kept from frames stands at its last frame, while its
   * clock, like a page's, runs on from the anchors.
   */
  public static JsonObject readAt(JsonObject view, long wallNow) {
    JsonObject clock = view.getJsonObject("clock");
    SimClock running = new SimClock(clock.getLong("simAnchor"), clock.getLong("wallAnchor"), clock.getDouble("speed"),
        clock.getBoolean("running"));
    long simNow = Math.max(view.getLong("simTime"), Math.min(running.simAt(wallNow), clock.getLong("end")));
    clock.put("wallNow", wallNow);
    return view.put("simTime", simNow).put("sim", SimTime.format(simNow));
  }
}
