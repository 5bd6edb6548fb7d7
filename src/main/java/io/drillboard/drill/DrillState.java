package io.drillboard.drill;

import io.drillboard.opinion.FeedPost;

import io.drillboard.drill.EventBody.ActionAssigned;
import io.drillboard.drill.EventBody.Archived;
import io.drillboard.drill.EventBody.Broadcast;
import io.drillboard.drill.EventBody.DrillCreated;
import io.drillboard.drill.EventBody.EarlierActionClosed;
import io.drillboard.drill.EventBody.Ended;
import io.drillboard.drill.EventBody.Entry;
import io.drillboard.drill.EventBody.External;
import io.drillboard.drill.EventBody.ConditionMet;
import io.drillboard.drill.EventBody.FeedPosted;
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
import io.drillboard.drill.EventBody.TaskAdvanced;
import io.drillboard.drill.EventBody.TaskOverdue;
import io.drillboard.drill.EventBody.TaskTriggered;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.TaskStep;
import io.drillboard.scenario.ScenarioParser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * A drill as its events tell it: the projection behind the live view, replay and the report. {@link #apply} is a pure
 * function, so the same events always give the same state, on any node and at any later time. The state is made of
 * parts that change for different reasons; an event replaces only the parts it changes.
 */
public record DrillState(Setup setup, Run run, Position position, Progress progress, Assessment assessment)
    implements DrillFacts {

  /** What drill.created fixed for good. */
  public record Setup(String drillId, Scenario scenario, boolean autopilot, long seed, long createdAt,
      DrillNaming naming) {
  }

  /** Where the drill is in its life, and its clock. */
  public record Run(DrillStatus status, String endReason, SimClock clock) {
    Run after(EventType type, SimClock moved) {
      return new Run(status.after(type), endReason, moved);
    }

    Run ended(String reason, SimClock stopped) {
      return new Run(status.after(EventType.DRILL_ENDED), reason, stopped);
    }
  }

  /** How far the log goes: the last seq, the latest sim time of any event, and how many external events came. */
  public record Position(long seq, long lastSimTime, long externalEvents) {
    Position after(Event event, boolean external) {
      return new Position(event.seq(), Math.max(lastSimTime, event.simTime()),
          external ? externalEvents + 1 : externalEvents);
    }
  }

  /**
   * What the teams and the scenario have done: tasks, fired injects, contingencies come true, the opinion curve and
   * the bank's latest statement in the media feed, and the seq of each event that criteria cite as evidence.
   */
  public record Progress(Map<String, TaskProgress> tasks, Map<String, FiredInject> firedInjects,
      Map<String, MetCondition> metConditions, OpinionTally opinion, Optional<FeedPost> statement,
      Map<String, Long> evidence) {
    Progress withTask(String taskId, UnaryOperator<TaskProgress> change) {
      Map<String, TaskProgress> changed = new LinkedHashMap<>(tasks);
      changed.computeIfPresent(taskId, (id, progress) -> change.apply(progress));
      return new Progress(Collections.unmodifiableMap(changed), firedInjects, metConditions, opinion, statement,
          evidence);
    }

    Progress withInject(FiredInject fired, OpinionTally tally) {
      return new Progress(tasks, added(firedInjects, fired.id(), fired), metConditions, tally, statement, evidence);
    }

    Progress withCondition(MetCondition met) {
      return new Progress(tasks, firedInjects, added(metConditions, met.met().injectId(), met), opinion, statement,
          evidence);
    }

    Progress withOpinion(OpinionTally tally) {
      return new Progress(tasks, firedInjects, metConditions, tally, statement, evidence);
    }

    Progress withStatement(FeedPost post) {
      return new Progress(tasks, firedInjects, metConditions, opinion, Optional.of(post), evidence);
    }

    Progress withEvidence(String key, long seq) {
      return new Progress(tasks, firedInjects, metConditions, opinion, statement, added(evidence, key, seq));
    }

    private static <V> Map<String, V> added(Map<String, V> map, String key, V value) {
      Map<String, V> more = new LinkedHashMap<>(map);
      more.put(key, value);
      return Collections.unmodifiableMap(more);
    }
  }

  /** A contingency's condition as it came true, at sim time {@code at}. */
  public record MetCondition(long at, ConditionMet met) {
  }

  /** An inject as it fired: scripted ones at their time or earlier by hand, ad-hoc ones whenever a director adds them. */
  public record FiredInject(String id, long at, String channel, String title, boolean adHoc) {
  }

  /** The state after a drill's first event; {@code created} must be a drill.created event. */
  public static DrillState created(String drillId, Event created) {
    DrillCreated body = (DrillCreated) created.body();
    Scenario scenario = ScenarioParser.parse(body.scenarioSource());
    Map<String, TaskProgress> tasks = new LinkedHashMap<>();
    scenario.tasks().forEach(t -> tasks.put(t.id(), TaskProgress.waiting(t.id(), t.teamId())));
    return new DrillState(
        new Setup(drillId, scenario, body.autopilot(), body.seed(), created.wallTime(), DrillNaming.of(body)),
        new Run(DrillStatus.CREATED, null, SimClock.stoppedAt(scenario.start(), body.speed())),
        new Position(created.seq(), created.simTime(), 0),
        new Progress(Collections.unmodifiableMap(tasks), Map.of(), Map.of(), OpinionTally.empty(),
            Optional.empty(), Map.of()),
        Assessment.empty());
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
    if (event.body() instanceof External) {
      // The hot path of ingest: one new position, nothing else to update.
      return new DrillState(setup, run, position.after(event, true), progress, assessment);
    }
    DrillState moved = new DrillState(setup, run, position.after(event, false), evidenced(event), assessment);
    return event.body().accept(moved.new Fold(event));
  }

  /**
   * What one event changes, type by type. It visits every kind of body, so an event type without a case here does
   * not compile. {@code DrillState.this} is the state with the event's position and evidence already taken in.
   */
  private final class Fold implements EventBody.Visitor<DrillState> {
    private final long sim;
    private final long wall;
    private final long seq;

    Fold(Event event) {
      this.sim = event.simTime();
      this.wall = event.wallTime();
      this.seq = event.seq();
    }

    private DrillState with(Run changed) {
      return new DrillState(setup, changed, position, progress, assessment);
    }

    private DrillState with(Progress changed) {
      return new DrillState(setup, run, position, changed, assessment);
    }

    private DrillState with(Assessment changed) {
      return new DrillState(setup, run, position, progress, changed);
    }

    /** A correction takes the entry it replaces out before it goes in. */
    private DrillState entered(Entry entry, UnaryOperator<Assessment> add) {
      Assessment base = entry.replaces() == null ? assessment
          : assessment.without(new Assessment.Correction(entry.replaces(), seq, null, entry.by(), seq));
      return with(add.apply(base));
    }

    private DrillState unchanged() {
      return DrillState.this;
    }

    public DrillState on(DrillCreated created) {
      throw new IllegalStateException("drill.created can only be a drill's first event");
    }

    public DrillState on(Archived archived) {
      return unchanged();
    }

    public DrillState on(Broadcast broadcast) {
      return unchanged();
    }

    public DrillState on(Started started) {
      return with(run.after(started.eventType(), run.clock().startedAt(sim, wall)));
    }

    public DrillState on(Paused paused) {
      return with(run.after(paused.eventType(), run.clock().pausedAt(sim, wall)));
    }

    public DrillState on(Resumed resumed) {
      return with(run.after(resumed.eventType(), run.clock().startedAt(sim, wall)));
    }

    public DrillState on(Ended ended) {
      return with(run.ended(ended.reason(), run.clock().pausedAt(sim, wall)));
    }

    public DrillState on(SpeedChanged changed) {
      return with(run.after(changed.eventType(), run.clock().withSpeed(changed.speed(), sim, wall)));
    }

    public DrillState on(InjectFired fired) {
      OpinionTally tally = fired.opinion().isPresent() ? progress.opinion().firstPostsAt(sim) : progress.opinion();
      return with(progress.withInject(new FiredInject(fired.injectId(), sim, fired.channel(), fired.title(),
          fired.adHoc()), tally));
    }

    public DrillState on(ConditionMet met) {
      return with(progress.withCondition(new MetCondition(sim, met)));
    }

    public DrillState on(TaskTriggered triggered) {
      return with(progress.withTask(triggered.taskId(), t -> t.triggered(sim, triggered.deadline())));
    }

    public DrillState on(TaskAdvanced advanced) {
      return with(progress.withTask(advanced.taskId(), t -> t.advanced(advanced.state(), sim, advanced.note())));
    }

    public DrillState on(TaskOverdue overdue) {
      return with(progress.withTask(overdue.taskId(), TaskProgress::markedOverdue));
    }

    public DrillState on(OpinionSampled sampled) {
      return with(progress.withOpinion(progress.opinion().with(sampled)));
    }

    public DrillState on(Rated rated) {
      return entered(rated, a -> a.with(new Assessment.Rating(rated.target(), rated.targetId(), rated.grade(),
          rated.note(), rated.by(), seq)));
    }

    public DrillState on(Noted noted) {
      return entered(noted, a -> a.with(new Assessment.Note(noted.at(), noted.text(), noted.by(), seq)));
    }

    public DrillState on(LessonRecorded lesson) {
      return entered(lesson, a -> a.with(new Assessment.Lesson(lesson.kind(), lesson.text(), lesson.by(), seq)));
    }

    public DrillState on(ActionAssigned action) {
      return entered(action, a -> a.with(new Assessment.CorrectiveAction(action.text(), action.owner(),
          action.due(), action.state(), action.by(), seq)));
    }

    public DrillState on(EarlierActionClosed closed) {
      return with(assessment.with(new Assessment.ClosedEarlier(closed.drillId(), closed.actionSeq(), closed.text(),
          closed.note(), closed.by(), seq)));
    }

    public DrillState on(Retracted retracted) {
      return with(assessment.without(new Assessment.Correction(retracted.entrySeq(), null, retracted.reason(),
          retracted.by(), seq)));
    }

    /** Only the bank's statement matters to the drill: what comes after it answers it. */
    public DrillState on(FeedPosted posted) {
      return posted.posts().stream().filter(post -> FeedPost.STATEMENT.equals(post.kind())).reduce((a, b) -> b)
          .map(post -> with(progress.withStatement(post))).orElseGet(this::unchanged);
    }

    public DrillState on(External external) {
      return unchanged();
    }
  }

  /** Remembers the seq of events that criteria cite: injects, task steps, the opinion peak. */
  private Progress evidenced(Event event) {
    String key = evidenceKey(event.body());
    return key == null ? progress : progress.withEvidence(key, event.seq());
  }

  private String evidenceKey(EventBody body) {
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
    if (body instanceof OpinionSampled sample && sample.total() > progress.opinion().peakCount()) {
      return Evidence.OPINION_PEAK;
    }
    return null;
  }

  // The parts' fields, read as the drill's: callers need not know how the state is divided.

  public String drillId() {
    return setup.drillId();
  }

  public Scenario scenario() {
    return setup.scenario();
  }

  public boolean autopilot() {
    return setup.autopilot();
  }

  public long seed() {
    return setup.seed();
  }

  public long createdAt() {
    return setup.createdAt();
  }

  public DrillNaming naming() {
    return setup.naming();
  }

  public DrillStatus status() {
    return run.status();
  }

  public String endReason() {
    return run.endReason();
  }

  public SimClock clock() {
    return run.clock();
  }

  public long seq() {
    return position.seq();
  }

  public long lastSimTime() {
    return position.lastSimTime();
  }

  public long externalEvents() {
    return position.externalEvents();
  }

  public Map<String, TaskProgress> tasks() {
    return progress.tasks();
  }

  public Map<String, FiredInject> firedInjects() {
    return progress.firedInjects();
  }

  /** The bank's latest statement in the media feed, if a team made one. */
  public Optional<FeedPost> statement() {
    return progress.statement();
  }

  /** The contingencies whose condition came true, by inject id, in the order they did. */
  public Map<String, MetCondition> metConditions() {
    return progress.metConditions();
  }

  public OpinionTally opinion() {
    return progress.opinion();
  }

  /** The seq of each event that criteria cite, by evidence key. */
  public Map<String, Long> evidence() {
    return progress.evidence();
  }

  public TaskProgress task(String taskId) {
    return progress.tasks().get(taskId);
  }

  @Override
  public boolean ended() {
    return status() == DrillStatus.ENDED;
  }

  @Override
  public OptionalLong injectFiredAt(String injectId) {
    FiredInject fired = firedInjects().get(injectId);
    return fired == null ? OptionalLong.empty() : OptionalLong.of(fired.at());
  }

  @Override
  public OptionalLong taskReached(String taskId, TaskStep step) {
    TaskProgress task = task(taskId);
    long at = task == null ? TaskProgress.NOT_YET : task.momentOf(step);
    return at == TaskProgress.NOT_YET ? OptionalLong.empty() : OptionalLong.of(at);
  }

  @Override
  public boolean taskOverdue(String taskId) {
    TaskProgress task = task(taskId);
    return task != null && task.overdue();
  }

  @Override
  public OptionalLong opinionPeakMinute() {
    long peak = opinion().peakMinute();
    return peak == OpinionTally.NONE ? OptionalLong.empty() : OptionalLong.of(peak);
  }

  @Override
  public OptionalLong evidence(String key) {
    Long seq = progress.evidence().get(key);
    return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
  }

  /** The sim time now: the clock's reading, never before the last event. */
  public long simNow(long wallNow) {
    return Math.max(lastSimTime(), Math.min(clock().simAt(wallNow), scenario().end()));
  }
}
