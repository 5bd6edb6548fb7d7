package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.SimTime;
import org.junit.jupiter.api.Test;

class SimClockTest {
  private static final long NINE = 9 * SimTime.HOUR;

  @Test
  void atSixtyTimesNineHoursTakeNineMinutes() {
    SimClock clock = SimClock.stoppedAt(NINE, 60).startedAt(NINE, 1_000);
    assertThat(clock.simAt(1_000 + 9 * 60_000)).isEqualTo(18 * SimTime.HOUR);
    assertThat(clock.wallAt(18 * SimTime.HOUR)).isEqualTo(1_000 + 9 * 60_000);
  }

  @Test
  void pausingFreezesAndResumingContinuesFromTheSameSimTime() {
    SimClock running = SimClock.stoppedAt(NINE, 60).startedAt(NINE, 0);
    long simAtPause = running.simAt(10_000);
    SimClock paused = running.pausedAt(simAtPause, 10_000);
    assertThat(paused.simAt(99_000)).isEqualTo(simAtPause);
    SimClock resumed = paused.startedAt(simAtPause, 100_000);
    assertThat(resumed.simAt(101_000)).isEqualTo(simAtPause + 60_000);
  }

  @Test
  void aNewSpeedAppliesFromTheMomentItIsSet() {
    SimClock clock = SimClock.stoppedAt(NINE, 1).startedAt(NINE, 0);
    long sim = clock.simAt(1_000);
    SimClock faster = clock.withSpeed(3600, sim, 1_000);
    assertThat(faster.simAt(2_000)).isEqualTo(NINE + 1_000 + SimTime.HOUR);
    assertThat(faster.wallAt(faster.simAt(1_500))).isLessThanOrEqualTo(1_500);
  }
}
