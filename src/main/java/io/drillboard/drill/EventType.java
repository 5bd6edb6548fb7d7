package io.drillboard.drill;

import io.drillboard.drill.EventBody.ActionAssigned;
import io.drillboard.drill.EventBody.Archived;
import io.drillboard.drill.EventBody.Broadcast;
import io.drillboard.drill.EventBody.ConditionMet;
import io.drillboard.drill.EventBody.DrillCreated;
import io.drillboard.drill.EventBody.EarlierActionClosed;
import io.drillboard.drill.EventBody.FeedPosted;
import io.drillboard.drill.EventBody.Ended;
import io.drillboard.drill.EventBody.InjectFired;
import io.drillboard.drill.EventBody.LessonRecorded;
import io.drillboard.drill.EventBody.Noted;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.EventBody.Paused;
import io.drillboard.drill.EventBody.Rated;
import io.drillboard.drill.EventBody.Resumed;
import io.drillboard.drill.EventBody.Retracted;
import io.drillboard.drill.EventBody.SpeedChanged;
import io.drillboard.drill.EventBody.Started;
import io.drillboard.drill.EventBody.SystemEvent;
import io.drillboard.drill.EventBody.TaskAdvanced;
import io.drillboard.drill.EventBody.TaskOverdue;
import io.drillboard.drill.EventBody.TaskTriggered;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every type of event the engine writes: its name in the store, the API and the frames, and the record it is. Anything
 * else is an external event. The codec decodes with a switch over this enum, and the fold and the encoder visit every
 * {@link EventBody} record, so a new type compiles only once all three handle it.
 */
public enum EventType {
  DRILL_CREATED("drill.created", DrillCreated.class),
  DRILL_STARTED("drill.started", Started.class),
  DRILL_PAUSED("drill.paused", Paused.class),
  DRILL_RESUMED("drill.resumed", Resumed.class),
  DRILL_SPEED_CHANGED("drill.speed_changed", SpeedChanged.class),
  DRILL_ENDED("drill.ended", Ended.class),
  DRILL_ARCHIVED("drill.archived", Archived.class),
  DRILL_UNARCHIVED("drill.unarchived", Archived.class),
  DRILL_BROADCAST("drill.broadcast", Broadcast.class),
  INJECT_FIRED("inject.fired", InjectFired.class),
  INJECT_CONDITION_MET("inject.condition-met", ConditionMet.class),
  TASK_TRIGGERED("task.triggered", TaskTriggered.class),
  TASK_ACKNOWLEDGED("task.acknowledged", TaskAdvanced.class),
  TASK_STARTED("task.started", TaskAdvanced.class),
  TASK_COMPLETED("task.completed", TaskAdvanced.class),
  TASK_OVERDUE("task.overdue", TaskOverdue.class),
  OPINION_SAMPLED("opinion.sampled", OpinionSampled.class),
  FEED_POSTED("feed.posted", FeedPosted.class),
  EVALUATION_RATED("evaluation.rated", Rated.class),
  EVALUATION_NOTED("evaluation.noted", Noted.class),
  EVALUATION_LESSON("evaluation.lesson", LessonRecorded.class),
  EVALUATION_ACTION("evaluation.action", ActionAssigned.class),
  EVALUATION_RETRACTED("evaluation.retracted", Retracted.class),
  EVALUATION_EARLIER_ACTION_CLOSED("evaluation.earlier-action-closed", EarlierActionClosed.class);

  private static final Map<String, EventType> BY_KEY = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(EventType::key, Function.identity()));

  /** The type of each record that is written under one type only; Archived and TaskAdvanced name theirs. */
  private static final Map<Class<?>, EventType> BY_RECORD = Arrays.stream(values())
      .collect(Collectors.groupingBy(EventType::record)).entrySet().stream()
      .filter(byRecord -> byRecord.getValue().size() == 1)
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, byRecord -> byRecord.getValue().get(0)));

  private final String key;
  private final Class<? extends SystemEvent> record;

  EventType(String key, Class<? extends SystemEvent> record) {
    this.key = key;
    this.record = record;
  }

  /** The record that events of this type are. */
  public Class<? extends SystemEvent> record() {
    return record;
  }

  /** The type of a record written under one type only. */
  static EventType of(SystemEvent body) {
    return BY_RECORD.get(body.getClass());
  }

  /** The name as stored and served. */
  public String key() {
    return key;
  }

  public static Optional<EventType> of(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** A type the engine writes alone: nobody may inject an event under it. */
  public static boolean reserved(String key) {
    return BY_KEY.containsKey(key);
  }
}
