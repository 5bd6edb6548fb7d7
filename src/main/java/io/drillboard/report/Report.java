package io.drillboard.report;

import io.drillboard.drill.Assessment;
import io.drillboard.drill.Criteria;
import io.drillboard.drill.CriterionResult;
import io.drillboard.drill.Evidence;
import io.drillboard.evaluation.ObjectiveConclusion;
import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.TaskProgress;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.view.CriteriaView;
import io.drillboard.view.ObjectiveConclusionView;
import io.drillboard.view.AssessmentView;
import io.drillboard.view.Latencies;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.Scenario.Objective;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.Team;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The after-action report as data: computed from a drill's stored events alone, by the same projection as the live
 * view, and free of the time it is asked for, so the same drill always gives the same report.
 */
public final class Report {
  private Report() {
  }

  /** @param zone where the drill's wall-clock times are told (the server's zone) */
  public static JsonObject of(ReportSource source, ZoneId zone) {
    DrillState state = source.state();
    Scenario scenario = state.scenario();
    long simEnd = state.lastSimTime();
    List<CriterionResult> criteria = Criteria.measure(state, simEnd);
    JsonArray conclusions = conclusions(state, criteria);
    return new JsonObject()
        .put("drill", drill(source, zone))
        .put("scenario", scenarioJson(scenario))
        .put("participants", participants(source.participants(), scenario))
        .put("overall", overall(conclusions))
        .put("timeline", timeline(state))
        .put("contingencies", ContingencyReport.of(state))
        .put("latency", latency(state))
        .put("opinion", opinion(state))
        .put("criteria", CriteriaView.of(criteria))
        .put("moments", EvidenceMoments.of(state))
        .put("assessment", AssessmentView.of(state.assessment(), scenario))
        .put("conclusions", conclusions)
        .put("events", source.events());
  }

  /**
   * The verdict on the drill as a whole: the lowest verdict of its assessed objectives, so that one objective not
   * achieved is never hidden behind the others.
   */
  private static JsonObject overall(JsonArray conclusions) {
    Map<ObjectiveConclusion.Level, Integer> counts = new EnumMap<>(ObjectiveConclusion.Level.class);
    conclusions.forEach(c -> counts.merge(ObjectiveConclusion.Level.byKey(((JsonObject) c).getString("verdict")), 1,
        Integer::sum));
    ObjectiveConclusion.Level lowest = counts.keySet().stream()
        .filter(level -> level != ObjectiveConclusion.Level.NOT_ASSESSED).max(Comparator.naturalOrder())
        .orElse(ObjectiveConclusion.Level.NOT_ASSESSED);
    JsonObject byVerdict = new JsonObject();
    counts.forEach((level, n) -> byVerdict.put(level.key, n));
    return new JsonObject().put("verdict", lowest.key).put("verdictZh", lowest.zh).put("verdictEn", lowest.en)
        .put("objectives", byVerdict);
  }

  private static JsonObject participants(Participants participants, Scenario scenario) {
    JsonArray teams = new JsonArray();
    for (Team team : scenario.teams()) {
      teams.add(new JsonObject().put("id", team.id()).put("name", team.name()).put("nameEn", team.nameEn())
          .put("members", new JsonArray(participants.teams().getOrDefault(team.id(), List.of()))));
    }
    return new JsonObject().put("director", participants.director()).put("teams", teams)
        .put("evaluators", new JsonArray(participants.evaluators()));
  }

  private static JsonObject drill(ReportSource source, ZoneId zone) {
    DrillState state = source.state();
    return new JsonObject().put("id", state.drillId()).put("name", state.naming().name())
        .put("place", state.naming().place()).put("scenarioId", state.scenario().id())
        .put("title", state.scenario().title()).put("titleEn", state.scenario().titleEn())
        .put("state", state.status().key()).put("endReason", state.endReason()).put("seed", state.seed())
        .put("speed", state.clock().speed()).put("autopilot", state.autopilot()).put("createdAt", state.createdAt())
        .put("startedAt", source.startedAt()).put("endedAt", source.endedAt())
        .put("started", wallTime(source.startedAt(), zone)).put("ended", wallTime(source.endedAt(), zone))
        .put("timeZone", zone.getId()).put("simEnd", SimTime.format(state.lastSimTime())).put("seq", state.seq());
  }

  /** A wall-clock moment as a reader files it: date, time and the zone's offset, e.g. 2026-12-04 14:30 UTC+08:00. */
  private static String wallTime(Long epochMillis, ZoneId zone) {
    return epochMillis == null ? null
        : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'xxx").format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  private static JsonObject scenarioJson(Scenario scenario) {
    JsonArray objectives = new JsonArray();
    for (Objective objective : scenario.objectives()) {
      objectives.add(new JsonObject().put("id", objective.id()).put("text", objective.text())
          .put("textEn", objective.textEn()));
    }
    return new JsonObject().put("id", scenario.id()).put("title", scenario.title())
        .put("titleEn", scenario.titleEn()).put("description", scenario.description())
        .put("descriptionEn", scenario.descriptionEn()).put("start", SimTime.format(scenario.start()))
        .put("end", SimTime.format(scenario.end())).put("objectives", objectives);
  }

  /** Each scripted moment against what happened, in the order it happened (or was due). */
  private static JsonArray timeline(DrillState state) {
    List<JsonObject> rows = new ArrayList<>();
    for (Inject inject : state.scenario().injects()) {
      FiredInject fired = state.firedInjects().get(inject.id());
      if (inject.at().isEmpty() && fired == null) {
        continue; // a contingency that never came true, or a held inject nobody fired: nothing happened
      }
      // Only a timeline inject has a scripted time: a contingency's `at` is when it starts to be watched.
      rows.add(row("inject", null, inject.id(), inject.title(), inject.titleEn(), "fired",
          inject.timeline() ? inject.at().getAsLong() : null,
          fired == null ? null : fired.at(), state.evidence(Evidence.injectFired(inject.id()))));
    }
    state.firedInjects().values().stream().filter(FiredInject::adHoc).forEach(f -> rows.add(row("inject", null,
        f.id(), f.title(), null, "fired", null, f.at(), state.evidence(Evidence.injectFired(f.id())))));
    for (Team team : state.scenario().teams()) {
      for (Task task : team.tasks()) {
        TaskProgress progress = state.task(task.id());
        Long scripted = task.script().map(Scenario.Script::done).orElse(null);
        Long actual = progress.doneAt() == TaskProgress.NOT_YET ? null : progress.doneAt();
        rows.add(row("task", team.id(), task.id(), task.title(), task.titleEn(), "done", scripted, actual,
            state.evidence(Evidence.taskStep(task.id(), Scenario.TaskStep.DONE))));
      }
    }
    rows.sort(Comparator.comparingLong(r -> r.getLong("actualMs") != null ? r.getLong("actualMs")
        : r.getLong("scriptedMs") != null ? r.getLong("scriptedMs") : Long.MAX_VALUE));
    JsonArray timeline = new JsonArray();
    rows.forEach(timeline::add);
    return timeline;
  }

  private static JsonObject row(String kind, String team, String id, String title, String titleEn, String step,
      Long scripted, Long actual, java.util.OptionalLong seq) {
    return new JsonObject().put("kind", kind).put("team", team).put("id", id).put("title", title)
        .put("titleEn", titleEn).put("step", step).put("scriptedMs", scripted)
        .put("scripted", scripted == null ? null : SimTime.format(scripted)).put("actualMs", actual)
        .put("actual", actual == null ? null : SimTime.format(actual))
        .put("deltaSec", scripted == null || actual == null ? null : SimTime.seconds(actual - scripted))
        .put("seq", seq.isPresent() ? seq.getAsLong() : null);
  }

  private static JsonObject latency(DrillState state) {
    JsonArray teams = new JsonArray();
    JsonArray tasks = new JsonArray();
    for (Team team : state.scenario().teams()) {
      List<TaskProgress> progress = team.tasks().stream().map(t -> state.task(t.id())).toList();
      // The wall's latency fragment of the team, with its names.
      teams.add(new JsonObject().put("id", team.id()).put("name", team.name()).put("nameEn", team.nameEn())
          .mergeIn(Latencies.ofTeam(progress)));
      for (Task task : team.tasks()) {
        TaskProgress p = state.task(task.id());
        tasks.add(new JsonObject().put("team", team.id()).put("id", task.id()).put("title", task.title())
            .put("titleEn", task.titleEn()).put("critical", task.critical()).put("state", p.state().key())
            .put("triggered", time(p.triggeredAt())).put("acknowledged", time(p.acknowledgedAt()))
            .put("started", time(p.startedAt())).put("done", time(p.doneAt())).put("deadline", time(p.deadline()))
            .put("responseSec", TaskProgress.seconds(p.responseLatency()))
            .put("completionSec", TaskProgress.seconds(p.completionLatency()))
            .put("deadlineSec", SimTime.seconds(task.deadline())).put("overdue", p.overdue())
            .put("note", p.doneNote()));
      }
    }
    return new JsonObject().put("teams", teams).put("tasks", tasks);
  }

  private static String time(long sim) {
    return sim == TaskProgress.NOT_YET ? null : SimTime.format(sim);
  }

  private static JsonObject opinion(DrillState state) {
    JsonArray series = new JsonArray();
    for (OpinionSampled sample : state.opinion().series()) {
      series.add(new JsonObject().put("minute", sample.minute()).put("time", SimTime.format(sample.minute()))
          .put("total", sample.total()));
    }
    JsonArray statements = new JsonArray();
    for (Task task : state.scenario().tasks()) {
      TaskProgress progress = state.task(task.id());
      if (task.effect().isPresent() && progress.doneAt() != TaskProgress.NOT_YET) {
        statements.add(new JsonObject().put("taskId", task.id()).put("title", task.title())
            .put("titleEn", task.titleEn()).put("atMs", progress.doneAt()).put("at", SimTime.format(progress.doneAt())));
      }
    }
    JsonObject bySentiment = new JsonObject();
    state.opinion().bySentiment().forEach((s, n) -> bySentiment.put(s.key(), n));
    long peak = state.opinion().peakMinute();
    return new JsonObject().put("total", state.opinion().total())
        .put("byPlatform", new JsonObject(new TreeMap<>(state.opinion().byPlatform()))).put("bySentiment", bySentiment)
        .put("peak", peak == io.drillboard.drill.OpinionTally.NONE ? null : new JsonObject().put("minuteMs", peak)
            .put("time", SimTime.format(peak)).put("count", state.opinion().peakCount()))
        .put("actions", statements).put("series", series);
  }

  /** A conclusion per objective in the seed's manner, from the criteria that serve it and its ratings. */
  private static JsonArray conclusions(DrillState state, List<CriterionResult> criteria) {
    JsonArray conclusions = new JsonArray();
    for (Objective objective : state.scenario().objectives()) {
      List<CriterionResult> own = criteria.stream().filter(c -> objective.id().equals(c.objectiveId())).toList();
      List<Assessment.Rating> ratings = state.assessment().ratings().values().stream()
          .filter(r -> r.target() == TargetKind.OBJECTIVE && r.targetId().equals(objective.id())).toList();
      conclusions.add(new JsonObject().put("objectiveId", objective.id()).put("objective", objective.text())
          .put("objectiveEn", objective.textEn())
          .mergeIn(ObjectiveConclusionView.of(ObjectiveConclusion.of(objective.text(), objective.textEn(), own,
              ratings))));
    }
    return conclusions;
  }
}
