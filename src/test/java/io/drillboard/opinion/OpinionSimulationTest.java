package io.drillboard.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.drillboard.scenario.Scenario.Kernel;
import io.drillboard.scenario.Scenario.OpinionParameters;
import io.drillboard.scenario.Scenario.Sentiment;
import io.drillboard.scenario.SimTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpinionSimulationTest {
  private static final long TEN = 10 * SimTime.HOUR;

  private static OpinionParameters parameters(Kernel kernel, double branching) {
    return new OpinionParameters(kernel, branching, 6 * SimTime.MINUTE, 0.8,
        Map.of("wechat", 0.6, "weibo", 0.4), 0.75,
        Map.of(Sentiment.NEGATIVE, 0.7, Sentiment.NEUTRAL, 0.2, Sentiment.POSITIVE, 0.1), 0.6);
  }

  /** A subcritical Hawkes process with N0 immigrants and branching ratio n has N0 / (1 - n) events on average. */
  @Test
  void totalsOverManySeedsMatchTheClosedForm() {
    for (Kernel kernel : Kernel.values()) {
      int immigrants = 40;
      double branching = 0.8;
      int runs = 400;
      double sum = 0;
      for (long seed = 1; seed <= runs; seed++) {
        OpinionSimulation simulation = new OpinionSimulation(parameters(kernel, branching), seed);
        simulation.addImmigrants(TEN, immigrants, "wechat", 20 * SimTime.MINUTE);
        sum += simulation.runToExhaustion();
      }
      double expected = immigrants / (1 - branching);
      // Standard error of the mean here is about 1.4% of the expectation; allow 5%.
      assertThat(sum / runs).as(kernel.name()).isCloseTo(expected, within(expected * 0.05));
    }
  }

  @Test
  void theSameSeedGivesTheSameCurveHoweverItIsSampled() {
    OpinionSimulation byMinute = new OpinionSimulation(parameters(Kernel.POWERLAW, 0.85), 99);
    OpinionSimulation byHour = new OpinionSimulation(parameters(Kernel.POWERLAW, 0.85), 99);
    byMinute.addImmigrants(TEN, 30, "wechat", 10 * SimTime.MINUTE);
    byHour.addImmigrants(TEN, 30, "wechat", 10 * SimTime.MINUTE);
    long minuteTotal = 0;
    for (long t = TEN; t <= TEN + 2 * SimTime.HOUR; t += SimTime.MINUTE) {
      minuteTotal += byMinute.sample(t).total();
      if (t == TEN + SimTime.HOUR) {
        byMinute.damp(t, 0.5, 0.4);
      }
    }
    long hourTotal = byHour.sample(TEN + SimTime.HOUR).total();
    byHour.damp(TEN + SimTime.HOUR, 0.5, 0.4);
    hourTotal += byHour.sample(TEN + 2 * SimTime.HOUR).total();
    assertThat(minuteTotal).isEqualTo(hourTotal).isPositive();
  }

  @Test
  void aStatementBendsTheCurveDownAndShiftsSentiment() {
    double undampedAfter = 0;
    double dampedAfter = 0;
    double negativeShareUndamped = 0;
    double negativeShareDamped = 0;
    for (long seed = 1; seed <= 100; seed++) {
      OpinionSimulation plain = new OpinionSimulation(parameters(Kernel.EXPONENTIAL, 0.9), seed);
      OpinionSimulation damped = new OpinionSimulation(parameters(Kernel.EXPONENTIAL, 0.9), seed);
      plain.addImmigrants(TEN, 30, "wechat", 0);
      damped.addImmigrants(TEN, 30, "wechat", 0);
      plain.sample(TEN + 30 * SimTime.MINUTE);
      damped.sample(TEN + 30 * SimTime.MINUTE);
      damped.damp(TEN + 30 * SimTime.MINUTE, 0.3, 0.8);
      OpinionSimulation.MinuteCounts plainLater = plain.sample(TEN + 8 * SimTime.HOUR);
      OpinionSimulation.MinuteCounts dampedLater = damped.sample(TEN + 8 * SimTime.HOUR);
      undampedAfter += plainLater.total();
      dampedAfter += dampedLater.total();
      negativeShareUndamped += share(plainLater, Sentiment.NEGATIVE);
      negativeShareDamped += share(dampedLater, Sentiment.NEGATIVE);
    }
    assertThat(dampedAfter).isLessThan(undampedAfter * 0.6);
    assertThat(negativeShareDamped).isLessThan(negativeShareUndamped * 0.5);
  }

  private static double share(OpinionSimulation.MinuteCounts counts, Sentiment sentiment) {
    long total = counts.total();
    long matching = counts.byPlatform().values().stream().mapToLong(m -> m.getOrDefault(sentiment, 0)).sum();
    return total == 0 ? 0 : (double) matching / total;
  }
}
