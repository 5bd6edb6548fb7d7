package io.drillboard.drill;

import io.drillboard.drill.EventBody.DrillCreated;
import io.drillboard.drill.EventBody.Ended;
import io.drillboard.drill.EventBody.External;
import io.drillboard.drill.EventBody.InjectFired;
import io.drillboard.drill.EventBody.OpinionSampled;
import io.drillboard.drill.EventBody.Paused;
import io.drillboard.drill.EventBody.Resumed;
import io.drillboard.drill.EventBody.SpeedChanged;
import io.drillboard.drill.EventBody.Started;
import io.drillboard.drill.EventBody.TaskAdvanced;
import io.drillboard.drill.EventBody.TaskOverdue;
import io.drillboard.drill.EventBody.TaskTriggered;
import io.drillboard.drill.EventBody.ActionAssigned;
import io.drillboard.drill.EventBody.LessonRecorded;
import io.drillboard.drill.EventBody.Noted;
import io.drillboard.drill.EventBody.Rated;
import io.drillboard.drill.EventBody.Retracted;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.TaskStep;
import io.drillboard.scenario.ScenarioParser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * A drill as its events tell it: the projection behind the live view, replay and the report. {@link #apply} is a pure
 * function, so the same events always give the same state, on any node and at any later time.
 */
public record DrillState(
    String drillId,
    Scenario scenario,
    boolean autopilot,
    long seed,
    long createdAt,
    DrillNaming naming,
    DrillStatus status,
    String endReason,
    SimClock clock,
    long seq,
    long lastSimTime,
    Map<String, TaskProgress> tasks,
    Map<String, FiredInject> firedInjects,
    OpinionTally opinion,
    Assessment assessment,
    Map<String, Long> evidence,
    long externalEvents) implements DrillFacts {

  /** The state after a drill's first event; {@code created} must be a drill.created event. */
  public static DrillState created(String drillId, Event created) {
    DrillCreated body = (DrillCreated) created.body();
    Scenario scenario = ScenarioParser.parse(body.scenarioSource());
    Map<String, TaskProgress> tasks = new LinkedHashMap<>();
    scenario.tasks().forEach(t -> tasks.put(t.id(), TaskProgress.waiting(t.id(), t.teamId())));
    return new DrillState(drillId, scenario, body.autopilot(), body.seed(), created.wallTime(), DrillNaming.of(body), DrillStatus.CREATED,
        null, SimClock.stoppedAt(scenario.start(), body.speed()), created.seq(), created.simTime(),
        Collections.unmodifiableMap(tasks), Map.of(), OpinionTally.empty(), Assessment.empty(), Map.of(), 0);
  }

  /** The state after all of a drill's events, the first being drill.created: what replay and reports start from. */
  public static DrillState fold(String drillId, List<Event> events) {
    DrillState state = created(drillId, events.get(0));
    for (Event event : events.subList(1, events.size())) {
      state = state.apply(event);
    }
    return state;
  }

  public DrillState apply(Event event) {
    EventBody body = event.body();
    long lastSim = Math.max(lastSimTime, event.simTime());
    if (body instanceof External) {
      // The hot path of ingest: one new state, nothing else to update.
      return new DrillState(drillId, scenario, autopilot, seed, createdAt, naming, status, endReason, clock, event.seq(),
          lastSim, tasks, firedInjects, opinion, assessment, evidence, externalEvents + 1);
    }
    DrillState next = withPosition(event.seq(), lastSim).withEvidenceOf(event);
    long sim = event.simTime();
    long wall = event.wallTime();
    if (body instanceof Started || body instanceof Resumed) {
      return next.withClock(status.after(body.type()), clock.startedAt(sim, wall));
    }
    if (body instanceof Paused) {
      return next.withClock(status.after(body.type()), clock.pausedAt(sim, wall));
    }
    if (body instanceof SpeedChanged changed) {
      return next.withClock(status, clock.withSpeed(changed.speed(), sim, wall));
    }
    if (body instanceof Ended ended) {
      return next.ended(status.after(body.type()), ended.reason(), clock.pausedAt(sim, wall));
    }
    if (body instanceof InjectFired fired) {
      Map<String, FiredInject> injects = new LinkedHashMap<>(firedInjects);
      injects.put(fired.injectId(), new FiredInject(fired.injectId(), sim, fired.channel(), fired.title(),
          fired.adHoc()));
      OpinionTally tally = fired.opinion().isPresent() ? opinion.firstPostsAt(sim) : opinion;
      return next.withInjects(Collections.unmodifiableMap(injects), tally);
    }
    if (body instanceof TaskTriggered triggered) {
      return next.withTask(triggered.taskId(), t -> t.triggered(sim, triggered.deadline()));
    }
    if (body instanceof TaskAdvanced advanced) {
      return next.withTask(advanced.taskId(), t -> t.advanced(advanced.state(), sim, advanced.note()));
    }
    if (body instanceof TaskOverdue overdue) {
      return next.withTask(overdue.taskId(), TaskProgress::markedOverdue);
    }
    if (body instanceof OpinionSampled sample) {
      return next.withInjects(firedInjects, opinion.with(sample));
    }
    return next.withAssessment(assessed(next.assessment, body, event.seq()));
  }

  private static Assessment assessed(Assessment assessment, EventBody body, long seq) {
    if (body instanceof EventBody.EarlierActionClosed closed) {
      return assessment.with(new Assessment.ClosedEarlier(closed.drillId(), closed.actionSeq(), closed.text(),
          closed.note(), closed.by(), seq));
    }
    if (body instanceof Retracted retracted) {
      return assessment.without(new Assessment.Correction(retracted.entrySeq(), null, retracted.reason(),
          retracted.by(), seq));
    }
    Long replaces = replaces(body);
    Assessment base = replaces == null ? assessment
        : assessment.without(new Assessment.Correction(replaces, seq, null, by(body), seq));
    if (body instanceof Rated rated) {
      return base.with(new Assessment.Rating(rated.target(), rated.targetId(), rated.grade(), rated.note(),
          rated.by(), seq));
    }
    if (body instanceof Noted noted) {
      return base.with(new Assessment.Note(noted.at(), noted.text(), noted.by(), seq));
    }
    if (body instanceof LessonRecorded lesson) {
      return base.with(new Assessment.Lesson(lesson.kind(), lesson.text(), lesson.by(), seq));
    }
    if (body instanceof ActionAssigned action) {
      return base.with(new Assessment.CorrectiveAction(action.text(), action.owner(), action.due(), action.state(),
          action.by(), seq));
    }
    return assessment;
  }

  /** The seq of the entry an evaluation entry corrects, or null. */
  static Long replaces(EventBody body) {
    if (body instanceof Rated rated) {
      return rated.replaces();
    }
    if (body instanceof Noted noted) {
      return noted.replaces();
    }
    if (body instanceof LessonRecorded lesson) {
      return lesson.replaces();
    }
    return body instanceof ActionAssigned action ? action.replaces() : null;
  }

  private static String by(EventBody body) {
    return body instanceof Rated rated ? rated.by() : body instanceof Noted noted ? noted.by()
        : body instanceof LessonRecorded lesson ? lesson.by() : ((ActionAssigned) body).by();
  }

  private DrillState withAssessment(Assessment changed) {
    return changed == assessment ? this : new DrillState(drillId, scenario, autopilot, seed, createdAt, naming, status,
        endReason, clock, seq, lastSimTime, tasks, firedInjects, opinion, changed, evidence, externalEvents);
  }

  /** An inject as it fired: scripted ones at their time or earlier by hand, ad-hoc ones whenever a director adds them. */
  public record FiredInject(String id, long at, String channel, String title, boolean adHoc) {
  }

  public TaskProgress task(String taskId) {
    return tasks.get(taskId);
  }

  @Override
  public boolean ended() {
    return status == DrillStatus.ENDED;
  }

  @Override
  public OptionalLong injectFiredAt(String injectId) {
    FiredInject fired = firedInjects.get(injectId);
    return fired == null ? OptionalLong.empty() : OptionalLong.of(fired.at());
  }

  @Override
  public OptionalLong taskReached(String taskId, TaskStep step) {
    TaskProgress task = tasks.get(taskId);
    long at = task == null ? TaskProgress.NOT_YET : task.momentOf(step);
    return at == TaskProgress.NOT_YET ? OptionalLong.empty() : OptionalLong.of(at);
  }

  @Override
  public boolean taskOverdue(String taskId) {
    TaskProgress task = tasks.get(taskId);
    return task != null && task.overdue();
  }

  @Override
  public OptionalLong opinionPeakMinute() {
    return opinion.peakMinute() == OpinionTally.NONE ? OptionalLong.empty() : OptionalLong.of(opinion.peakMinute());
  }

  /** The sim time now: the clock's reading, never before the last event. */
  public long simNow(long wallNow) {
    return Math.max(lastSimTime, Math.min(clock.simAt(wallNow), scenario.end()));
  }

  /** Remembers the seq of events that criteria cite: injects, task steps, the opinion peak. */
  private DrillState withEvidenceOf(Event event) {
    String key = evidenceKey(event);
    if (key == null) {
      return this;
    }
    Map<String, Long> more = new LinkedHashMap<>(evidence);
    more.put(key, event.seq());
    return new DrillState(drillId, scenario, autopilot, seed, createdAt, naming, status, endReason, clock, seq, lastSimTime,
        tasks, firedInjects, opinion, assessment, Collections.unmodifiableMap(more), externalEvents);
  }

  private String evidenceKey(Event event) {
    EventBody body = event.body();
    if (body instanceof InjectFired fired) {
      return Evidence.injectFired(fired.injectId());
    }
    if (body instanceof TaskTriggered triggered) {
      return Evidence.taskStep(triggered.taskId(), TaskStep.TRIGGERED);
    }
    if (body instanceof TaskAdvanced advanced) {
      TaskStep step = switch (advanced.state()) {
        case ACKNOWLEDGED -> TaskStep.ACKNOWLEDGED;
        case IN_PROGRESS -> TaskStep.STARTED;
        default -> TaskStep.DONE;
      };
      return Evidence.taskStep(advanced.taskId(), step);
    }
    if (body instanceof TaskOverdue overdue) {
      return Evidence.taskOverdue(overdue.taskId());
    }
    if (body instanceof OpinionSampled sample && sample.total() > opinion.peakCount()) {
      return Evidence.OPINION_PEAK;
    }
    return null;
  }

  @Override
  public OptionalLong evidence(String key) {
    Long seq = evidence.get(key);
    return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
  }

  private DrillState withPosition(long newSeq, long newLastSimTime) {
    return new DrillState(drillId, scenario, autopilot, seed, createdAt, naming, status, endReason, clock, newSeq,
        newLastSimTime, tasks, firedInjects, opinion, assessment, evidence, externalEvents);
  }

  private DrillState withClock(DrillStatus newStatus, SimClock newClock) {
    return new DrillState(drillId, scenario, autopilot, seed, createdAt, naming, newStatus, endReason, newClock, seq,
        lastSimTime, tasks, firedInjects, opinion, assessment, evidence, externalEvents);
  }

  private DrillState ended(DrillStatus newStatus, String reason, SimClock stopped) {
    return new DrillState(drillId, scenario, autopilot, seed, createdAt, naming, newStatus, reason, stopped, seq,
        lastSimTime, tasks, firedInjects, opinion, assessment, evidence, externalEvents);
  }

  private DrillState withInjects(Map<String, FiredInject> injects, OpinionTally tally) {
    return new DrillState(drillId, scenario, autopilot, seed, createdAt, naming, status, endReason, clock, seq, lastSimTime,
        tasks, injects, tally, assessment, evidence, externalEvents);
  }

  private DrillState withTask(String taskId, UnaryOperator<TaskProgress> change) {
    Map<String, TaskProgress> changed = new LinkedHashMap<>(tasks);
    changed.computeIfPresent(taskId, (id, progress) -> change.apply(progress));
    return new DrillState(drillId, scenario, autopilot, seed, createdAt, naming, status, endReason, clock, seq, lastSimTime,
        Collections.unmodifiableMap(changed), firedInjects, opinion, assessment, evidence, externalEvents);
  }
}
