package io.drillboard.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimTimeTest {
  @Test
  void timesOfDayParseAndFormatBothWays() {
    assertThat(SimTime.parseTimeOfDay("09:00")).isEqualTo(9 * SimTime.HOUR);
    assertThat(SimTime.parseTimeOfDay("11:30:15.5")).isEqualTo(11 * SimTime.HOUR + 30 * SimTime.MINUTE + 15_500);
    assertThat(SimTime.format(11 * SimTime.HOUR + 30 * SimTime.MINUTE + 15_500)).isEqualTo("11:30:15.500");
    assertThat(SimTime.format(18 * SimTime.HOUR)).isEqualTo("18:00:00");
    assertThatThrownBy(() -> SimTime.parseTimeOfDay("25:00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimTime.parseTimeOfDay("noon")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durationsCombineUnits() {
    assertThat(SimTime.parseDuration("15m")).isEqualTo(15 * SimTime.MINUTE);
    assertThat(SimTime.parseDuration("1h30m")).isEqualTo(90 * SimTime.MINUTE);
    assertThat(SimTime.parseDuration("2h30m10s")).isEqualTo(2 * SimTime.HOUR + 30 * SimTime.MINUTE + 10_000);
    assertThat(SimTime.parseDuration("250ms")).isEqualTo(250);
    assertThatThrownBy(() -> SimTime.parseDuration("15")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimTime.parseDuration("m15")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimTime.parseDuration("1h banana")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTimeMayCarryItsDayAndFormatsWithItAfterTheFirstMidnight() {
    assertThat(SimTime.parseTime("09:00")).isEqualTo(9 * SimTime.HOUR);
    assertThat(SimTime.parseTime("D1 09:00")).isEqualTo(9 * SimTime.HOUR);
    assertThat(SimTime.parseTime("D2 09:00")).isEqualTo(SimTime.DAY + 9 * SimTime.HOUR);
    assertThat(SimTime.parseTime("d15 23:59:59")).isEqualTo(14 * SimTime.DAY + 24 * SimTime.HOUR - 1_000);
    assertThat(SimTime.format(SimTime.DAY + 9 * SimTime.HOUR)).isEqualTo("D2 09:00:00");
    assertThat(SimTime.format(SimTime.DAY - 1)).as("the first day keeps its old form").isEqualTo("23:59:59.999");
    assertThat(SimTime.format(SimTime.DAY)).isEqualTo("D2 00:00:00");
    for (long sim : new long[] {0, 9 * SimTime.HOUR, SimTime.DAY + 1, 30 * SimTime.DAY + 12 * SimTime.HOUR}) {
      assertThat(SimTime.parseTime(SimTime.format(sim))).as("round trip of %d", sim).isEqualTo(sim);
    }
    assertThatThrownBy(() -> SimTime.parseTime("D0 09:00")).hasMessageContaining("from D1 to D31");
    assertThatThrownBy(() -> SimTime.parseTime("D99 09:00")).hasMessageContaining("from D1 to D31");
    assertThatThrownBy(() -> SimTime.parseTime("D2 24:00")).hasMessageContaining("not a valid time of day");
    assertThatThrownBy(() -> SimTime.parseTime("D2")).hasMessageContaining("\"D2 09:30\" (day 2)");
    assertThatThrownBy(() -> SimTime.parseTime("Day 2 09:00")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durationsMayCountDays() {
    assertThat(SimTime.parseDuration("1d")).isEqualTo(SimTime.DAY);
    assertThat(SimTime.parseDuration("2d4h")).isEqualTo(2 * SimTime.DAY + 4 * SimTime.HOUR);
  }
}
