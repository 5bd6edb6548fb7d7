package io.drillboard.drill;

import io.drillboard.scenario.Scenario.TaskStep;
import io.drillboard.scenario.SimTime;

/**
 * One task's course through a drill. Moments are sim times; {@link #NOT_YET} marks a step not reached. A task is
 * overdue once its deadline passed before it was done; a task done late stays marked overdue, as a record of it.
 * {@code doneNote} is the note or evidence the team gave when it was done, or null.
 */
public record TaskProgress(String taskId, String teamId, TaskState state, long triggeredAt, long deadline,
    long acknowledgedAt, long startedAt, long doneAt, boolean overdue, String doneNote) {
  public static final long NOT_YET = Long.MIN_VALUE;

  public static TaskProgress waiting(String taskId, String teamId) {
    return new TaskProgress(taskId, teamId, TaskState.WAITING, NOT_YET, NOT_YET, NOT_YET, NOT_YET, NOT_YET, false,
        null);
  }

  TaskProgress triggered(long at, long deadlineAt) {
    return new TaskProgress(taskId, teamId, TaskState.PENDING, at, deadlineAt, NOT_YET, NOT_YET, NOT_YET, false,
        null);
  }

  /** The next step; {@code note} counts only for the step to done. */
  TaskProgress advanced(TaskState to, long at, String note) {
    boolean done = to == TaskState.DONE;
    return new TaskProgress(taskId, teamId, to, triggeredAt, deadline,
        to == TaskState.ACKNOWLEDGED ? at : acknowledgedAt, to == TaskState.IN_PROGRESS ? at : startedAt,
        done ? at : doneAt, overdue, done ? note : doneNote);
  }

  TaskProgress markedOverdue() {
    return new TaskProgress(taskId, teamId, state, triggeredAt, deadline, acknowledgedAt, startedAt, doneAt, true,
        doneNote);
  }

  public boolean open() {
    return state != TaskState.WAITING && state != TaskState.DONE;
  }

  /** Sim milliseconds as seconds, or null for {@link #NOT_YET}: how the API and the report show latencies. */
  public static Double seconds(long millis) {
    return millis == NOT_YET ? null : SimTime.seconds(millis);
  }

  /** Acknowledged minus triggered, in sim milliseconds, or {@link #NOT_YET}. */
  public long responseLatency() {
    return acknowledgedAt == NOT_YET ? NOT_YET : acknowledgedAt - triggeredAt;
  }

  /** Done minus triggered, in sim milliseconds, or {@link #NOT_YET}. */
  public long completionLatency() {
    return doneAt == NOT_YET ? NOT_YET : doneAt - triggeredAt;
  }

  public long momentOf(TaskStep step) {
    return switch (step) {
      case TRIGGERED -> triggeredAt;
      case ACKNOWLEDGED -> acknowledgedAt;
      case STARTED -> startedAt;
      case DONE -> doneAt;
    };
  }
}
