package io.drillboard.view;

import io.drillboard.scenario.Scenario.Anchor;
import io.drillboard.scenario.Scenario.Criterion;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.Scenario.Label;
import io.drillboard.scenario.Scenario.Labels;
import io.drillboard.scenario.Scenario.Measure;
import io.drillboard.scenario.Scenario.ShortName;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.Team;
import io.drillboard.scenario.Scenario.Trigger;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Scenarios as the API shows them: a summary for lists, the whole script for one; and the pieces the views share. */
public final class ScenarioView {
  private ScenarioView() {
  }

  public static JsonObject summary(Scenario scenario, String origin) {
    return new JsonObject().put("id", scenario.id()).put("title", scenario.title()).put("titleEn", scenario.titleEn())
        .put("language", scenario.language()).put("origin", origin).put("start", SimTime.format(scenario.start()))
        .put("end", SimTime.format(scenario.end())).put("teams", scenario.teams().size())
        .put("injects", scenario.injects().size()).put("tasks", scenario.tasks().size());
  }

  public static JsonObject full(Scenario scenario, String origin) {
    JsonArray objectives = new JsonArray();
    scenario.objectives().forEach(o -> objectives.add(new JsonObject().put("id", o.id()).put("text", o.text())
        .put("textEn", o.textEn())));
    JsonArray teams = new JsonArray();
    for (Team team : scenario.teams()) {
      JsonArray tasks = new JsonArray();
      team.tasks().forEach(t -> tasks.add(task(t)));
      teams.add(withShortName(new JsonObject().put("id", team.id()).put("name", team.name())
          .put("nameEn", team.nameEn()), team.shortName()).put("lead", team.lead()).put("tasks", tasks));
    }
    JsonArray injects = new JsonArray();
    for (Inject inject : scenario.injects()) {
      JsonObject json = new JsonObject().put("id", inject.id())
          .put("at", inject.at().isPresent() ? SimTime.format(inject.at().getAsLong()) : null)
          .put("kind", InjectsView.kind(inject)).put("channel", inject.channel()).put("title", inject.title())
          .put("titleEn", inject.titleEn()).put("text", inject.text()).put("textEn", inject.textEn());
      withShortName(json, inject.shortName());
      inject.contingency().ifPresent(contingency -> json.put("condition", ContingencyView.condition(contingency)));
      inject.opinion().ifPresent(o -> json.put("opinion", new JsonObject().put("posts", o.posts())
          .put("platform", o.platform()).put("spreadSec", SimTime.seconds(o.spread()))));
      injects.add(json);
    }
    JsonArray criteria = new JsonArray();
    scenario.criteria().forEach(c -> criteria.add(criterion(c)));
    return summary(scenario, origin).put("description", scenario.description())
        .put("descriptionEn", scenario.descriptionEn()).put("objectives", objectives).put("teams", teams)
        .put("injects", injects).put("criteria", criteria).put("labels", labels(scenario.labels()))
        .put("opinion", new JsonObject().put("kernel", scenario.opinion().kernel().name().toLowerCase())
            .put("branchingRatio", scenario.opinion().branchingRatio())
            .put("platforms", new JsonObject(new java.util.LinkedHashMap<>(scenario.opinion().platforms()))))
        .put("source", scenario.source());
  }

  private static JsonObject task(Task task) {
    JsonObject json = withShortName(new JsonObject().put("id", task.id()).put("title", task.title())
        .put("titleEn", task.titleEn()), task.shortName()).put("deadlineSec", SimTime.seconds(task.deadline()))
        .put("critical", task.critical())
        .put("objectives", new JsonArray(task.objectives()));
    if (task.trigger() instanceof Trigger.OnInject on) {
      json.put("trigger", new JsonObject().put("inject", on.injectId()));
    } else if (task.trigger() instanceof Trigger.AfterTask after) {
      json.put("trigger", new JsonObject().put("task", after.taskId()));
    }
    task.script().ifPresent(s -> json.put("script", new JsonObject().put("ack", SimTime.format(s.ack()))
        .put("start", SimTime.format(s.start())).put("done", SimTime.format(s.done()))));
    return json;
  }

  private static JsonObject criterion(Criterion criterion) {
    JsonObject json = withShortName(new JsonObject().put("id", criterion.id()).put("name", criterion.name())
        .put("nameEn", criterion.nameEn()), criterion.shortName()).put("objective", criterion.objectiveId());
    Measure measure = criterion.measure();
    if (measure instanceof Measure.Interval interval) {
      json.put("measure", "interval").put("from", anchor(interval.from())).put("to", anchor(interval.to()))
          .put("targetSec", SimTime.seconds(interval.target()));
    } else if (measure instanceof Measure.BeforePeak beforePeak) {
      json.put("measure", "before-peak").put("event", anchor(beforePeak.event()));
    } else if (measure instanceof Measure.TasksOnTime onTime) {
      json.put("measure", "tasks-on-time").put("team", onTime.teamId());
    }
    return json;
  }

  /** Adds a name's short forms as {@code short} and {@code shortEn}, the keys every page reads them by. */
  public static JsonObject withShortName(JsonObject json, ShortName shortName) {
    return json.put("short", shortName.text()).put("shortEn", shortName.textEn());
  }

  /** {platforms: {id: {name, nameEn}}, channels: {...}}, in the scenario's order. */
  public static JsonObject labels(Labels labels) {
    return new JsonObject().put("platforms", labelMap(labels.platforms())).put("channels", labelMap(labels.channels()));
  }

  private static JsonObject labelMap(Map<String, Label> labels) {
    JsonObject json = new JsonObject();
    labels.forEach((id, label) -> json.put(id, new JsonObject().put("name", label.name())
        .put("nameEn", label.nameEn())));
    return json;
  }

  private static JsonObject anchor(Anchor anchor) {
    if (anchor instanceof Anchor.InjectFiredAt fired) {
      return new JsonObject().put("inject", fired.injectId());
    }
    Anchor.TaskReached reached = (Anchor.TaskReached) anchor;
    return new JsonObject().put("task", reached.taskId()).put("at", reached.step().name().toLowerCase());
  }
}
