package io.drillboard.drill;

import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.evaluation.AssessmentJson;
import io.drillboard.evaluation.Criteria;
import java.util.Locale;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.Team;
import io.drillboard.scenario.ScenarioJson;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The drill snapshot, the JSON that the API, the live stream and the pages read; a pure function of the state. */
public final class Snapshots {
  private static final String LABELS = "labels";
  /** The fields of a snapshot that never change during a drill: deltas leave them out, a page keeps them. */
  public static final Set<String> SNAPSHOT_ONLY = Set.of(LABELS);

  private Snapshots() {
  }

  /** The whole drill as it stands: its {@link #aggregates} and the {@link #SNAPSHOT_ONLY} fields. */
  public static JsonObject toJson(DrillState state, long wallNow) {
    return aggregates(state, wallNow, OpinionTally.NONE).put(LABELS, ScenarioJson.labels(state.scenario().labels()));
  }

  /**
   * Every figure the pages show, whole, except the opinion series, which holds only the minutes after
   * {@code seriesAfter} (all of them for {@link OpinionTally#NONE}): live deltas append to what the client has.
   */
  public static JsonObject aggregates(DrillState state, long wallNow, long seriesAfter) {
    Scenario scenario = state.scenario();
    long simNow = state.simNow(wallNow);
    SimClock clock = state.clock();
    JsonObject json = new JsonObject()
        .put("id", state.drillId())
        .put("scenarioId", scenario.id())
        .put("title", scenario.title())
        .put("titleEn", scenario.titleEn())
        .put("name", state.naming().name())
        .put("place", state.naming().place())
        .put("state", state.status().key())
        .put("endReason", state.endReason())
        .put("speed", clock.speed())
        .put("autopilot", state.autopilot())
        .put("seed", state.seed())
        .put("createdAt", state.createdAt())
        .put("simTime", simNow)
        .put("sim", SimTime.format(simNow))
        .put("seq", state.seq())
        .put("clock", new JsonObject().put("simAnchor", clock.simAnchor()).put("wallAnchor", clock.wallAnchor())
            .put("speed", clock.speed()).put("running", clock.running()).put("start", scenario.start())
            .put("end", scenario.end()).put("wallNow", wallNow));
    JsonArray teams = new JsonArray();
    JsonObject latency = new JsonObject();
    for (Team team : scenario.teams()) {
      List<TaskProgress> progress = team.tasks().stream().map(t -> state.task(t.id())).toList();
      teams.add(team(team, progress, simNow));
      latency.put(team.id(), latency(progress));
    }
    JsonArray criteria = new JsonArray();
    Criteria.measure(state, simNow).forEach(c -> criteria.add(c.toJson()));
    return json.put("teams", teams).put("latency", latency).put("injects", injects(state))
        .put("opinion", opinion(state.opinion(), seriesAfter)).put("kpis", kpis(state, simNow))
        .put("criteria", criteria).put("assessment", AssessmentJson.of(state.assessment(), state.scenario()))
        .put("externalEvents", state.externalEvents());
  }

  private static JsonObject kpis(DrillState state, long simNow) {
    long total = state.tasks().size();
    long done = state.tasks().values().stream().filter(t -> t.state() == TaskState.DONE).count();
    long open = state.tasks().values().stream().filter(TaskProgress::open).count();
    long overdue = state.tasks().values().stream()
        .filter(t -> t.overdue() || (t.open() && simNow > t.deadline())).filter(TaskProgress::open).count();
    Long firstInject = state.firedInjects().values().stream().filter(f -> !f.adHoc()).mapToLong(FiredInject::at)
        .min().stream().boxed().findFirst().orElse(null);
    return new JsonObject().put("tasks", total).put("done", done).put("open", open).put("overdue", overdue)
        .put("sinceFirstInjectSec", firstInject == null ? null : SimTime.seconds(simNow - firstInject));
  }

  private static JsonObject team(Team team, List<TaskProgress> progress, long simNow) {
    long done = progress.stream().filter(p -> p.state() == TaskState.DONE).count();
    JsonArray tasks = new JsonArray();
    for (int i = 0; i < team.tasks().size(); i++) {
      tasks.add(task(team.tasks().get(i), progress.get(i), simNow));
    }
    return ScenarioJson.withShortName(new JsonObject().put("id", team.id()).put("name", team.name())
        .put("nameEn", team.nameEn()), team.shortName())
        .put("progress", progress.isEmpty() ? 0.0 : (double) done / progress.size()).put("tasks", tasks);
  }

  private static JsonObject task(Task task, TaskProgress p, long simNow) {
    boolean overdueNow = p.overdue() || (p.open() && simNow > p.deadline());
    return ScenarioJson.withShortName(new JsonObject().put("id", task.id()).put("title", task.title())
        .put("titleEn", task.titleEn()), task.shortName()).put("critical", task.critical())
        .put("state", p.state().key()).put("overdue", overdueNow)
        .put("triggeredAt", moment(p.triggeredAt())).put("deadline", moment(p.deadline()))
        .put("acknowledgedAt", moment(p.acknowledgedAt())).put("startedAt", moment(p.startedAt()))
        .put("doneAt", moment(p.doneAt())).put("responseLatencySec", TaskProgress.seconds(p.responseLatency()))
        .put("completionLatencySec", TaskProgress.seconds(p.completionLatency())).put("note", p.doneNote())
        .put("effect", task.effect().map(e -> new JsonObject().put("branching", e.branching())
            .put("sentimentShift", e.sentimentShift())).orElse(null));
  }

  private static JsonObject latency(List<TaskProgress> progress) {
    List<Long> response = progress.stream().map(TaskProgress::responseLatency)
        .filter(l -> l != TaskProgress.NOT_YET).toList();
    List<Long> completion = progress.stream().map(TaskProgress::completionLatency)
        .filter(l -> l != TaskProgress.NOT_YET).toList();
    return new JsonObject().put("tasks", progress.size())
        .put("triggered", progress.stream().filter(p -> p.triggeredAt() != TaskProgress.NOT_YET).count())
        .put("acknowledged", response.size()).put("done", completion.size())
        .put("overdue", progress.stream().filter(TaskProgress::overdue).count())
        .put("responseAvgSec", average(response)).put("responseMaxSec", max(response))
        .put("completionAvgSec", average(completion)).put("completionMaxSec", max(completion));
  }

  private static JsonArray injects(DrillState state) {
    JsonArray injects = new JsonArray();
    for (Inject inject : state.scenario().injects()) {
      FiredInject fired = state.firedInjects().get(inject.id());
      injects.add(ScenarioJson.withShortName(new JsonObject().put("id", inject.id()).put("at", inject.at())
          .put("channel", inject.channel()).put("title", inject.title()).put("titleEn", inject.titleEn()),
          inject.shortName()).put("adHoc", false).put("firedAt", fired == null ? null : fired.at()));
    }
    state.firedInjects().values().stream().filter(FiredInject::adHoc).forEach(f -> injects.add(new JsonObject()
        .put("id", f.id()).put("at", f.at()).put("channel", f.channel()).put("title", f.title()).put("adHoc", true)
        .put("firedAt", f.at())));
    return injects;
  }

  private static JsonObject opinion(OpinionTally tally, long seriesAfter) {
    JsonArray series = new JsonArray();
    for (OpinionSampled sample : tally.series()) {
      if (seriesAfter != OpinionTally.NONE && sample.minute() <= seriesAfter) {
        continue;
      }
      Map<String, Integer> byPlatform = new TreeMap<>();
      Map<String, Integer> bySentiment = new TreeMap<>();
      sample.counts().forEach((platform, counts) -> counts.forEach((sentiment, n) -> {
        byPlatform.merge(platform, n, Integer::sum);
        bySentiment.merge(sentiment.key(), n, Integer::sum);
      }));
      series.add(new JsonObject().put("minute", sample.minute()).put("total", sample.total())
          .put("byPlatform", new JsonObject(Map.copyOf(byPlatform))).put("bySentiment",
              new JsonObject(Map.copyOf(bySentiment))).put("branchingRatio", sample.branchingRatio()));
    }
    JsonObject bySentiment = new JsonObject();
    tally.bySentiment().forEach((s, n) -> bySentiment.put(s.key(), n));
    return new JsonObject().put("total", tally.total()).put("firstPostAt", moment(tally.firstPostAt()))
        .put("byPlatform", new JsonObject(Map.copyOf(tally.byPlatform()))).put("bySentiment", bySentiment)
        .put("peak", tally.peakMinute() == OpinionTally.NONE ? null
            : new JsonObject().put("minute", tally.peakMinute()).put("count", tally.peakCount()))
        .put("series", series);
  }

  private static Long moment(long simTime) {
    return simTime == TaskProgress.NOT_YET ? null : simTime;
  }

  private static Double average(List<Long> millis) {
    return millis.isEmpty() ? null : SimTime.seconds(Math.round(millis.stream().mapToLong(Long::longValue)
        .average().orElse(0)));
  }

  private static Double max(List<Long> millis) {
    return millis.stream().filter(Objects::nonNull).mapToLong(Long::longValue).max().stream()
        .mapToObj(SimTime::seconds).findFirst().orElse(null);
  }
}
