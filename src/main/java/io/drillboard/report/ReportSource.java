package io.drillboard.report;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;

/**
 * What a report is computed from: the drill's state after its events, the wall times it started and ended at, and
 * who took part.
 * A pure fold, so the report can be computed page by page without holding the events.
 */
public record ReportSource(DrillState state, Long startedAt, Long endedAt, Participants participants) {
  public static ReportSource first(String drillId, Event created) {
    return new ReportSource(DrillState.created(drillId, created), null, null, Participants.none());
  }

  public ReportSource apply(Event event) {
    EventBody body = event.body();
    Long started = startedAt == null && body instanceof EventBody.Started ? Long.valueOf(event.wallTime()) : startedAt;
    Long ended = endedAt == null && body instanceof EventBody.Ended ? Long.valueOf(event.wallTime()) : endedAt;
    return new ReportSource(state.apply(event), started, ended, participants.apply(event));
  }

  /** Every stored event is one seq: a drill's seqs run from 1 without a gap. */
  public long events() {
    return state.seq();
  }
}
