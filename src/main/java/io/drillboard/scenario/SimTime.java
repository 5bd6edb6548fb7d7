package io.drillboard.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sim time is milliseconds since midnight of the drill's day: scenarios speak in times of day ("09:00"), and a plain
 * long keeps projections and the clock cheap and exact.
 */
public final class SimTime {
  public static final long SECOND = 1_000;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;
  public static final long DAY = 24 * HOUR;

  private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private SimTime() {
  }

  /** Parses "HH:mm", "HH:mm:ss" or "HH:mm:ss.SSS"; throws IllegalArgumentException with a readable reason. */
  public static long parseTimeOfDay(String text) {
    Matcher m = TIME_OF_DAY.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a time of day such as \"09:30\" or \"09:30:15\", got \"" + text + "\"");
    }
    int hours = Integer.parseInt(m.group(1));
    int minutes = Integer.parseInt(m.group(2));
    int seconds = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    int millis = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00").substring(0, 3));
    if (hours > 23 || minutes > 59 || seconds > 59) {
      throw new IllegalArgumentException("\"" + text + "\" is not a valid time of day");
    }
    return hours * HOUR + minutes * MINUTE + seconds * SECOND + millis;
  }

  /** Parses durations such as "15m", "4h", "90s", "1h30m", "500ms". */
  public static long parseDuration(String text) {
    String compact = text.trim().replace(" ", "");
    Matcher m = DURATION_PART.matcher(compact);
    long total = 0;
    int consumed = 0;
    while (m.find()) {
      if (m.start() != consumed) {
        break;
      }
      long amount = Long.parseLong(m.group(1));
      total += switch (m.group(2)) {
        case "h" -> amount * HOUR;
        case "m" -> amount * MINUTE;
        case "s" -> amount * SECOND;
        default -> amount;
      };
      consumed = m.end();
    }
    if (consumed == 0 || consumed != compact.length()) {
      throw new IllegalArgumentException("expected a duration such as \"15m\", \"4h\" or \"1h30m\", got \"" + text + "\"");
    }
    return total;
  }

  /** "HH:mm:ss", with milliseconds only when there are some. */
  public static String format(long simMillis) {
    long clamped = Math.floorMod(simMillis, DAY);
    long h = clamped / HOUR;
    long m = clamped % HOUR / MINUTE;
    long s = clamped % MINUTE / SECOND;
    long ms = clamped % SECOND;
    String base = String.format("%02d:%02d:%02d", h, m, s);
    return ms == 0 ? base : base + String.format(".%03d", ms);
  }

  /** Seconds as a double, the unit latencies are reported in. */
  public static double seconds(long millis) {
    return millis / 1000.0;
  }
}
