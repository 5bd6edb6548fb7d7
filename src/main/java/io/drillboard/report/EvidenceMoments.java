package io.drillboard.report;

import io.drillboard.drill.Evidence;
import io.drillboard.drill.DrillState;
import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.drill.TaskProgress;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.SimTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.Map;

/**
 * The events that criteria cite as evidence, told as a reader needs them: when (sim time) and what happened, instead
 * of bare event numbers. Keyed by seq, so that a criterion's evidence list can be looked up.
 */
final class EvidenceMoments {
  private EvidenceMoments() {
  }

  static JsonArray of(DrillState state) {
    JsonArray moments = new JsonArray();
    state.evidence().entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .forEach(entry -> moments.add(moment(state, entry.getKey()).put("seq", entry.getValue())));
    return moments;
  }

  private static JsonObject moment(DrillState state, String key) {
    String[] parts = key.split(":");
    if (key.equals(Evidence.OPINION_PEAK)) {
      long minute = state.opinion().peakMinute();
      return at(minute).put("what", "舆情峰值：" + state.opinion().peakCount() + " 条/分钟")
          .put("whatEn", "Opinion peak: " + state.opinion().peakCount() + " posts a minute");
    }
    if (parts[0].equals("inject")) {
      FiredInject fired = state.firedInjects().get(parts[1]);
      String titleEn = state.scenario().injects().stream().filter(i -> i.id().equals(parts[1])).findFirst()
          .map(i -> i.titleEn()).orElse(null);
      return at(fired.at()).put("what", "情景注入：" + fired.title())
          .put("whatEn", "Inject: " + (titleEn != null ? titleEn : fired.title()));
    }
    Task task = state.scenario().task(parts[1]).orElseThrow();
    TaskProgress progress = state.task(task.id());
    String titleEn = task.titleEn() != null ? task.titleEn() : task.title();
    return switch (parts[2]) {
      case "triggered" -> at(progress.triggeredAt()).put("what", "任务下达：" + task.title())
          .put("whatEn", "Task set: " + titleEn);
      case "acknowledged" -> at(progress.acknowledgedAt()).put("what", "任务确认：" + task.title())
          .put("whatEn", "Task acknowledged: " + titleEn);
      case "started" -> at(progress.startedAt()).put("what", "开始处理：" + task.title())
          .put("whatEn", "Task started: " + titleEn);
      case "overdue" -> at(progress.deadline()).put("what", "任务超时：" + task.title())
          .put("whatEn", "Task overdue: " + titleEn);
      default -> at(progress.doneAt()).put("what", "任务完成：" + task.title()).put("whatEn", "Task done: " + titleEn);
    };
  }

  private static JsonObject at(long simTime) {
    return simTime == TaskProgress.NOT_YET ? new JsonObject().putNull("atMs").putNull("at")
        : new JsonObject().put("atMs", simTime).put("at", SimTime.format(simTime));
  }
}
