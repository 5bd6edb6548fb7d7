package io.drillboard.view;

import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.OpinionTally;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/** The opinion fragment: the totals so far and the series of sampled minutes. */
final class OpinionView {
  private OpinionView() {
  }

  static JsonObject of(OpinionTally tally) {
    JsonArray series = new JsonArray();
    tally.series().forEach(sample -> series.add(minute(sample)));
    JsonObject bySentiment = new JsonObject();
    tally.bySentiment().forEach((s, n) -> bySentiment.put(s.key(), n));
    return new JsonObject().put("total", tally.total()).put("firstPostAt", TeamsView.moment(tally.firstPostAt()))
        .put("byPlatform", new JsonObject(Map.copyOf(tally.byPlatform()))).put("bySentiment", bySentiment)
        .put("peak", tally.peakMinute() == OpinionTally.NONE ? null
            : new JsonObject().put("minute", tally.peakMinute()).put("count", tally.peakCount()))
        .put("series", series);
  }

  private static JsonObject minute(OpinionSampled sample) {
    Map<String, Integer> byPlatform = new TreeMap<>();
    Map<String, Integer> bySentiment = new TreeMap<>();
    sample.counts().forEach((platform, counts) -> counts.forEach((sentiment, n) -> {
      byPlatform.merge(platform, n, Integer::sum);
      bySentiment.merge(sentiment.key(), n, Integer::sum);
    }));
    return new JsonObject().put("minute", sample.minute()).put("total", sample.total())
        .put("byPlatform", new JsonObject(Map.copyOf(byPlatform)))
        .put("bySentiment", new JsonObject(Map.copyOf(bySentiment))).put("branchingRatio", sample.branchingRatio());
  }
}
