package io.drillboard.report;

import io.drillboard.drill.Event;
import java.util.List;

/** A drill's whole log folded into what its report is computed from, as the store's fold does page by page. */
final class FoldedLog {
  private FoldedLog() {
  }

  static ReportSource of(String drillId, List<Event> log) {
    ReportSource folded = ReportSource.first(drillId, log.get(0));
    for (Event event : log.subList(1, log.size())) {
      folded = folded.apply(event);
    }
    return folded;
  }
}
