package io.drillboard.metrics;

import io.vertx.micrometer.Label;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * Which Vert.x metrics Drillboard serves: event bus, pools, JVM and event loops, with bounded labels. Not Vert.x's
 * HTTP server meters: their per-request lookups cost 8% of the event loops under load, and {@link HttpMeters} counts
 * the responses instead.
 */
public final class VertxMetrics {
  private VertxMetrics() {
  }

  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setNettyMetricsEnabled(true)
        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
        .setLabels(java.util.EnumSet.of(Label.EB_ADDRESS, Label.EB_SIDE,
            Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME, Label.NAMESPACE))
        // Event-bus addresses name drills; fold them so the address label stays bounded.
        .addLabelMatch(perDrill("drillboard\\.drill\\..*", "drillboard.drill.*"))
        .addLabelMatch(perDrill("drillboard\\.live\\..*", "drillboard.live.*"))
        .addLabelMatch(new Match().setDomain(MetricsDomain.EVENT_BUS).setLabel(Label.EB_ADDRESS.toString())
            .setType(MatchType.REGEX).setValue("__vertx\\..*").setAlias("__vertx.reply"));
  }

  private static Match perDrill(String pattern, String alias) {
    return new Match().setDomain(MetricsDomain.EVENT_BUS).setLabel(Label.EB_ADDRESS.toString())
        .setType(MatchType.REGEX).setValue(pattern).setAlias(alias);
  }
}
