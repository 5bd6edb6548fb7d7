package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command.ControlAction;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a drill as given events, when a command at a time, then events or a rejection: the engine alone, with
 * no server, no store and no waiting. Time is wall milliseconds after the drill's creation ({@link #T0}); the fixture
 * rebuilds the engine from the log before every step, so each step also passes through what a restart does.
 */
final class DrillFixture {
  /** The wall time at which the fixture's drill is created. */
  static final long T0 = 1_700_000_000_000L;
  static final String DIRECTOR = "director";

  private final String drillId;
  private final List<Event> log = new ArrayList<>();

  private DrillFixture(String drillId, DrillEngine created) {
    this.drillId = drillId;
    log.addAll(created.drain());
  }

  /** The seed scenario at {@code speed}, played by hand (no autopilot), created at {@link #T0}. */
  static DrillFixture seedDrill(double speed) {
    return of(DefaultScenario.load(), speed, false);
  }

  static DrillFixture of(Scenario scenario, double speed, boolean autopilot) {
    return of(scenario, speed, autopilot, 5);
  }

  static DrillFixture of(Scenario scenario, double speed, boolean autopilot, long seed) {
    return new DrillFixture("fixture", DrillEngine.create("fixture", scenario, speed, autopilot, seed, DIRECTOR, T0));
  }

  /** The seed drill, started at {@link #T0}. */
  static DrillFixture startedSeedDrill(double speed) {
    return seedDrill(speed).given(director(ControlAction.START), T0);
  }

  static Command director(ControlAction action) {
    return new Command.Control(action, DIRECTOR);
  }

  /** Given: the events a command decided at {@code wall} are in the log (the command must be accepted). */
  DrillFixture given(Command command, long wall) {
    when(command, wall).accepted();
    return this;
  }

  /** Given: the clock has run to {@code wall}, and everything due by then is in the log. */
  DrillFixture givenTimeTo(long wall) {
    whenTimeTo(wall);
    return this;
  }

  /**
   * When: a command at {@code wall}. What the clock brought before it joins the log first, as the runtime stores it
   * whether or not the command is accepted; the outcome holds what the command decided.
   */
  Outcome when(Command command, long wall) {
    DrillEngine engine = engine();
    engine.advance(wall);
    recorded(engine);
    try {
      engine.handle(command, wall);
    } catch (CommandRejected rejected) {
      assertThat(engine.drain()).as("a refused command decides nothing").isEmpty();
      return new Outcome(List.of(), rejected, engine.state());
    }
    return recorded(engine);
  }

  /** When: the clock runs to {@code wall}; what came due joins the log. */
  Outcome whenTimeTo(long wall) {
    DrillEngine engine = engine();
    engine.advance(wall);
    return recorded(engine);
  }

  /** The state the log folds to. */
  DrillState state() {
    return DrillState.fold(drillId, log);
  }

  List<Event> log() {
    return List.copyOf(log);
  }

  /** The wall time at which the drill's clock reads {@code sim}, as it runs now. */
  long wallAt(long sim) {
    return state().clock().wallAt(sim);
  }

  private DrillEngine engine() {
    return DrillEngine.rebuild(drillId, log);
  }

  private Outcome recorded(DrillEngine engine) {
    List<Event> decided = engine.drain();
    log.addAll(decided);
    assertThat(DrillState.fold(drillId, log)).as("the log folds to the engine's state").isEqualTo(engine.state());
    return new Outcome(decided, null, engine.state());
  }

  /** Then: what a step decided, or why it was refused. */
  record Outcome(List<Event> events, CommandRejected rejection, DrillState state) {
    Outcome accepted() {
      assertThat(rejection).as("accepted, but refused: %s", rejection == null ? "" : rejection.getMessage())
          .isNull();
      return this;
    }

    /** The types of the events decided, in order. */
    List<String> types() {
      accepted();
      return events.stream().map(Event::type).toList();
    }

    <T extends EventBody> T only(Class<T> type) {
      List<T> found = events.stream().map(Event::body).filter(type::isInstance).map(type::cast).toList();
      assertThat(found).as("events of type " + type.getSimpleName()).hasSize(1);
      return found.get(0);
    }

    Event event(String type) {
      return events.stream().filter(e -> e.type().equals(type)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + type + " among " + types()));
    }

    /** Then: refused as {@code kind} with {@code code}, and nothing decided. */
    void rejected(CommandRejected.Kind kind, String code) {
      assertThat(rejection).as("refused").isNotNull();
      assertThat(rejection.kind()).isEqualTo(kind);
      assertThat(rejection.code()).isEqualTo(code);
      assertThat(events).isEmpty();
    }
  }
}
