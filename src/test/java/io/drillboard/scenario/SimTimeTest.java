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
}
