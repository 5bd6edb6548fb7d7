package io.drillboard.view;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.runtime.FrameWriter;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** One drill's delta frames: each carries what changed in the view since the frame before it ({@link ViewPatch}). */
public final class DeltaWriter implements FrameWriter {
  /** What the last frame left its viewers holding; null before the first, which carries the whole view. */
  private JsonObject framed;

  @Override
  public String delta(DrillState state, List<Event> events, long wallNow) {
    JsonObject view = DrillView.aggregates(state, wallNow);
    JsonObject patch = framed == null ? view : ViewPatch.between(framed, view);
    framed = view;
    return LiveFrames.delta(events, patch);
  }

  @Override
  public void restart() {
    framed = null;
  }
}
