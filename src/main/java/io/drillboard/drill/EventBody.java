package io.drillboard.drill;

import io.drillboard.opinion.FeedPost;

import java.util.List;

import io.drillboard.drill.Assessment.ActionState;
import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.LessonKind;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.Scenario.Sentiment;
import java.util.Map;
import java.util.Optional;

/**
 * What an event says. The engine's own events are {@link SystemEvent}s, one record each, named by {@link EventType};
 * anything injected from outside is {@link External}. How an event looks as JSON is the store's codec's business.
 */
public sealed interface EventBody {
  /** The type as stored and served. */
  String type();

  /** Calls the visitor's method for this record: every visitor handles every record, or it does not compile. */
  <R> R accept(Visitor<R> visitor);

  /** One method for each kind of body. The fold of a drill and the codec are visitors. */
  interface Visitor<R> {
    R on(DrillCreated created);

    R on(Archived archived);

    R on(Broadcast broadcast);

    R on(Started started);

    R on(Paused paused);

    R on(Resumed resumed);

    R on(Ended ended);

    R on(SpeedChanged changed);

    R on(InjectFired fired);

    R on(ConditionMet met);

    R on(TaskTriggered triggered);

    R on(TaskAdvanced advanced);

    R on(TaskOverdue overdue);

    R on(OpinionSampled sampled);

    R on(FeedPosted posted);

    R on(Rated rated);

    R on(Noted noted);

    R on(LessonRecorded lesson);

    R on(ActionAssigned action);

    R on(EarlierActionClosed closed);

    R on(Retracted retracted);

    R on(External external);
  }

  /** An event the engine writes alone. */
  sealed interface SystemEvent extends EventBody {
    /** The type that {@link EventType} gives the record; a record written under several types says which. */
    default EventType eventType() {
      return EventType.of(this);
    }

    @Override
    default String type() {
      return eventType().key();
    }
  }

  /**
   * An evaluator's rating, note, lesson or corrective action. {@code replaces} is the seq of an earlier entry of the
   * same kind that this one corrects (null for a new entry): the earlier one stays in the log, superseded.
   */
  sealed interface Entry extends SystemEvent {
    Long replaces();

    String by();
  }

  /** The first event of every drill; it carries the scenario text so the drill never depends on a later edit. */
  record DrillCreated(String scenarioId, String scenarioSource, double speed, boolean autopilot, long seed, String by,
      String name, String place) implements SystemEvent {
    public DrillCreated(String scenarioId, String scenarioSource, double speed, boolean autopilot, long seed,
        String by) {
      this(scenarioId, scenarioSource, speed, autopilot, seed, by, null, null);
    }

    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** A drill hidden from the lists (archived) or shown again; its events stay in the store either way. */
  record Archived(boolean archived, String by) implements SystemEvent {
    public EventType eventType() {
      return archived ? EventType.DRILL_ARCHIVED : EventType.DRILL_UNARCHIVED;
    }

    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** A message from the director to every team, shown on the team desks and the wall. */
  record Broadcast(String text, String by) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** Clock events: their envelope's sim and wall time anchor the drill's clock from then on. */
  record Started(double speed, String by) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  record Paused(String by) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  record Resumed(String by) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** reason: "stopped" by a director, or "scenario-end" when the clock reached the scenario's end. */
  record Ended(String reason, String by) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  record SpeedChanged(double speed, String by) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  record InjectFired(String injectId, boolean adHoc, String channel, String title, String text,
      Optional<InjectOpinion> opinion, String by) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /**
   * A contingency inject's condition came true: the inject fires at {@code fireAt}. The condition's key, what it
   * watched (a task, a criterion, a platform; null for all platforms) and what it measured (posts or a share; null for
   * the others) are kept so that the console and the report can say why it fired.
   */
  record ConditionMet(String injectId, String condition, String subject, Double measured, long fireAt)
      implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  record TaskTriggered(String taskId, String teamId, long deadline) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /**
   * A team's step on a task: acknowledged, started or completed. A completed task may carry the team's note or
   * evidence (for a statement, its text); {@code note} is null otherwise, and in events stored before notes existed.
   */
  record TaskAdvanced(String taskId, String teamId, TaskState state, String by, String note) implements SystemEvent {
    public TaskAdvanced(String taskId, String teamId, TaskState state, String by) {
      this(taskId, teamId, state, by, null);
    }

    public EventType eventType() {
      return switch (state) {
        case ACKNOWLEDGED -> EventType.TASK_ACKNOWLEDGED;
        case IN_PROGRESS -> EventType.TASK_STARTED;
        case DONE -> EventType.TASK_COMPLETED;
        default -> throw new IllegalStateException("no task step leads to " + state);
      };
    }

    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  record TaskOverdue(String taskId, String teamId) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** Simulated posts of one sim minute, starting at {@code minute}, by platform and sentiment. */
  record OpinionSampled(long minute, Map<String, Map<Sentiment, Integer>> counts, int posts, int reposts,
      int comments, double branchingRatio) implements SystemEvent {
    public int total() {
      return posts + reposts + comments;
    }

    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /**
   * Posts of the simulated media feed, with their texts: a minute's sample of the opinion model's posts, or the
   * bank's statement. Drawn from the seed, so a rebuild needs only the log, and nothing else reads them back.
   */
  record FeedPosted(List<FeedPost> posts) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** An evaluator's HSEEP rating of an objective or a task. */
  record Rated(TargetKind target, String targetId, Grade grade, String note, String by, Long replaces)
      implements Entry {
    public Rated(TargetKind target, String targetId, Grade grade, String note, String by) {
      this(target, targetId, grade, note, by, null);
    }

    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** A note pinned to a moment of the drill's timeline; {@code at} below zero means "now", decided by the engine. */
  record Noted(long at, String text, String by, Long replaces) implements Entry {
    public Noted(long at, String text, String by) {
      this(at, text, by, null);
    }

    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  record LessonRecorded(LessonKind kind, String text, String by, Long replaces) implements Entry {
    public LessonRecorded(LessonKind kind, String text, String by) {
      this(kind, text, by, null);
    }

    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** A corrective action with its owner, due date and state (open until someone says otherwise). */
  record ActionAssigned(String text, String owner, String due, ActionState state, String by, Long replaces)
      implements Entry {
    public ActionAssigned(String text, String owner, String due, String by) {
      this(text, owner, due, ActionState.OPEN, by, null);
    }

    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /**
   * A corrective action from an earlier drill of the same scenario, closed in this one with a note on how this drill
   * showed it done; {@code text} is the action as it read, so this drill's record reads on its own.
   */
  record EarlierActionClosed(String drillId, long actionSeq, String text, String note, String by)
      implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /** An evaluation entry withdrawn, with why: it leaves the assessment, and stays in the log. */
  record Retracted(long entrySeq, String reason, String by) implements SystemEvent {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }

  /**
   * Anything injected from outside: messages, observations, load-test events. Counted, kept, never interpreted. Its
   * payload stays the JSON text it arrived as: the engine, the store and the report never look inside it.
   */
  record External(String type, String encoded) implements EventBody {
    public <R> R accept(Visitor<R> visitor) { return visitor.on(this); }
  }
}
