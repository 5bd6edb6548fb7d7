package io.drillboard.cli;

import io.drillboard.scenario.SimTime;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Durations on the command line as in scenarios: 30s, 15m, 12h, 1h30m; and days, 7d. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase();
    if (text.endsWith("d")) {
      return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    return Duration.ofMillis(SimTime.parseDuration(text));
  }
}
