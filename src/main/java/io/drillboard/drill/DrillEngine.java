package io.drillboard.drill;

import io.drillboard.drill.Command.AddInject;
import io.drillboard.drill.Command.Control;
import io.drillboard.drill.Command.Append;
import io.drillboard.drill.Command.Assess;
import io.drillboard.drill.Command.FireInject;
import io.drillboard.drill.Command.Incoming;
import io.drillboard.drill.Command.SetSpeed;
import io.drillboard.drill.Command.TaskAction;
import io.drillboard.drill.EventBody.ActionAssigned;
import io.drillboard.drill.EventBody.DrillCreated;
import io.drillboard.drill.EventBody.LessonRecorded;
import io.drillboard.drill.EventBody.Noted;
import io.drillboard.drill.EventBody.Rated;
import io.drillboard.drill.EventBody.Retracted;
import io.drillboard.drill.Assessment.TargetKind;
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
import io.drillboard.drill.EventBody.FeedPosted;
import io.drillboard.opinion.FeedPost;
import io.drillboard.opinion.FeedWriter;
import io.drillboard.opinion.OpinionSimulation;
import io.drillboard.opinion.OpinionSimulation.Kind;
import io.drillboard.opinion.OpinionSimulation.MinuteCounts;
import io.drillboard.drill.DrillState.FiredInject;
import io.drillboard.drill.DrillState.MetCondition;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioParser;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.Scenario.Script;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.Trigger;
import io.drillboard.scenario.SimTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * The rules of one drill, free of I/O: it decides the events that a command or the passing of sim time causes,
 * assigns their seqs and folds them into the state at once. The caller stores what {@link #drain} hands over and
 * acknowledges only after the commit. Not thread-safe: one drill's engine is only ever used from one context.
 */
public final class DrillEngine {
  public static final String SCENARIO_ACTOR = "scenario";
  public static final String AUTOPILOT_ACTOR = "autopilot";
  /** Who fires a contingency inject once its condition came true. */
  public static final String CONTINGENCY_ACTOR = "contingency";
  /** The kind of entry each evaluation event records, as {@code Assessment.kindOf} names it. */
  private static final Map<EventType, String> ENTRY_KINDS = Map.of(EventType.EVALUATION_RATED, "rating",
      EventType.EVALUATION_NOTED, "note", EventType.EVALUATION_LESSON, "lesson", EventType.EVALUATION_ACTION, "action");

  private final String drillId;
  private DrillState state;
  private final OpinionSimulation opinion;
  /** Gives the sampled posts their texts, for a scenario with a media feed. */
  private final Optional<FeedWriter> feed;
  private final ClientIdIndex seqByClientId = new ClientIdIndex();
  private final List<Event> undrained = new ArrayList<>();
  /**
   * The sim time up to which the contingencies' conditions were checked. A rebuilt engine takes its last event's
   * time: the live one had checked at least that far, and checks again what lies past it with the same result.
   */
  private long checkedThrough = Long.MIN_VALUE;

  private DrillEngine(String drillId, DrillState state) {
    this.drillId = drillId;
    this.state = state;
    this.opinion = new OpinionSimulation(state.scenario().opinion(), state.seed());
    this.feed = state.scenario().feed().map(f -> new FeedWriter(state.scenario(), state.seed()));
  }

  /** A new drill: its drill.created event is the first to drain. */
  public static DrillEngine create(String drillId, Scenario scenario, double speed, boolean autopilot, long seed,
      String by, long wallNow) {
    return create(drillId, scenario, speed, autopilot, seed, by, DrillNaming.NONE, wallNow);
  }

  /** A new drill with the name and place its director gave it. */
  public static DrillEngine create(String drillId, Scenario scenario, double speed, boolean autopilot, long seed,
      String by, DrillNaming naming, long wallNow) {
    checkSpeed(speed);
    Event created = new Event(1, null, scenario.start(), wallNow, new DrillCreated(scenario.id(), scenario.source(),
        speed, autopilot, seed, by, naming.name(), naming.place()));
    DrillEngine engine = new DrillEngine(drillId, DrillState.created(drillId, created));
    engine.undrained.add(created);
    return engine;
  }

  /** Rebuilds a drill from its stored events, in seq order, the first being drill.created. */
  public static DrillEngine rebuild(String drillId, List<Event> events) {
    DrillEngine engine = new DrillEngine(drillId, DrillState.created(drillId, events.get(0)));
    for (Event event : events.subList(1, events.size())) {
      engine.replay(event);
    }
    engine.checkedThrough = engine.state.lastSimTime();
    return engine;
  }

  public String drillId() {
    return drillId;
  }

  public DrillState state() {
    return state;
  }

  /** Events decided since the last drain, in seq order: the caller must store them before acknowledging. */
  public List<Event> drain() {
    List<Event> events = List.copyOf(undrained);
    undrained.clear();
    return events;
  }

  /** Plays everything due up to the sim time that {@code wallNow} stands for: injects, autopilot, deadlines, samples. */
  public void advance(long wallNow) {
    while (state.status() == DrillStatus.RUNNING) {
      long simNow = Math.min(state.clock().simAt(wallNow), state.scenario().end());
      Optional<Due> next = nextDue();
      if (next.isEmpty() || next.get().at() > simNow) {
        return;
      }
      perform(next.get(), wallNow);
    }
  }

  /** The wall time at which something next comes due, while the clock runs. */
  public OptionalLong nextWake() {
    if (state.status() != DrillStatus.RUNNING) {
      return OptionalLong.empty();
    }
    return nextDue().map(d -> OptionalLong.of(state.clock().wallAt(d.at()))).orElse(OptionalLong.empty());
  }

  /**
   * Decides a command at {@code wallNow}, after playing what came due before it; the events wait in {@link #drain}.
   * Throws {@link CommandRejected} with nothing changed.
   */
  public Reply handle(Command command, long wallNow) {
    advance(wallNow);
    long sim = state.simNow(wallNow);
    if (command instanceof Append append) {
      return append(append, sim, wallNow);
    }
    if (command instanceof Control control) {
      control(control, sim, wallNow);
    } else if (command instanceof Assess assess) {
      assess(assess.entry(), sim, wallNow);
    } else if (command instanceof SetSpeed speed) {
      requireNotEnded(DrillAction.SPEED);
      checkSpeed(speed.speed());
      record(new SpeedChanged(speed.speed(), speed.by()), sim, wallNow);
    } else if (command instanceof Command.Archive archive) {
      if (archive.archived() && !state.status().allows(DrillAction.ARCHIVE)) {
        throw CommandRejected.conflict("the drill is " + state.status().key() + ": stop it before archiving it");
      }
      record(new EventBody.Archived(archive.archived(), archive.by()), sim, wallNow);
    } else if (command instanceof Command.Broadcast broadcast) {
      requireNotEnded(DrillAction.BROADCAST);
      record(new EventBody.Broadcast(broadcast.text(), broadcast.by()), sim, wallNow);
    } else if (command instanceof FireInject fire) {
      fireScripted(fire, sim, wallNow);
    } else if (command instanceof AddInject add) {
      addInject(add, sim, wallNow);
    } else if (command instanceof TaskAction action) {
      taskAction(action, sim, wallNow);
    }
    // A contingency that the command set off with no delay fires with it.
    advance(wallNow);
    return new Reply.Decided(state.seq());
  }

  private void control(Control control, long sim, long wallNow) {
    switch (control.action()) {
      case START -> {
        requireAllowed(DrillAction.START, "started", "it has already been started");
        record(new Started(state.clock().speed(), control.by()), state.scenario().start(), wallNow);
        advance(wallNow);
      }
      case PAUSE -> {
        requireAllowed(DrillAction.PAUSE, "paused", "it is not running");
        record(new Paused(control.by()), sim, wallNow);
      }
      case RESUME -> {
        requireAllowed(DrillAction.RESUME, "resumed", "it is not paused");
        record(new Resumed(control.by()), sim, wallNow);
      }
      case STOP -> {
        requireNotEnded(DrillAction.STOP);
        record(new Ended("stopped", control.by()), sim, wallNow);
      }
    }
  }

  /** Answers with the counts, and for a lone event its seq (the original one when it is a duplicate). */
  private Reply append(Append append, long sim, long wallNow) {
    if (state.ended()) {
      throw ended();
    }
    int accepted = 0;
    int duplicates = 0;
    long seq = 0;
    for (Incoming incoming : append.events()) {
      if (EventType.reserved(incoming.type())) {
        throw CommandRejected.invalid("type \"" + incoming.type() + "\" is written by the engine only");
      }
    }
    for (Incoming incoming : append.events()) {
      long known = incoming.clientId() == null ? 0 : seqByClientId.seqOf(incoming.clientId());
      if (known != 0) {
        duplicates++;
        seq = known;
        continue;
      }
      seq = record(new External(incoming.type(), incoming.payload()), sim, wallNow, incoming.clientId()).seq();
      accepted++;
    }
    return new Reply.Appended(accepted, duplicates, state.seq(),
        append.events().size() == 1 ? OptionalLong.of(seq) : OptionalLong.empty());
  }

  private void assess(EventBody entry, long sim, long wallNow) {
    if (entry instanceof Noted noted && noted.at() < 0) {
      entry = new Noted(sim, noted.text(), noted.by(), noted.replaces());
    }
    if (entry instanceof Rated rated) {
      boolean known = rated.target() == TargetKind.OBJECTIVE
          ? state.scenario().objectives().stream().anyMatch(o -> o.id().equals(rated.targetId()))
          : state.scenario().task(rated.targetId()).isPresent();
      if (!known) {
        throw CommandRejected.notFound("the scenario has no " + rated.target().name().toLowerCase() + " \""
            + rated.targetId() + "\"").coded(ProblemCodes.SCENARIO_ITEM_NOT_FOUND);
      }
    } else if (entry instanceof EventBody.EarlierActionClosed closed) {
      if (state.assessment().closed(closed.drillId(), closed.actionSeq())) {
        throw CommandRejected.conflict("this drill has already closed action " + closed.actionSeq() + " of drill "
            + closed.drillId());
      }
    } else if (!(entry instanceof Noted || entry instanceof LessonRecorded || entry instanceof ActionAssigned
        || entry instanceof Retracted)) {
      throw CommandRejected.invalid("not an evaluation entry: " + entry.type());
    }
    requireCurrent(entry);
    record(entry, sim, wallNow);
  }

  /** A correction or a retraction must name an entry that still counts, and a correction one of its own kind. */
  private void requireCurrent(EventBody entry) {
    Long corrected = entry instanceof Retracted retracted ? Long.valueOf(retracted.entrySeq())
        : entry instanceof EventBody.Entry correcting ? correcting.replaces() : null;
    if (corrected == null) {
      return;
    }
    String kind = state.assessment().kindOf(corrected);
    if (kind == null) {
      throw CommandRejected.notFound("no evaluation entry that still counts has seq " + corrected
          + " (it may have been corrected or retracted already)").coded(ProblemCodes.ENTRY_NOT_CURRENT);
    }
    String own = entry instanceof EventBody.Entry correcting ? ENTRY_KINDS.get(correcting.eventType()) : null;
    if (!(entry instanceof Retracted) && !kind.equals(own)) {
      throw CommandRejected.invalid("entry " + corrected + " is a " + kind + ": only a " + kind + " can correct it");
    }
  }

  private void fireScripted(FireInject fire, long sim, long wallNow) {
    Inject inject = state.scenario().inject(fire.injectId())
        .orElseThrow(() -> CommandRejected.notFound("the scenario has no inject \"" + fire.injectId() + "\"")
            .coded(ProblemCodes.SCENARIO_ITEM_NOT_FOUND));
    requireActive("fire an inject");
    if (state.firedInjects().containsKey(inject.id())) {
      throw CommandRejected.conflict("inject \"" + inject.id() + "\" has already fired at "
          + SimTime.format(state.firedInjects().get(inject.id()).at())).coded(ProblemCodes.INJECT_ALREADY_FIRED);
    }
    fire(inject, sim, wallNow, fire.by());
  }

  private void addInject(AddInject add, long sim, long wallNow) {
    requireActive("add an inject");
    add.opinion().ifPresent(o -> {
      if (!state.scenario().opinion().platforms().containsKey(o.platform())) {
        throw CommandRejected.invalid("opinion.platform must be one of "
            + state.scenario().opinion().platforms().keySet()).coded(ProblemCodes.INVALID_FIELDS);
      }
    });
    long adHocCount = state.firedInjects().values().stream().filter(FiredInject::adHoc).count();
    String id = ScenarioParser.AD_HOC_PREFIX + (adHocCount + 1);
    record(new InjectFired(id, true, add.channel(), add.title(), add.text(), add.opinion(), add.by()), sim, wallNow);
  }

  private void taskAction(TaskAction action, long sim, long wallNow) {
    Task task = state.scenario().task(action.taskId())
        .orElseThrow(() -> CommandRejected.notFound("the scenario has no task \"" + action.taskId() + "\"")
            .coded(ProblemCodes.SCENARIO_ITEM_NOT_FOUND));
    if (action.actorTeam() != null && !action.actorTeam().equals(task.teamId())) {
      throw CommandRejected.forbidden("task \"" + task.id() + "\" belongs to team \"" + task.teamId()
          + "\", not to \"" + action.actorTeam() + "\"").coded(ProblemCodes.TASK_OTHER_TEAM);
    }
    if (!state.status().allows(DrillAction.TASK)) {
      throw CommandRejected.conflict("the drill is " + state.status().key() + "; tasks move only while it runs")
          .coded(ProblemCodes.DRILL_WRONG_STATE);
    }
    checkNote(action);
    TaskProgress progress = state.task(task.id());
    TaskState required = previousStep(action.to());
    if (progress.state() != required) {
      throw CommandRejected.conflict("task \"" + task.id() + "\" is " + progress.state().key() + "; it must be "
          + required.key() + " to become " + action.to().key()).coded(ProblemCodes.TASK_WRONG_STATE);
    }
    record(new TaskAdvanced(task.id(), task.teamId(), action.to(), action.by(), action.note()), sim, wallNow);
  }

  /** The HTTP layer checks notes too; this guards commands that come over the bus from elsewhere. */
  private static void checkNote(TaskAction action) {
    String note = action.note();
    if (note == null) {
      return;
    }
    if (action.to() != TaskState.DONE) {
      throw CommandRejected.invalid("only a task moved to done carries a note");
    }
    if (note.isBlank() || note.codePointCount(0, note.length()) > TaskAction.MAX_NOTE) {
      throw CommandRejected.invalid("note: must be a text of 1 to " + TaskAction.MAX_NOTE + " characters");
    }
  }

  private static TaskState previousStep(TaskState to) {
    return switch (to) {
      case ACKNOWLEDGED -> TaskState.PENDING;
      case IN_PROGRESS -> TaskState.ACKNOWLEDGED;
      case DONE -> TaskState.IN_PROGRESS;
      default -> throw CommandRejected.invalid("a task cannot be moved to " + to.key());
    };
  }

  private void fire(Inject inject, long sim, long wallNow, String by) {
    record(new InjectFired(inject.id(), false, inject.channel(), inject.title(), inject.text(), inject.opinion(), by),
        sim, wallNow);
  }

  private Event record(EventBody body, long sim, long wallNow) {
    return record(body, sim, wallNow, null);
  }

  /** Folds a newly decided event in, queues it for storage, and decides what it causes at the same moment. */
  private Event record(EventBody body, long sim, long wallNow, String clientId) {
    Event event = new Event(state.seq() + 1, clientId, sim, wallNow, body);
    replay(event);
    undrained.add(event);
    for (EventBody consequence : consequences(body, sim)) {
      record(consequence, sim, wallNow);
    }
    if (!(body instanceof External)) {
      checkConditions(sim, wallNow);
    }
    return event;
  }

  /** Records the condition of every contingency that holds now and has neither come true nor fired before. */
  private void checkConditions(long sim, long wallNow) {
    checkedThrough = Math.max(checkedThrough, sim);
    if (!state.status().allows(DrillAction.INJECT)) {
      return;
    }
    for (Inject inject : state.scenario().injects()) {
      if (waiting(inject)) {
        ConditionWatch.met(inject, state, sim).ifPresent(met -> record(met, sim, wallNow));
      }
    }
  }

  /** A contingency whose condition has not come true, and that nobody fired by hand. */
  private boolean waiting(Inject inject) {
    return inject.contingency().isPresent() && !state.firedInjects().containsKey(inject.id())
        && !state.metConditions().containsKey(inject.id());
  }

  /** Folds a stored event into the state and the opinion model; consequences are already in the log. */
  private void replay(Event event) {
    state = state.apply(event);
    if (event.clientId() != null) {
      seqByClientId.put(event.clientId(), event.seq());
    }
    EventBody body = event.body();
    if (body instanceof InjectFired fired && fired.opinion().isPresent()) {
      InjectOpinion posts = fired.opinion().get();
      opinion.addImmigrants(event.simTime(), posts.posts(), posts.platform(), posts.spread());
    } else if (body instanceof TaskAdvanced advanced && advanced.state() == TaskState.DONE) {
      state.scenario().task(advanced.taskId()).flatMap(Task::effect)
          .ifPresent(effect -> opinion.damp(event.simTime(), effect.branching(), effect.sentimentShift()));
    } else if (body instanceof OpinionSampled sampled) {
      opinion.sample(sampled.minute() + SimTime.MINUTE);
    }
  }

  private List<EventBody> consequences(EventBody body, long sim) {
    List<EventBody> caused = new ArrayList<>();
    if (body instanceof InjectFired fired) {
      for (Task task : state.scenario().tasks()) {
        if (task.trigger() instanceof Trigger.OnInject on && on.injectId().equals(fired.injectId())
            && state.task(task.id()).state() == TaskState.WAITING) {
          caused.add(new TaskTriggered(task.id(), task.teamId(), sim + task.deadline()));
        }
      }
    } else if (body instanceof TaskAdvanced advanced && advanced.state() == TaskState.DONE) {
      statement(advanced, sim).ifPresent(post -> caused.add(new FeedPosted(List.of(post))));
      for (Task task : state.scenario().tasks()) {
        if (task.trigger() instanceof Trigger.AfterTask after && after.taskId().equals(advanced.taskId())
            && state.task(task.id()).state() == TaskState.WAITING) {
          caused.add(new TaskTriggered(task.id(), task.teamId(), sim + task.deadline()));
        }
      }
    }
    return caused;
  }

  /** Something the clock brings: a sample, an inject, an autopilot step, a deadline, the end. */
  private record Due(long at, int order, LongConsumer action) {
  }

  private Optional<Due> nextDue() {
    List<Due> candidates = new ArrayList<>();
    Scenario scenario = state.scenario();
    long sampleEnd = state.opinion().nextSampleEnd();
    if (sampleEnd != OpinionTally.NONE && sampleEnd <= scenario.end()) {
      candidates.add(new Due(sampleEnd, 0, wall -> sampleOpinion(sampleEnd, wall)));
    }
    scenario.injects().stream().filter(i -> i.timeline() && !state.firedInjects().containsKey(i.id()))
        .min(Comparator.comparingLong(i -> i.at().getAsLong()))
        .ifPresent(i -> candidates.add(new Due(i.at().getAsLong(), 1, wall -> fireDue(i, wall))));
    for (Inject inject : scenario.injects()) {
      MetCondition met = state.metConditions().get(inject.id());
      if (met != null && !state.firedInjects().containsKey(inject.id())) {
        candidates.add(new Due(met.met().fireAt(), 1, wall -> fire(inject, met.met().fireAt(), wall,
            CONTINGENCY_ACTOR)));
      } else if (waiting(inject)) {
        ConditionWatch.nextCheck(inject, state, checkedThrough)
            .ifPresent(at -> candidates.add(new Due(at, 1, wall -> checkConditions(at, wall))));
      }
    }
    for (Task task : scenario.tasks()) {
      TaskProgress progress = state.task(task.id());
      if (!progress.open()) {
        continue;
      }
      if (state.autopilot() && task.script().isPresent()) {
        TaskState to = nextStep(progress.state());
        long at = autopilotTime(task, progress, to);
        candidates.add(new Due(at, 2, wall -> autopilot(task, to, at, wall)));
      }
      if (!progress.overdue()) {
        candidates.add(new Due(progress.deadline(), 3, wall -> markOverdue(task, wall)));
      }
    }
    candidates.add(new Due(scenario.end(), 4, this::endByClock));
    return candidates.stream().min(Comparator.comparingLong(Due::at).thenComparingInt(Due::order));
  }

  private void perform(Due due, long wallNow) {
    due.action().accept(wallNow);
  }

  private void sampleOpinion(long end, long wallNow) {
    MinuteCounts counts = opinion.sample(end);
    record(new OpinionSampled(end - SimTime.MINUTE, counts.byPlatform(), counts.count(Kind.POST),
        counts.count(Kind.REPOST), counts.count(Kind.COMMENT), opinion.branchingRatio()), end, wallNow);
    feed.map(writer -> writer.write(counts.posts(), latestStatement())).filter(posts -> !posts.isEmpty())
        .ifPresent(posts -> record(new FeedPosted(posts), end, wallNow));
  }

  /**
   * A task that bends opinion, done with its text as evidence (by a team, or by the autopilot from the script): the
   * bank's statement, posted in the feed.
   */
  private Optional<FeedPost> statement(TaskAdvanced done, long sim) {
    Optional<Task> task = state.scenario().task(done.taskId()).filter(t -> t.effect().isPresent());
    if (feed.isEmpty() || task.isEmpty()) {
      return Optional.empty();
    }
    if (done.note() != null && !done.note().isBlank()) {
      return feed.get().statement(done.taskId(), sim, new Scenario.Twin(done.note(), null));
    }
    return task.get().script().filter(s -> AUTOPILOT_ACTOR.equals(done.by())).flatMap(Scenario.Script::statement)
        .flatMap(text -> feed.get().statement(done.taskId(), sim, text));
  }

  /** The bank's latest statement in the feed, as the drill's events tell it. */
  private Optional<FeedWriter.Statement> latestStatement() {
    return state.statement().map(post -> new FeedWriter.Statement(post.id(), post.platform(), post.at()));
  }

  private void fireDue(Inject inject, long wallNow) {
    fire(inject, inject.at().getAsLong(), wallNow, SCENARIO_ACTOR);
  }

  private void autopilot(Task task, TaskState to, long at, long wallNow) {
    record(new TaskAdvanced(task.id(), task.teamId(), to, AUTOPILOT_ACTOR), at, wallNow);
  }

  /** The scripted time, but never before the task's latest step: a team may have acted by hand, or late. */
  private static long autopilotTime(Task task, TaskProgress progress, TaskState to) {
    long latestStep = Math.max(progress.triggeredAt(), Math.max(progress.acknowledgedAt(), progress.startedAt()));
    return Math.max(scriptedTime(task.script().get(), to), latestStep);
  }

  private void markOverdue(Task task, long wallNow) {
    record(new TaskOverdue(task.id(), task.teamId()), state.task(task.id()).deadline(), wallNow);
  }

  private void endByClock(long wallNow) {
    record(new Ended("scenario-end", SCENARIO_ACTOR), state.scenario().end(), wallNow);
  }

  private static TaskState nextStep(TaskState from) {
    return switch (from) {
      case PENDING -> TaskState.ACKNOWLEDGED;
      case ACKNOWLEDGED -> TaskState.IN_PROGRESS;
      default -> TaskState.DONE;
    };
  }

  private static long scriptedTime(Script script, TaskState to) {
    return switch (to) {
      case ACKNOWLEDGED -> script.ack();
      case IN_PROGRESS -> script.start();
      default -> script.done();
    };
  }

  private void requireAllowed(DrillAction action, String verb, String because) {
    if (!state.status().allows(action)) {
      throw CommandRejected.conflict("the drill cannot be " + verb + ": " + because + " (it is "
          + state.status().key() + ")").coded(ProblemCodes.DRILL_WRONG_STATE);
    }
  }

  /** For the actions that only an ended drill refuses. */
  private void requireNotEnded(DrillAction action) {
    if (!state.status().allows(action)) {
      throw ended();
    }
  }

  private static CommandRejected ended() {
    return CommandRejected.conflict("the drill has ended").coded(ProblemCodes.DRILL_ENDED);
  }

  private void requireActive(String what) {
    if (!state.status().allows(DrillAction.INJECT)) {
      throw CommandRejected.conflict("cannot " + what + ": the drill is " + state.status().key())
          .coded(ProblemCodes.DRILL_NOT_ACTIVE);
    }
  }

  private static void checkSpeed(double speed) {
    if (!(speed >= SimClock.MIN_SPEED && speed <= SimClock.MAX_SPEED)) {
      throw CommandRejected.invalid("speed must be between 1 and 3600, got " + speed);
    }
  }
}
