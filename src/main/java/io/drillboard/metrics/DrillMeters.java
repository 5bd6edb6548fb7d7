package io.drillboard.metrics;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillStatus;
import io.drillboard.drill.Event;
import io.drillboard.drill.EventType;
import io.drillboard.drill.EventBody;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.EventBody.TaskAdvanced;
import io.drillboard.drill.TaskProgress;
import io.drillboard.drill.TaskState;
import io.drillboard.scenario.Scenario.Sentiment;
import io.drillboard.scenario.Scenario.Team;
import io.drillboard.scenario.SimTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/** One drill's series: gauges read its latest committed state; counters and histograms follow its events. */
final class DrillMeters {
  /** Latency buckets in sim time, from a minute to a working day. */
  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(45),
      Duration.ofHours(1), Duration.ofMinutes(90), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(4),
      Duration.ofHours(6), Duration.ofHours(8)};
  /** Injected event types are the client's choice: past this many per drill they count as "other". */
  static final int MAX_EXTERNAL_TYPES = 20;

  private final String drillId;
  private final AtomicReference<DrillState> state;
  private final AtomicReference<OpinionSampled> lastSample = new AtomicReference<>();
  private final List<Meter> meters = new ArrayList<>();
  private final Map<String, Counter> eventCounters = new HashMap<>();
  private final Map<String, Timer> responseByTeam = new HashMap<>();
  private final Map<String, Timer> completionByTeam = new HashMap<>();
  private final Map<String, Counter> postsByPlatformAndSentiment = new HashMap<>();
  private final Counter injectsFired;
  private final MeterRegistry registry;

  DrillMeters(MeterRegistry registry, DrillState initial, InstantSource clock) {
    this.registry = registry;
    this.drillId = initial.drillId();
    this.state = new AtomicReference<>(initial);
    Tags drill = Tags.of("drill", drillId);
    injectsFired = keep(Counter.builder("drillboard.injects.fired").tags(drill).register(registry));
    gauge("drillboard.drill.sim.time", drill, "seconds",
        s -> SimTime.seconds(s.simNow(clock.millis())));
    for (DrillStatus status : DrillStatus.values()) {
      gauge("drillboard.drill.state", drill.and("state", status.key()), null, s -> s.status() == status ? 1 : 0);
    }
    for (Team team : initial.scenario().teams()) {
      Tags tags = drill.and("team", team.id());
      gauge("drillboard.team.progress.ratio", tags, null, s -> progress(s, team));
      gauge("drillboard.tasks.overdue", tags, null, s -> tasks(s, team).stream().filter(TaskProgress::overdue).count());
      for (TaskState taskState : TaskState.values()) {
        gauge("drillboard.tasks", tags.and("state", taskState.key()), null,
            s -> tasks(s, team).stream().filter(t -> t.state() == taskState).count());
      }
      responseByTeam.put(team.id(), latency("drillboard.response.latency", tags));
      completionByTeam.put(team.id(), latency("drillboard.completion.latency", tags));
    }
    for (String platform : initial.scenario().opinion().platforms().keySet()) {
      gauge("drillboard.opinion.volume", drill.and("platform", platform), null, s -> volume(platform));
      for (Sentiment sentiment : Sentiment.values()) {
        postsByPlatformAndSentiment.put(platform + "/" + sentiment.key(), keep(Counter.builder("drillboard.opinion.posts")
            .description("Simulated posts, reposts and comments")
            .tags(drill.and("platform", platform).and("sentiment", sentiment.key())).register(registry)));
      }
    }
  }

  DrillState state() {
    return state.get();
  }

  void record(List<Event> events, DrillState after) {
    Map<String, Integer> byType = new HashMap<>();
    for (Event event : events) {
      byType.merge(typeLabel(event.type()), 1, Integer::sum);
      observe(event.body(), after);
    }
    byType.forEach((type, count) -> eventCounter(type).increment(count));
    state.set(after);
  }

  private void observe(EventBody body, DrillState after) {
    if (body instanceof EventBody.InjectFired) {
      injectsFired.increment();
    } else if (body instanceof TaskAdvanced advanced) {
      TaskProgress task = after.task(advanced.taskId());
      if (advanced.state() == TaskState.ACKNOWLEDGED) {
        responseByTeam.get(task.teamId()).record(Duration.ofMillis(task.responseLatency()));
      } else if (advanced.state() == TaskState.DONE) {
        completionByTeam.get(task.teamId()).record(Duration.ofMillis(task.completionLatency()));
      }
    } else if (body instanceof OpinionSampled sample) {
      lastSample.set(sample);
      sample.counts().forEach((platform, counts) -> counts.forEach((sentiment, n) ->
          postsByPlatformAndSentiment.get(platform + "/" + sentiment.key()).increment(n)));
    }
  }

  private String typeLabel(String type) {
    if (EventType.reserved(type) || eventCounters.containsKey(type)) {
      return type;
    }
    long externalTypes = eventCounters.keySet().stream().filter(t -> !EventType.reserved(t)).count();
    return externalTypes < MAX_EXTERNAL_TYPES ? type : "other";
  }

  private Counter eventCounter(String type) {
    return eventCounters.computeIfAbsent(type, t -> keep(Counter.builder("drillboard.events.ingested")
        .description("Events stored, by type").tags("drill", drillId, "type", t).register(registry)));
  }

  private double volume(String platform) {
    OpinionSampled sample = lastSample.get();
    return sample == null ? 0 : sample.counts().getOrDefault(platform, Map.of()).values().stream()
        .mapToInt(Integer::intValue).sum();
  }

  private static double progress(DrillState s, Team team) {
    List<TaskProgress> tasks = tasks(s, team);
    return tasks.isEmpty() ? 0 : (double) tasks.stream().filter(t -> t.state() == TaskState.DONE).count()
        / tasks.size();
  }

  private static List<TaskProgress> tasks(DrillState s, Team team) {
    return team.tasks().stream().map(t -> s.task(t.id())).toList();
  }

  private Timer latency(String name, Tags tags) {
    return keep(Timer.builder(name).description("Sim time from a task's trigger, per team").tags(tags)
        .serviceLevelObjectives(LATENCY_BUCKETS).minimumExpectedValue(LATENCY_BUCKETS[0])
        .maximumExpectedValue(LATENCY_BUCKETS[LATENCY_BUCKETS.length - 1]).register(registry));
  }

  private void gauge(String name, Tags tags, String baseUnit, ToDoubleFunction<DrillState> value) {
    keep(Gauge.builder(name, state, ref -> value.applyAsDouble(ref.get())).tags(tags).baseUnit(baseUnit)
        .register(registry));
  }

  private <M extends Meter> M keep(M meter) {
    synchronized (meters) {
      meters.add(meter);
    }
    return meter;
  }

  void remove(MeterRegistry from) {
    synchronized (meters) {
      meters.forEach(from::remove);
      meters.clear();
    }
  }
}
