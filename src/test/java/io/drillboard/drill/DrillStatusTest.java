package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transitions, written once: what each lifecycle event makes of each status. */
class DrillStatusTest {
  @Test
  void lifecycleEventsMoveTheStatusAndOthersLeaveIt() {
    assertThat(DrillStatus.CREATED.after(EventType.DRILL_STARTED)).isEqualTo(DrillStatus.RUNNING);
    assertThat(DrillStatus.RUNNING.after(EventType.DRILL_PAUSED)).isEqualTo(DrillStatus.PAUSED);
    assertThat(DrillStatus.PAUSED.after(EventType.DRILL_RESUMED)).isEqualTo(DrillStatus.RUNNING);
    assertThat(DrillStatus.RUNNING.after(EventType.DRILL_ENDED)).isEqualTo(DrillStatus.ENDED);
    assertThat(DrillStatus.PAUSED.after(EventType.DRILL_ENDED)).isEqualTo(DrillStatus.ENDED);
    Set<EventType> lifecycle = EnumSet.of(EventType.DRILL_STARTED, EventType.DRILL_PAUSED, EventType.DRILL_RESUMED,
        EventType.DRILL_ENDED);
    for (DrillStatus status : DrillStatus.values()) {
      for (EventType other : EnumSet.complementOf(EnumSet.copyOf(lifecycle))) {
        assertThat(status.after(other)).as(status + " after " + other).isEqualTo(status);
      }
    }
  }
}
