package io.drillboard.opinion;

import io.drillboard.scenario.Scenario.Kernel;
import io.drillboard.scenario.Scenario.OpinionParameters;
import io.drillboard.scenario.Scenario.Sentiment;
import io.drillboard.scenario.SimTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Simulated public opinion: a seeded, marked Hawkes process simulated through its branching structure. Outside posts
 * (the viral post, media pick-up) are immigrants; every realised post begets Poisson(n) reposts and comments whose
 * delays follow the kernel. Team actions lower the branching ratio from their moment on: children are drawn with the
 * initial ratio and kept with probability n(t)/n0 when they come due (thinning), which is exactly a Hawkes process
 * whose excitation is scaled by n(t). Sentiment is drawn when a post comes due, so a statement shifts what follows.
 *
 * <p>Deterministic: the same seed and the same calls at the same sim times give the same posts, whatever the
 * wall-clock timing, which is what lets the engine rebuild it from the event log.
 */
public final class OpinionSimulation {
  private static final double DAMPING_FLOOR = 1e-6;

  private final OpinionParameters parameters;
  private final SplittableRandom random;
  private final List<String> platforms;
  private final double[] platformCumulative;
  private final PriorityQueue<Post> due = new PriorityQueue<>();
  private final double initialBranching;
  private double branching;
  private final Map<Sentiment, Double> sentimentMix;
  private long realisedThrough = Long.MIN_VALUE;
  private long sampledThrough = Long.MIN_VALUE;
  private long sequence;
  private MinuteCounts current = new MinuteCounts();

  public OpinionSimulation(OpinionParameters parameters, long seed) {
    this.parameters = parameters;
    this.random = new SplittableRandom(seed);
    this.platforms = List.copyOf(parameters.platforms().keySet());
    this.platformCumulative = cumulative(parameters.platforms().values().stream().mapToDouble(Double::doubleValue)
        .toArray());
    this.initialBranching = parameters.branchingRatio();
    this.branching = parameters.branchingRatio();
    this.sentimentMix = new EnumMap<>(parameters.sentiment());
  }

  public double branchingRatio() {
    return branching;
  }

  /** Adds outside posts spread uniformly over [at, at + spread). */
  public void addImmigrants(long at, int count, String platform, long spread) {
    realiseThrough(at);
    for (int i = 0; i < count; i++) {
      long time = at + (spread > 0 ? (long) (random.nextDouble() * spread) : 0);
      due.add(new Post(time, sequence++, platform, Kind.POST, true, NO_PARENT));
    }
  }

  /** A team action at this moment: the branching ratio is multiplied, negative sentiment moves to the others. */
  public void damp(long at, double branchingFactor, double sentimentShift) {
    realiseThrough(at);
    branching = Math.max(DAMPING_FLOOR, branching * branchingFactor);
    double moved = sentimentMix.get(Sentiment.NEGATIVE) * sentimentShift;
    sentimentMix.merge(Sentiment.NEGATIVE, -moved, Double::sum);
    sentimentMix.merge(Sentiment.NEUTRAL, moved / 2, Double::sum);
    sentimentMix.merge(Sentiment.POSITIVE, moved / 2, Double::sum);
  }

  /**
   * The posts that came due after the previous sample, up to and including {@code through}; a second call for a moment
   * already sampled returns nothing, so replaying a stored sample is harmless.
   */
  public MinuteCounts sample(long through) {
    if (through <= sampledThrough) {
      return new MinuteCounts();
    }
    realiseThrough(through);
    MinuteCounts counts = current;
    current = new MinuteCounts();
    sampledThrough = through;
    return counts;
  }

  /** Runs the process to exhaustion (no horizon) and returns how many posts were realised: for checking the model. */
  public long runToExhaustion() {
    long before = current.total();
    realiseThrough(Long.MAX_VALUE);
    return current.total() - before;
  }

  private void realiseThrough(long time) {
    if (time <= realisedThrough) {
      return;
    }
    while (!due.isEmpty() && due.peek().time <= time) {
      Post post = due.poll();
      if (!post.immigrant && random.nextDouble() * initialBranching >= branching) {
        continue;
      }
      Sentiment sentiment = drawSentiment();
      int children = spawnChildren(post);
      current.add(new Realised(post.order, post.time, post.platform, sentiment, post.kind, post.parent, children));
    }
    realisedThrough = time;
  }

  /** Schedules the post's reposts and comments; returns how many were drawn (before any is thinned away). */
  private int spawnChildren(Post parent) {
    int children = poisson(initialBranching);
    for (int i = 0; i < children; i++) {
      long delay = (long) kernelDelay();
      long time = parent.time + Math.max(1, delay);
      String platform = random.nextDouble() < parameters.stickiness() ? parent.platform : drawPlatform();
      Kind kind = random.nextDouble() < parameters.repostShare() ? Kind.REPOST : Kind.COMMENT;
      due.add(new Post(time, sequence++, platform, kind, false, parent.order));
    }
    return children;
  }

  /** Delay in milliseconds drawn from the normalised kernel. */
  private double kernelDelay() {
    double scale = parameters.timescale();
    if (parameters.kernel() == Kernel.EXPONENTIAL) {
      return -scale * Math.log(1 - random.nextDouble());
    }
    // SEISMIC power law: flat c on [0, s0], then c (t/s0)^-(1+theta); mass theta/(1+theta) lies on the flat part.
    double theta = parameters.theta();
    if (random.nextDouble() < theta / (1 + theta)) {
      return random.nextDouble() * scale;
    }
    return Math.min(scale * Math.pow(1 - random.nextDouble(), -1 / theta), 30 * SimTime.DAY);
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }

  private Sentiment drawSentiment() {
    double total = 0;
    for (double weight : sentimentMix.values()) {
      total += weight;
    }
    double pick = random.nextDouble() * total;
    for (Map.Entry<Sentiment, Double> entry : sentimentMix.entrySet()) {
      pick -= entry.getValue();
      if (pick < 0) {
        return entry.getKey();
      }
    }
    return Sentiment.NEGATIVE;
  }

  private String drawPlatform() {
    double pick = random.nextDouble() * platformCumulative[platformCumulative.length - 1];
    for (int i = 0; i < platformCumulative.length; i++) {
      if (pick < platformCumulative[i]) {
        return platforms.get(i);
      }
    }
    return platforms.get(platforms.size() - 1);
  }

  private static double[] cumulative(double[] weights) {
    double[] sums = new double[weights.length];
    double running = 0;
    for (int i = 0; i < weights.length; i++) {
      running += weights[i];
      sums[i] = running;
    }
    return sums;
  }

  public enum Kind {
    POST, REPOST, COMMENT
  }

  private record Post(long time, long order, String platform, Kind kind, boolean immigrant, long parent)
      implements Comparable<Post> {
    @Override
    public int compareTo(Post other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  /** What a post that parents none carries as its parent. */
  public static final long NO_PARENT = -1;

  /**
   * One post as it came due: its number in the simulation (unique for the drill's seed), when, where, what it says
   * in tone, what it is, the post it answers ({@link #NO_PARENT} for an outside post) and how many reposts and
   * comments it drew.
   */
  public record Realised(long id, long time, String platform, Sentiment sentiment, Kind kind, long parent,
      int children) {
  }

  /** Posts counted by platform and sentiment, and by kind, with the posts themselves in the order they came due. */
  public static final class MinuteCounts {
    private final Map<String, Map<Sentiment, Integer>> byPlatform = new java.util.TreeMap<>();
    private final Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
    private final List<Realised> posts = new java.util.ArrayList<>();

    void add(Realised post) {
      byPlatform.computeIfAbsent(post.platform(), p -> new EnumMap<>(Sentiment.class))
          .merge(post.sentiment(), 1, Integer::sum);
      byKind.merge(post.kind(), 1, Integer::sum);
      posts.add(post);
    }

    public List<Realised> posts() {
      return java.util.Collections.unmodifiableList(posts);
    }

    public Map<String, Map<Sentiment, Integer>> byPlatform() {
      return byPlatform;
    }

    public int count(Kind kind) {
      return byKind.getOrDefault(kind, 0);
    }

    public long total() {
      return byKind.values().stream().mapToLong(Integer::longValue).sum();
    }
  }
}
