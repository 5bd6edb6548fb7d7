package io.drillboard.scenario;

import io.drillboard.scenario.Scenario.Anchor;
import io.drillboard.scenario.Scenario.Condition;
import io.drillboard.scenario.Scenario.Criterion;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.Scenario.Measure;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.Trigger;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which contingency injects could ever fire: a timeline or held inject can; a contingency can once something that can
 * fire may bring its condition about. What is left when nothing more can be added waits only on itself, or on others
 * that wait on it: a loop that the parser refuses.
 */
final class Contingencies {
  private final Scenario scenario;

  Contingencies(Scenario scenario) {
    this.scenario = scenario;
  }

  /** The ids of the injects that no firing of the others can ever set off, in the scenario's order. */
  List<String> neverFiring() {
    Set<String> canFire = new HashSet<>();
    scenario.injects().stream().filter(i -> i.contingency().isEmpty()).forEach(i -> canFire.add(i.id()));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Inject inject : scenario.injects()) {
        if (!canFire.contains(inject.id()) && possible(inject.contingency().orElseThrow().when(), canFire)) {
          grew = canFire.add(inject.id());
        }
      }
    }
    return scenario.injects().stream().map(Inject::id).filter(id -> !canFire.contains(id)).toList();
  }

  private boolean possible(Condition condition, Set<String> canFire) {
    if (condition instanceof Condition.TaskOverdue overdue) {
      return canStart(overdue.taskId(), canFire);
    }
    if (condition instanceof Condition.TaskReached reached) {
      return canStart(reached.taskId(), canFire);
    }
    if (condition instanceof Condition.CriterionMissed missed) {
      return scenario.criteria().stream().filter(c -> c.id().equals(missed.criterionId())).findFirst()
          .map(c -> canBeMissed(c, canFire)).orElse(false);
    }
    return postsCanArrive(canFire);
  }

  /** Missing a criterion needs its first moment to happen (or, for a deadline, a task to be set). */
  private boolean canBeMissed(Criterion criterion, Set<String> canFire) {
    Measure measure = criterion.measure();
    if (measure instanceof Measure.Interval interval) {
      return canHappen(interval.from(), canFire);
    }
    if (measure instanceof Measure.BeforePeak) {
      return postsCanArrive(canFire);
    }
    String teamId = ((Measure.TasksOnTime) measure).teamId();
    return scenario.tasks().stream().filter(t -> teamId == null || t.teamId().equals(teamId))
        .anyMatch(t -> canStart(t.id(), canFire));
  }

  private boolean canHappen(Anchor anchor, Set<String> canFire) {
    return anchor instanceof Anchor.InjectFiredAt fired ? canFire.contains(fired.injectId())
        : canStart(((Anchor.TaskReached) anchor).taskId(), canFire);
  }

  private boolean postsCanArrive(Set<String> canFire) {
    return scenario.injects().stream().anyMatch(i -> i.opinion().isPresent() && canFire.contains(i.id()));
  }

  /** A task becomes pending once the inject at the root of its trigger chain fires. */
  private boolean canStart(String taskId, Set<String> canFire) {
    return rootInject(taskId).filter(canFire::contains).isPresent();
  }

  private Optional<String> rootInject(String taskId) {
    Set<String> seen = new HashSet<>();
    Optional<Task> task = scenario.task(taskId);
    while (task.isPresent() && seen.add(task.get().id())) {
      Trigger trigger = task.get().trigger();
      if (trigger instanceof Trigger.OnInject on) {
        return Optional.of(on.injectId());
      }
      task = scenario.task(((Trigger.AfterTask) trigger).taskId());
    }
    return Optional.empty();
  }
}
