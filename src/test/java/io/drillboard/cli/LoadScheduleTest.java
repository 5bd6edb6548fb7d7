package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The load tool's schedule: the rate rises evenly over the warm-up, then holds; each event's time agrees with it. */
class LoadScheduleTest {
  @Test
  void theRateRisesOverTheWarmUpThenHolds() {
    LoadSchedule schedule = new LoadSchedule(1_000, 10_000, 30_000);

    assertThat(schedule.dueBy(0)).isZero();
    // A quarter of the way into the ramp a sixteenth of its events are due; at its end, half of a full-rate ramp's.
    assertThat(schedule.dueBy(2_500)).isEqualTo(312);
    assertThat(schedule.dueBy(10_000)).isEqualTo(5_000);
    // Then a thousand a second, as without a warm-up.
    assertThat(schedule.dueBy(11_000) - schedule.dueBy(10_000)).isEqualTo(1_000);
    assertThat(schedule.total()).isEqualTo(25_000).isEqualTo(schedule.dueBy(60_000));
    // The last second of the ramp sends at nearly the full rate, the first at a twentieth of it.
    assertThat(schedule.dueBy(1_000)).isEqualTo(50);
    assertThat(schedule.dueBy(10_000) - schedule.dueBy(9_000)).isEqualTo(950);
  }

  @Test
  void withoutAWarmUpEventsAreDueAtTheFullRateFromTheStart() {
    LoadSchedule schedule = new LoadSchedule(200, 0, 2_000);
    assertThat(schedule.total()).isEqualTo(400);
    assertThat(schedule.intendedMillis(0)).isEqualTo(5);
    assertThat(schedule.intendedMillis(399)).isEqualTo(2_000);
  }

  @Property
  void eachEventIsIntendedAtTheFirstMillisecondItIsDue(@ForAll @IntRange(min = 1, max = 50_000) int rate,
      @ForAll @IntRange(min = 0, max = 20_000) int warmUp, @ForAll @IntRange(min = 1, max = 20_000) int afterWarmUp,
      @ForAll @LongRange(min = 0, max = 1_000_000) long candidate) {
    LoadSchedule schedule = new LoadSchedule(rate, warmUp, warmUp + afterWarmUp);
    long total = schedule.total();
    if (total == 0) {
      return;
    }
    long index = candidate % total;
    long at = schedule.intendedMillis(index);
    assertThat(schedule.dueBy(at)).isGreaterThan(index);
    assertThat(at == 0 || schedule.dueBy(at - 1) <= index).isTrue();
    assertThat(at).isLessThanOrEqualTo(warmUp + afterWarmUp);
  }
}
