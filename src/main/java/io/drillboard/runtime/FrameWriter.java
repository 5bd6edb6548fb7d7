package io.drillboard.runtime;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import java.util.List;

/**
 * Writes one drill's live frames. The drill's runtime decides when a frame goes out and with which events; the read
 * side decides what it says. One writer per loaded drill: it remembers what its last frame showed.
 */
public interface FrameWriter {
  /** The frame for {@code events} (contiguous, in seq order, all committed), after which the drill is {@code state}. */
  String delta(DrillState state, List<Event> events, long wallNow);

  /** The drill was rebuilt from the store: its next frame carries the whole view again. */
  void restart();
}
