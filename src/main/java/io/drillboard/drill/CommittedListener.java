package io.drillboard.drill;

import java.util.List;

/** Told of every batch of a drill's events once it is stored, with the state it leads to (metrics listen here). */
public interface CommittedListener {
  /** {@code events} may be empty when a drill is (re)loaded: the state is then all there is to know. */
  void committed(String drillId, List<Event> events, DrillState state);
}
