package io.drillboard.evaluation;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Assessment.CorrectiveAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The improvement plan carried from drill to drill (HSEEP AAR/IP): the corrective actions that earlier drills of a
 * scenario left open, until a later drill closes them. Computed from the drills' states alone.
 */
public final class ImprovementPlan {
  private ImprovementPlan() {
  }

  /** An open action of an earlier drill. */
  public record EarlierAction(DrillState drill, CorrectiveAction action) {
  }

  /**
   * The actions still open from the drills created before {@code drillId}.
   *
   * @param drills every drill of the scenario, in the order they were created
   */
  public static List<EarlierAction> openBefore(List<DrillState> drills, String drillId) {
    Set<String> closed = new HashSet<>();
    drills.forEach(d -> d.assessment().closedEarlier().forEach(c -> closed.add(c.drillId() + "#" + c.actionSeq())));
    List<EarlierAction> open = new ArrayList<>();
    for (DrillState drill : drills) {
      if (drill.drillId().equals(drillId)) {
        break;
      }
      drill.assessment().actions().stream()
          .filter(a -> a.state().open() && !closed.contains(drill.drillId() + "#" + a.seq()))
          .forEach(a -> open.add(new EarlierAction(drill, a)));
    }
    return open;
  }
}
