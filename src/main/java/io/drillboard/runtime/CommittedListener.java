package io.drillboard.runtime;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import java.util.List;

/**
 * Told of every batch of a drill's events once it is stored, with the state it leads to, and of a drill that stops
 * running on this node (metrics listen here: a drill's series come from the node that runs it).
 */
public interface CommittedListener {
  /** {@code events} may be empty when a drill is (re)loaded: the state is then all there is to know. */
  void committed(String drillId, List<Event> events, DrillState state);

  /** The drill no longer runs here (in a cluster, another node may run it now). */
  void stopped(String drillId);
}
