package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The transitions, written once: what each lifecycle event makes of each status. */
class DrillStatusTest {
  @Test
  void lifecycleEventsMoveTheStatusAndOthersLeaveIt() {
    assertThat(DrillStatus.CREATED.after("drill.started")).isEqualTo(DrillStatus.RUNNING);
    assertThat(DrillStatus.RUNNING.after("drill.paused")).isEqualTo(DrillStatus.PAUSED);
    assertThat(DrillStatus.PAUSED.after("drill.resumed")).isEqualTo(DrillStatus.RUNNING);
    assertThat(DrillStatus.RUNNING.after("drill.ended")).isEqualTo(DrillStatus.ENDED);
    assertThat(DrillStatus.PAUSED.after("drill.ended")).isEqualTo(DrillStatus.ENDED);
    for (DrillStatus status : DrillStatus.values()) {
      for (String other : new String[] {"drill.speed_changed", "drill.archived", "drill.broadcast", "task.completed",
          "opinion.sampled", "message"}) {
        assertThat(status.after(other)).as(status + " after " + other).isEqualTo(status);
      }
    }
  }
}
