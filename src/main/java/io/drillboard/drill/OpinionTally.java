package io.drillboard.drill;

import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.scenario.Scenario.Sentiment;
import io.drillboard.scenario.SimTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The opinion curve as the drill's events tell it: per-minute samples, totals and the peak minute. */
public record OpinionTally(long firstPostAt, List<OpinionSampled> series, long total,
    Map<String, Long> byPlatform, Map<Sentiment, Long> bySentiment, long peakMinute, int peakCount) {

  public static final long NONE = Long.MIN_VALUE;

  public static OpinionTally empty() {
    return new OpinionTally(NONE, List.of(), 0, Map.of(), Map.of(), NONE, 0);
  }

  public boolean started() {
    return firstPostAt != NONE;
  }

  OpinionTally firstPostsAt(long at) {
    return started() ? this : new OpinionTally(at, series, total, byPlatform, bySentiment, peakMinute, peakCount);
  }

  /** The end of the next minute to sample, or NONE before any outside post arrived. */
  public long nextSampleEnd() {
    if (!started()) {
      return NONE;
    }
    if (series.isEmpty()) {
      return Math.floorDiv(firstPostAt, SimTime.MINUTE) * SimTime.MINUTE + SimTime.MINUTE;
    }
    return series.get(series.size() - 1).minute() + 2 * SimTime.MINUTE;
  }

  /** Posts, and the negative ones among them, in the minutes sampled from {@code from} up to {@code through}. */
  public Window window(long from, long through, String platform) {
    long posts = 0;
    long negative = 0;
    for (int i = series.size() - 1; i >= 0 && series.get(i).minute() >= from; i--) {
      if (series.get(i).minute() >= through) {
        continue;
      }
      for (Map.Entry<String, Map<Sentiment, Integer>> counts : series.get(i).counts().entrySet()) {
        if (platform == null || platform.equals(counts.getKey())) {
          posts += counts.getValue().values().stream().mapToLong(Integer::longValue).sum();
          negative += counts.getValue().getOrDefault(Sentiment.NEGATIVE, 0);
        }
      }
    }
    return new Window(posts, negative);
  }

  /** What a stretch of the curve holds. */
  public record Window(long posts, long negative) {
    /** The negative share, 0 when there are no posts. */
    public double negativeShare() {
      return posts == 0 ? 0 : (double) negative / posts;
    }
  }

  OpinionTally with(OpinionSampled sample) {
    List<OpinionSampled> longer = new ArrayList<>(series.size() + 1);
    longer.addAll(series);
    longer.add(sample);
    Map<String, Long> platforms = new TreeMap<>(byPlatform);
    Map<Sentiment, Long> sentiments = new EnumMap<>(Sentiment.class);
    sentiments.putAll(bySentiment);
    sample.counts().forEach((platform, counts) -> counts.forEach((sentiment, n) -> {
      platforms.merge(platform, (long) n, Long::sum);
      sentiments.merge(sentiment, (long) n, Long::sum);
    }));
    boolean newPeak = sample.total() > peakCount;
    return new OpinionTally(firstPostAt, Collections.unmodifiableList(longer), total + sample.total(),
        Collections.unmodifiableMap(platforms), Collections.unmodifiableMap(sentiments),
        newPeak ? sample.minute() : peakMinute, newPeak ? sample.total() : peakCount);
  }
}
