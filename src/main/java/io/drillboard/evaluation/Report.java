package io.drillboard.evaluation;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.TaskProgress;
import io.drillboard.evaluation.Assessment.Grade;
import io.drillboard.evaluation.Assessment.TargetKind;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.Scenario.Objective;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.Team;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

  public static JsonObject of(ReportSource source) {
    DrillState state = source.state();
    Scenario scenario = state.scenario();
    long simEnd = state.lastSimTime();
    List<CriterionResult> criteria = Criteria.measure(state, simEnd);
    JsonArray criteriaJson = new JsonArray();
    criteria.forEach(c -> criteriaJson.add(c.toJson()));
    return new JsonObject()
        .put("drill", drill(source))
        .put("scenario", scenarioJson(scenario))
        .put("timeline", timeline(state))
        .put("latency", latency(state))
        .put("opinion", opinion(state))
        .put("criteria", criteriaJson)
        .put("assessment", assessment(state.assessment()))
        .put("conclusions", conclusions(state, criteria))
        .put("events", source.events());
  }

  private static JsonObject drill(ReportSource source) {
    DrillState state = source.state();
    return new JsonObject().put("id", state.drillId()).put("scenarioId", state.scenario().id())
        .put("title", state.scenario().title()).put("titleEn", state.scenario().titleEn())
        .put("state", state.status().key()).put("endReason", state.endReason()).put("seed", state.seed())
        .put("speed", state.clock().speed()).put("autopilot", state.autopilot()).put("createdAt", state.createdAt())
        .put("startedAt", source.startedAt()).put("endedAt", source.endedAt()).put("simEnd", SimTime.format(state.lastSimTime()))
        .put("seq", state.seq());
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
      rows.add(row("inject", null, inject.id(), inject.title(), inject.titleEn(), "fired", inject.at(),
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
      teams.add(new JsonObject().put("id", team.id()).put("name", team.name()).put("nameEn", team.nameEn())
          .put("tasks", progress.size())
          .put("done", progress.stream().filter(p -> p.doneAt() != TaskProgress.NOT_YET).count())
          .put("overdue", progress.stream().filter(TaskProgress::overdue).count())
          .put("responseAvgSec", average(progress, TaskProgress::responseLatency))
          .put("completionAvgSec", average(progress, TaskProgress::completionLatency)));
      for (Task task : team.tasks()) {
        TaskProgress p = state.task(task.id());
        tasks.add(new JsonObject().put("team", team.id()).put("id", task.id()).put("title", task.title())
            .put("titleEn", task.titleEn()).put("critical", task.critical()).put("state", p.state().key())
            .put("triggered", time(p.triggeredAt())).put("acknowledged", time(p.acknowledgedAt()))
            .put("started", time(p.startedAt())).put("done", time(p.doneAt())).put("deadline", time(p.deadline()))
            .put("responseSec", TaskProgress.seconds(p.responseLatency()))
            .put("completionSec", TaskProgress.seconds(p.completionLatency()))
            .put("deadlineSec", SimTime.seconds(task.deadline())).put("overdue", p.overdue()));
      }
    }
    return new JsonObject().put("teams", teams).put("tasks", tasks);
  }

  private static Double average(List<TaskProgress> progress, java.util.function.ToLongFunction<TaskProgress> f) {
    return progress.stream().mapToLong(f).filter(v -> v != TaskProgress.NOT_YET).average().stream()
        .mapToObj(avg -> SimTime.seconds(Math.round(avg))).findFirst().orElse(null);
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

  private static JsonObject assessment(Assessment assessment) {
    JsonArray ratings = new JsonArray();
    assessment.ratings().values().forEach(r -> ratings.add(new JsonObject()
        .put("target", r.target().name().toLowerCase(Locale.ROOT)).put("targetId", r.targetId())
        .put("rating", r.grade().name()).put("note", r.note()).put("by", r.by()).put("seq", r.seq())));
    JsonArray notes = new JsonArray();
    assessment.notes().forEach(n -> notes.add(new JsonObject().put("at", SimTime.format(n.at())).put("text", n.text())
        .put("by", n.by()).put("seq", n.seq())));
    JsonArray strengths = new JsonArray();
    JsonArray improvements = new JsonArray();
    assessment.lessons().forEach(l -> (l.kind() == Assessment.LessonKind.STRENGTH ? strengths : improvements)
        .add(new JsonObject().put("text", l.text()).put("by", l.by()).put("seq", l.seq())));
    JsonArray actions = new JsonArray();
    assessment.actions().forEach(a -> actions.add(new JsonObject().put("text", a.text()).put("owner", a.owner())
        .put("due", a.due()).put("by", a.by()).put("seq", a.seq())));
    return new JsonObject().put("ratings", ratings).put("notes", notes).put("strengths", strengths)
        .put("improvements", improvements).put("actions", actions);
  }

  /**
   * A conclusion per objective in the seed's manner: achieved, partly achieved or not, from the criteria that serve
   * it and the evaluators' ratings of it and of its tasks.
   */
  private static JsonArray conclusions(DrillState state, List<CriterionResult> criteria) {
    JsonArray conclusions = new JsonArray();
    for (Objective objective : state.scenario().objectives()) {
      List<CriterionResult> own = criteria.stream().filter(c -> objective.id().equals(c.objectiveId())).toList();
      long met = own.stream().filter(c -> Boolean.TRUE.equals(c.met())).count();
      Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
      state.assessment().ratings().values().stream().filter(r -> rates(r, objective, state.scenario()))
          .forEach(r -> grades.merge(r.grade(), 1, Integer::sum));
      Verdict verdict = Verdict.of(own.size(), met, grades);
      List<String> missed = own.stream().filter(c -> Boolean.FALSE.equals(c.met())).map(CriterionResult::name)
          .toList();
      List<String> missedEn = own.stream().filter(c -> Boolean.FALSE.equals(c.met()))
          .map(c -> c.nameEn() != null ? c.nameEn() : c.name()).toList();
      JsonObject ratings = new JsonObject();
      grades.forEach((g, n) -> ratings.put(g.name(), n));
      conclusions.add(new JsonObject().put("objectiveId", objective.id()).put("objective", objective.text())
          .put("objectiveEn", objective.textEn()).put("verdict", verdict.key).put("criteriaMet", met)
          .put("criteriaTotal", own.size()).put("ratings", ratings)
          .put("text", verdict.zh(objective.text(), met, own.size(), missed))
          .put("textEn", verdict.en(objective.textEn() != null ? objective.textEn() : objective.text(), met, own.size(),
              missedEn)));
    }
    return conclusions;
  }

  private static boolean rates(Assessment.Rating rating, Objective objective, Scenario scenario) {
    if (rating.target() == TargetKind.OBJECTIVE) {
      return rating.targetId().equals(objective.id());
    }
    return scenario.task(rating.targetId()).map(t -> t.objectives().contains(objective.id())).orElse(false);
  }

  private enum Verdict {
    ACHIEVED("achieved"), PARTLY("partly-achieved"), NOT_ACHIEVED("not-achieved"), NOT_ASSESSED("not-assessed");

    final String key;

    Verdict(String key) {
      this.key = key;
    }

    static Verdict of(int criteria, long met, Map<Grade, Integer> grades) {
      boolean poorlyRated = grades.containsKey(Grade.M) || grades.containsKey(Grade.U);
      if (criteria == 0 && grades.isEmpty()) {
        return NOT_ASSESSED;
      }
      if (criteria > 0 && met == 0 || grades.containsKey(Grade.U) && met < criteria) {
        return NOT_ACHIEVED;
      }
      return met == criteria && !poorlyRated ? ACHIEVED : PARTLY;
    }

    String zh(String objective, long met, int total, List<String> missed) {
      String measured = total == 0 ? "" : "," + met + "/" + total + " 项评估指标达标";
      String gaps = missed.isEmpty() ? "" : ";未达标:" + String.join("、", missed);
      return switch (this) {
        case ACHIEVED -> "本次演练达到了“" + strip(objective) + "”的目的" + measured + "。";
        case PARTLY -> "本次演练基本达到了“" + strip(objective) + "”的目的" + measured + gaps + ",仍需进一步改进和完善。";
        case NOT_ACHIEVED -> "本次演练未能达到“" + strip(objective) + "”的目的" + measured + gaps + ",须重点整改。";
        case NOT_ASSESSED -> "“" + strip(objective) + "”尚无评估指标或评定,有待评估。";
      };
    }

    String en(String objective, long met, int total, List<String> missed) {
      String measured = total == 0 ? "" : " (" + met + " of " + total + " criteria met)";
      String gaps = missed.isEmpty() ? "" : "; missed: " + String.join(", ", missed);
      return switch (this) {
        case ACHIEVED -> "The drill achieved its objective: " + strip(objective) + measured + ".";
        case PARTLY -> "The drill largely achieved its objective: " + strip(objective) + measured + gaps
            + "; it needs further improvement.";
        case NOT_ACHIEVED -> "The drill did not achieve its objective: " + strip(objective) + measured + gaps
            + "; corrective action is required.";
        case NOT_ASSESSED -> "Not yet assessed: " + strip(objective) + ".";
      };
    }

    private static String strip(String sentence) {
      return sentence.replaceAll("[。.]+$", "");
    }
  }
}
