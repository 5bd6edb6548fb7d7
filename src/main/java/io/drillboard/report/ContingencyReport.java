package io.drillboard.report;

import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.drill.DrillState.MetCondition;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.Condition;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.SimTime;
import io.drillboard.view.ContingencyView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The report's account of the contingency injects: each with the condition it watched in words, whether and when it
 * came true, what it measured then, and when the inject fired (by its condition, or by hand before it).
 */
final class ContingencyReport {
  private ContingencyReport() {
  }

  static JsonArray of(DrillState state) {
    JsonArray contingencies = new JsonArray();
    for (Inject inject : state.scenario().injects()) {
      inject.contingency().ifPresent(contingency -> {
        MetCondition met = state.metConditions().get(inject.id());
        FiredInject fired = state.firedInjects().get(inject.id());
        Condition when = contingency.when();
        contingencies.add(new JsonObject().put("id", inject.id()).put("title", inject.title())
            .put("titleEn", inject.titleEn()).put("condition", ContingencyView.condition(contingency))
            .put("why", phrase(when, state.scenario(), false) + measured(when, met, false))
            .put("whyEn", phrase(when, state.scenario(), true) + measured(when, met, true))
            .put("met", met == null ? null : SimTime.format(met.at()))
            .put("fired", fired == null ? null : SimTime.format(fired.at()))
            .put("firedBy", fired == null ? null : met != null ? "condition" : "director"));
      });
    }
    return contingencies;
  }

  /** The condition in words, naming tasks, criteria and platforms as the scenario does. */
  private static String phrase(Condition when, Scenario scenario, boolean english) {
    if (when instanceof Condition.TaskOverdue overdue) {
      return english ? "task \"" + taskTitle(scenario, overdue.taskId(), true) + "\" overdue"
          : "任务“" + taskTitle(scenario, overdue.taskId(), false) + "”超时";
    }
    if (when instanceof Condition.TaskReached reached) {
      String step = reached.step().name().toLowerCase(Locale.ROOT);
      return english ? "task \"" + taskTitle(scenario, reached.taskId(), true) + "\" " + step
          : "任务“" + taskTitle(scenario, reached.taskId(), false) + "”" + ReportWords.word("step_" + step, false);
    }
    if (when instanceof Condition.CriterionMissed missed) {
      String name = scenario.criteria().stream().filter(c -> c.id().equals(missed.criterionId())).findFirst()
          .map(c -> english && c.nameEn() != null ? c.nameEn() : c.name()).orElse(missed.criterionId());
      return english ? "criterion \"" + name + "\" missed" : "指标“" + name + "”未达标";
    }
    if (when instanceof Condition.PostsOver posts) {
      return english ? "over " + posts.posts() + " posts on " + platform(scenario, posts.platform(), true)
          + " within " + minutes(posts.within(), true)
          : platform(scenario, posts.platform(), false) + minutes(posts.within(), false) + "内帖子超过 " + posts.posts()
          + " 条";
    }
    Condition.NegativeShareOver negative = (Condition.NegativeShareOver) when;
    String share = Math.round(negative.share() * 100) + "%";
    return english ? "negative share over " + share + " on " + platform(scenario, negative.platform(), true)
        + " within " + minutes(negative.within(), true)
        : platform(scenario, negative.platform(), false) + minutes(negative.within(), false) + "内负面占比超过 " + share;
  }

  private static String measured(Condition when, MetCondition met, boolean english) {
    if (met == null || met.met().measured() == null) {
      return "";
    }
    double value = met.met().measured();
    String figure = when instanceof Condition.PostsOver ? (english ? Math.round(value) + " posts"
        : Math.round(value) + " 条") : Math.round(value * 100) + "%";
    return english ? " (measured: " + figure + ")" : "（实测 " + figure + "）";
  }

  private static String taskTitle(Scenario scenario, String taskId, boolean english) {
    return scenario.task(taskId).map(t -> english && t.titleEn() != null ? t.titleEn() : t.title()).orElse(taskId);
  }

  private static String platform(Scenario scenario, String platform, boolean english) {
    if (platform == null) {
      return english ? "all platforms" : "全平台";
    }
    Scenario.Label label = scenario.labels().platforms().get(platform);
    return label == null ? platform : english && label.nameEn() != null ? label.nameEn() : label.name();
  }

  private static String minutes(long millis, boolean english) {
    long minutes = millis / SimTime.MINUTE;
    return english ? minutes + " min" : " " + minutes + " 分钟";
  }
}
