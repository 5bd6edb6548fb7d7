package io.drillboard.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sim time is milliseconds since midnight of the drill's first day: scenarios speak in times of day ("09:00", or
 * "D2 09:00" on a later day), and a plain long keeps projections and the clock cheap and exact.
 */
public final class SimTime {
  public static final long SECOND = 1_000;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;
  public static final long DAY = 24 * HOUR;
  /** The longest a scenario may run, in days: a complaint's handling (15 days) with room for its follow-up. */
  public static final int MAX_DAYS = 31;

  private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?");
  private static final Pattern DAY_AND_TIME = Pattern.compile("[Dd](\\d{1,3})\\s+(\\S+)");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

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

  /**
   * Parses a time on the drill's first day ("09:30", as {@link #parseTimeOfDay}) or on a later one ("D2 09:30", day 1
   * being the first); throws IllegalArgumentException with a readable reason.
   */
  public static long parseTime(String text) {
    Matcher m = DAY_AND_TIME.matcher(text.trim());
    if (!m.matches()) {
      if (text.trim().matches("[Dd]\\d*.*")) {
        throw new IllegalArgumentException("expected a time such as \"09:30\" or \"D2 09:30\" (day 2), got \""
            + text + "\"");
      }
      return parseTimeOfDay(text);
    }
    int day = Integer.parseInt(m.group(1));
    if (day < 1 || day > MAX_DAYS) {
      throw new IllegalArgumentException("\"" + text + "\": the day must be from D1 to D" + MAX_DAYS);
    }
    return (day - 1) * DAY + parseTimeOfDay(m.group(2));
  }

  /** Parses durations such as "15m", "4h", "90s", "1h30m", "500ms", "1d", "2d4h". */
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
        case "d" -> amount * DAY;
        case "h" -> amount * HOUR;
        case "m" -> amount * MINUTE;
        case "s" -> amount * SECOND;
        default -> amount;
      };
      consumed = m.end();
    }
    if (consumed == 0 || consumed != compact.length()) {
      throw new IllegalArgumentException("expected a duration such as \"15m\", \"4h\", \"1h30m\" or \"1d\", got \"" + text
          + "\"");
    }
    return total;
  }

  /**
   * "HH:mm:ss", with milliseconds only when there are some; on a later day than the first, led by the day, as in
   * "D2 09:00:00", the form scenario files use.
   */
  public static String format(long simMillis) {
    long day = day(simMillis);
    return day > 1 ? "D" + day + " " + timeOfDay(simMillis) : timeOfDay(simMillis);
  }

  /** The day a sim time falls on, 1 for the drill's first. */
  public static long day(long simMillis) {
    return Math.floorDiv(simMillis, DAY) + 1;
  }

  /** "HH:mm:ss" of the sim time's own day, with milliseconds only when there are some. */
  public static String timeOfDay(long simMillis) {
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
