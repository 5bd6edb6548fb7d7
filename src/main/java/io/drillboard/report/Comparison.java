package io.drillboard.report;

import io.drillboard.drill.Criteria;
import io.drillboard.drill.CriterionResult;
import io.drillboard.drill.DrillState;
import io.drillboard.drill.TaskProgress;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.Rating;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.Criterion;
import io.drillboard.scenario.Scenario.Measure;
import io.drillboard.scenario.Scenario.Objective;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.TaskStep;
import io.drillboard.scenario.Scenario.Team;
import io.drillboard.view.ScenarioView;
import io.drillboard.scenario.SimTime;
import io.drillboard.view.Latencies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Runs of one scenario side by side, oldest first: each criterion, each team's work and times, the evaluators'
 * ratings and the corrective actions, with a verdict from the first run to the last.
 *
 * <p>Unfinished work counts as not done. A team's times include every task that came due: one still open when the
 * drill stopped counts with the time it had been open, which makes the average a lower bound ({@code atLeast}). A
 * verdict first weighs what was done (tasks done, criteria met) and only then the times, and it says "unclear" rather
 * than "better" when a shorter time may only mean that the drill stopped earlier.
 */
public final class Comparison {
  private Comparison() {
  }

  /** One drill as compared: its state, and the wall time it first started (null if unknown or never started). */
  private record Run(DrillState state, Long startedAt) {
    /** The worst grade any evaluator gave the target (each evaluator's latest counts), if anyone rated it. */
    Optional<Grade> worst(String targetKey) {
      return ratings(targetKey).stream().map(Rating::grade).max(Comparator.naturalOrder());
    }

    List<Rating> ratings(String targetKey) {
      return state.assessment().ratings().values().stream()
          .filter(r -> targetKey(r.target(), r.targetId()).equals(targetKey)).toList();
    }
  }

  /** From the first run to the last. UNCLEAR: unfinished work leaves open which run did better. */
  enum Verdict {
    BETTER, WORSE, UNCHANGED, UNCLEAR;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Verdict more(double first, double last) {
      return last > first ? BETTER : last < first ? WORSE : UNCHANGED;
    }

    static Verdict less(double first, double last) {
      return more(last, first);
    }

    /**
     * Lower is better; a value marked {@code atLeast} is only a lower bound. A bound decides only where it cannot be
     * overtaken: a finished last run under the first's bound did better, a last run whose bound exceeds the first's
     * finished value did worse.
     */
    static Verdict less(Measured first, Measured last) {
      if (first.value() == null || last.value() == null) {
        return null;
      }
      if (!first.atLeast() && !last.atLeast()) {
        return less(first.value(), last.value());
      }
      if (!last.atLeast() && last.value() < first.value()) {
        return BETTER;
      }
      return !first.atLeast() && last.value() > first.value() ? WORSE : UNCLEAR;
    }
  }

  /** A value in seconds (or a count), or the lower bound of it where the work was not finished. */
  record Measured(Double value, boolean atLeast) {
  }

  /** {@code sources} all of one scenario, in the order to show them. */
  public static JsonObject ofSources(List<ReportSource> sources) {
    return compare(sources.stream().map(s -> new Run(s.state(), s.startedAt())).toList());
  }

  private static JsonObject compare(List<Run> runs) {
    Scenario scenario = runs.get(0).state().scenario();
    JsonArray drills = new JsonArray();
    runs.forEach(run -> drills.add(drill(run)));
    return new JsonObject().put("scenarioId", scenario.id()).put("title", scenario.title())
        .put("titleEn", scenario.titleEn()).put("drills", drills).put("criteria", criteria(runs))
        .put("teams", teams(runs)).put("ratings", ratings(runs));
  }

  private static JsonObject drill(Run run) {
    DrillState state = run.state();
    List<Task> tasks = state.scenario().tasks();
    JsonArray actions = new JsonArray();
    state.assessment().actions().forEach(a -> actions.add(new JsonObject().put("text", a.text())
        .put("owner", a.owner()).put("due", a.due()).put("state", a.state().key()).put("by", a.by())
        .put("seq", a.seq())));
    JsonArray closedEarlier = new JsonArray();
    state.assessment().closedEarlier().forEach(c -> closedEarlier.add(new JsonObject().put("drillId", c.drillId())
        .put("actionSeq", c.actionSeq()).put("text", c.text()).put("note", c.note()).put("by", c.by())));
    return new JsonObject().put("id", state.drillId()).put("name", state.naming().name())
        .put("closedEarlier", closedEarlier)
        .put("createdAt", state.createdAt())
        .put("startedAt", run.startedAt()).put("state", state.status().key()).put("endReason", state.endReason())
        .put("autopilot", state.autopilot()).put("simEnd", SimTime.format(state.lastSimTime()))
        .put("tasks", tasks.size()).put("tasksDone", tasks.stream().filter(t -> done(state, t)).count())
        .put("criticalTasks", tasks.stream().filter(Task::critical).count())
        .put("criticalDone", tasks.stream().filter(t -> t.critical() && done(state, t)).count())
        .put("actions", actions);
  }

  private static boolean done(DrillState state, Task task) {
    return state.task(task.id()).doneAt() != TaskProgress.NOT_YET;
  }

  private static JsonArray criteria(List<Run> runs) {
    List<List<CriterionResult>> measured = runs.stream()
        .map(r -> Criteria.measure(r.state(), r.state().lastSimTime())).toList();
    List<Criterion> scenarioCriteria = runs.get(0).state().scenario().criteria();
    JsonArray criteria = new JsonArray();
    for (int c = 0; c < scenarioCriteria.size(); c++) {
      Criterion criterion = scenarioCriteria.get(c);
      List<Measured> values = new ArrayList<>();
      JsonArray met = new JsonArray();
      for (int r = 0; r < runs.size(); r++) {
        CriterionResult result = measured.get(r).get(c);
        values.add(new Measured(result.valueInUnit(), unfinished(criterion, runs.get(r).state())));
        met.add(result.met());
      }
      CriterionResult first = measured.get(0).get(c);
      Boolean metFirst = met.getBoolean(0);
      Boolean metLast = met.getBoolean(met.size() - 1);
      boolean metDecides = metFirst != null && metLast != null && !metFirst.equals(metLast);
      Verdict verdict = metDecides ? (metLast ? Verdict.BETTER : Verdict.WORSE)
          : first.measure().equals("before-peak") ? beforePeak(values) : Verdict.less(values.get(0), last(values));
      criteria.add(new JsonObject().put("id", criterion.id()).put("name", criterion.name())
          .put("nameEn", criterion.nameEn()).put("measure", first.measure())
          .put("unit", first.unit()).put("values", valuesOf(values))
          .put("atLeast", boundsOf(values)).put("met", met).put("change", change(values))
          .put("verdict", key(verdict)).put("verdictBy", verdict == null ? null : metDecides ? "met" : "value"));
    }
    return criteria;
  }

  /** Where the criterion's value is only what had elapsed when the drill stopped, its work being unfinished. */
  private static boolean unfinished(Criterion criterion, DrillState state) {
    if (criterion.measure() instanceof Measure.Interval interval) {
      return Criteria.moment(interval.from(), state) != null && Criteria.moment(interval.to(), state) == null;
    }
    if (criterion.measure() instanceof Measure.TasksOnTime onTime) {
      return state.scenario().tasks().stream()
          .filter(t -> onTime.teamId() == null || t.teamId().equals(onTime.teamId()))
          .anyMatch(t -> state.taskReached(t.id(), TaskStep.DONE).isEmpty());
    }
    return false;
  }

  /** Before the peak: higher is better; a statement never made has no value (and the criterion is missed). */
  private static Verdict beforePeak(List<Measured> values) {
    Double first = values.get(0).value();
    Double last = last(values).value();
    return first == null || last == null ? null : Verdict.more(first, last);
  }

  private static JsonArray teams(List<Run> runs) {
    JsonArray teams = new JsonArray();
    for (Team team : runs.get(0).state().scenario().teams()) {
      List<Measured> response = new ArrayList<>();
      List<Measured> completion = new ArrayList<>();
      JsonArray acknowledged = new JsonArray();
      JsonArray done = new JsonArray();
      JsonArray triggered = new JsonArray();
      JsonArray criticalUndone = new JsonArray();
      for (Run run : runs) {
        DrillState state = run.state();
        List<TaskProgress> progress = team.tasks().stream().map(t -> state.task(t.id())).toList();
        response.add(average(progress, TaskProgress::acknowledgedAt, state.lastSimTime()));
        completion.add(average(progress, TaskProgress::doneAt, state.lastSimTime()));
        acknowledged.add(count(progress, TaskProgress::acknowledgedAt));
        done.add(count(progress, TaskProgress::doneAt));
        triggered.add(count(progress, TaskProgress::triggeredAt));
        JsonArray undone = new JsonArray();
        team.tasks().stream().filter(t -> t.critical() && !done(state, t)).forEach(t -> undone.add(ScenarioView
            .withShortName(new JsonObject().put("id", t.id()).put("title", t.title()).put("titleEn", t.titleEn()),
                t.shortName())));
        criticalUndone.add(undone);
      }
      teams.add(new JsonObject().put("id", team.id()).put("name", team.name()).put("nameEn", team.nameEn())
          .put("tasks", team.tasks().size()).put("triggered", triggered).put("acknowledged", acknowledged)
          .put("done", done).put("criticalUndone", criticalUndone)
          .put("responseAvgSec", valuesOf(response)).put("responseAtLeast", boundsOf(response))
          .put("responseChange", change(response))
          .put("responseVerdict", key(byWorkThenTime(acknowledged, response)))
          .put("completionAvgSec", valuesOf(completion)).put("completionAtLeast", boundsOf(completion))
          .put("completionChange", change(completion))
          .put("completionVerdict", key(byWorkThenTime(done, completion))));
    }
    return teams;
  }

  /**
   * The average time from a task coming due to {@code step} over every task that came due; a task that had not
   * reached the step counts until the drill's last moment, and makes the average a lower bound. Null if none came due.
   */
  private static Measured average(List<TaskProgress> progress, ToLongFunction<TaskProgress> step, long end) {
    List<TaskProgress> due = progress.stream().filter(p -> p.triggeredAt() != TaskProgress.NOT_YET).toList();
    if (due.isEmpty()) {
      return new Measured(null, false);
    }
    boolean open = due.stream().anyMatch(p -> step.applyAsLong(p) == TaskProgress.NOT_YET);
    List<Long> millis = due.stream().map(p -> (step.applyAsLong(p) == TaskProgress.NOT_YET ? end
        : step.applyAsLong(p)) - p.triggeredAt()).toList();
    return new Measured(Latencies.averageSeconds(millis), open);
  }

  private static long count(List<TaskProgress> progress, ToLongFunction<TaskProgress> moment) {
    return progress.stream().filter(p -> moment.applyAsLong(p) != TaskProgress.NOT_YET).count();
  }

  /** More tasks through the step is better whatever the times; with as many, the times decide. */
  private static Verdict byWorkThenTime(JsonArray counts, List<Measured> times) {
    Verdict work = Verdict.more(counts.getLong(0), counts.getLong(counts.size() - 1));
    return work != Verdict.UNCHANGED ? work : Verdict.less(times.get(0), last(times));
  }

  /** Every objective and critical task, and any other task some evaluator rated: the worst grade per run. */
  private static JsonArray ratings(List<Run> runs) {
    Scenario scenario = runs.get(0).state().scenario();
    JsonArray rows = new JsonArray();
    for (Objective objective : scenario.objectives()) {
      rows.add(ratingRow(runs, TargetKind.OBJECTIVE, objective.id(), objective.text(), objective.textEn(), null,
          false));
    }
    for (Task task : scenario.tasks()) {
      String key = targetKey(TargetKind.TASK, task.id());
      if (task.critical() || runs.stream().anyMatch(r -> r.worst(key).isPresent())) {
        rows.add(ratingRow(runs, TargetKind.TASK, task.id(), task.title(), task.titleEn(), task.teamId(),
            task.critical()));
      }
    }
    return rows;
  }

  private static JsonObject ratingRow(List<Run> runs, TargetKind target, String id, String name, String nameEn,
      String teamId, boolean critical) {
    String key = targetKey(target, id);
    JsonArray grades = new JsonArray();
    for (Run run : runs) {
      JsonArray evaluators = new JsonArray();
      run.ratings(key).forEach(r -> evaluators.add(new JsonObject().put("by", r.by())
          .put("rating", r.grade().name()).put("note", r.note())));
      grades.add(run.worst(key).map(worst -> new JsonObject().put("rating", worst.name())
          .put("evaluators", evaluators)).orElse(null));
    }
    Optional<Grade> first = runs.get(0).worst(key);
    Optional<Grade> last = runs.get(runs.size() - 1).worst(key);
    Verdict verdict = first.isEmpty() || last.isEmpty() ? null
        : Verdict.less(first.get().ordinal(), last.get().ordinal());
    return new JsonObject().put("target", target.name().toLowerCase(Locale.ROOT)).put("id", id).put("name", name)
        .put("nameEn", nameEn).put("team", teamId).put("critical", critical).put("grades", grades)
        .put("verdict", key(verdict));
  }

  private static String targetKey(TargetKind target, String id) {
    return target.name().toLowerCase(Locale.ROOT) + ":" + id;
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }

  private static JsonArray valuesOf(List<Measured> values) {
    return column(values, Measured::value);
  }

  private static JsonArray boundsOf(List<Measured> values) {
    return column(values, Measured::atLeast);
  }

  private static JsonArray column(List<Measured> values, Function<Measured, Object> field) {
    JsonArray column = new JsonArray();
    values.forEach(v -> column.add(field.apply(v)));
    return column;
  }

  /** The last value minus the first, as shown; the verdict, not this, says which run did better. */
  private static Double change(List<Measured> values) {
    Double first = values.get(0).value();
    Double last = last(values).value();
    return first == null || last == null ? null : last - first;
  }

  private static String key(Verdict verdict) {
    return verdict == null ? null : verdict.key();
  }
}
