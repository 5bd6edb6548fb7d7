package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.LessonKind;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.Command.Incoming;
import io.drillboard.scenario.DefaultScenario;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever commands come, at whatever times, the log tells the whole drill: a rebuild from the stored events equals
 * the live engine's state, and from then on both decide the same events. This is what a restart, a takeover by
 * another node and every read from the store rely on.
 */
class RebuildPropertyTest {
  /**
   * The built-in scenarios (the seed, and the card outage across two days with its feed and contingencies), and a
   * scenario with a contingency inject of every kind and a held one.
   */
  private static final List<Scenario> SCENARIOS = java.util.stream.Stream.concat(
      DefaultScenario.builtIns().stream(), java.util.stream.Stream.of(ContingencyRulesTest.SCENARIO)).toList();
  private static final String BY = "director";

  /** One step of a drill's life: a command, or none, after some wall time. */
  record Step(long afterMillis, Optional<Command> command) {
  }

  /** A drill of a scenario, and what happens to it. */
  record Life(Scenario scenario, List<Step> steps) {
  }

  @Property(tries = 150)
  void aRebuildFromTheLogEqualsTheLiveState(@ForAll("lives") Life life, @ForAll("speeds") double speed,
      @ForAll boolean autopilot) {
    long wall = DrillFixture.T0;
    DrillEngine live = DrillEngine.create("property", life.scenario(), speed, autopilot, 11, BY, wall);
    List<Event> log = new ArrayList<>(live.drain());
    for (Step step : life.steps()) {
      wall += step.afterMillis();
      if (step.command().isEmpty()) {
        live.advance(wall);
      } else {
        try {
          live.handle(step.command().get(), wall);
        } catch (CommandRejected refused) {
          // Refused commands are part of the property: they must leave nothing behind but what the clock brought.
        }
      }
      log.addAll(live.drain());
    }
    assertThat(log).extracting(Event::seq).as("seqs from 1 without gaps")
        .containsExactly(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toArray(Long[]::new));
    DrillEngine rebuilt = DrillEngine.rebuild("property", log);
    assertThat(rebuilt.state()).isEqualTo(live.state());
    assertThat(DrillState.fold("property", log)).isEqualTo(live.state());

    long later = wall + 30 * 60_000;
    live.advance(later);
    rebuilt.advance(later);
    assertThat(rebuilt.drain()).as("what both decide next").isEqualTo(live.drain());
  }

  @Provide
  Arbitrary<Double> speeds() {
    return Arbitraries.of(1.0, 60.0, 600.0, 3600.0);
  }

  @Provide
  Arbitrary<Life> lives() {
    return Arbitraries.of(SCENARIOS).flatMap(scenario -> {
      Arbitrary<Long> pauses = Arbitraries.longs().between(0, 120_000);
      Arbitrary<Optional<Command>> commands = Arbitraries.oneOf(Arbitraries.just(Optional.empty()),
          commands(scenario).map(Optional::of));
      return Combinators.combine(pauses, commands).as(Step::new).list().ofMaxSize(40)
          .map(steps -> new Life(scenario, steps));
    });
  }

  private static Arbitrary<Command> commands(Scenario scenario) {
    Arbitrary<String> injects = Arbitraries.of(scenario.injects().stream().map(Scenario.Inject::id).toList())
        .injectDuplicates(0.2);
    Arbitrary<String> tasks = Arbitraries.of(scenario.tasks().stream().map(Scenario.Task::id).toList());
    Arbitrary<String> teams = Arbitraries.of(scenario.teams().stream().map(Scenario.Team::id).toList());
    Arbitrary<String> objectives = Arbitraries.of(scenario.objectives().stream().map(Scenario.Objective::id)
        .toList());
    Arbitrary<Command> control = Arbitraries.of(ControlAction.class).map(a -> new Command.Control(a, BY));
    Arbitrary<Command> speed = Arbitraries.of(0.5, 1.0, 120.0, 3600.0).map(s -> new Command.SetSpeed(s, BY));
    Arbitrary<Command> fire = injects.map(id -> new Command.FireInject(id, BY));
    Arbitrary<Command> addInject = Arbitraries.integers().between(0, 200).map(posts -> new Command.AddInject(
        "phone", "记者来电", null, posts == 0 ? Optional.empty()
            : Optional.of(new InjectOpinion(posts, "weibo", 5 * SimTime.MINUTE)), BY));
    Arbitrary<Command> task = Combinators.combine(tasks, Arbitraries.of(TaskState.ACKNOWLEDGED,
        TaskState.IN_PROGRESS, TaskState.DONE), teams.injectNull(0.5))
        .as((id, to, team) -> new Command.TaskAction(id, to, team, team == null ? BY : "member-of-" + team,
            to == TaskState.DONE && team != null ? "已完成" : null));
    Arbitrary<Command> rate = Combinators.combine(objectives, Arbitraries.of(Grade.class),
        Arbitraries.longs().between(1, 30).injectNull(0.7))
        .as((objective, grade, replaces) -> new Command.Assess(new EventBody.Rated(TargetKind.OBJECTIVE, objective,
            grade, null, "王敏", replaces), "王敏"));
    Arbitrary<Command> note = Arbitraries.longs().between(-1, 60).map(seq -> new Command.Assess(seq < 0
        ? new EventBody.Noted(-1, "此刻", "王敏") : new EventBody.Retracted(seq, "重复", "王敏"), "王敏"));
    Arbitrary<Command> lesson = Arbitraries.of(LessonKind.class)
        .map(kind -> new Command.Assess(new EventBody.LessonRecorded(kind, "协同顺畅", "王敏"), "王敏"));
    Arbitrary<Command> append = Arbitraries.strings().withCharRange('a', 'c').ofLength(1).list().ofMinSize(1)
        .ofMaxSize(4).map(ids -> new Command.Append(ids.stream()
            .map(id -> new Incoming("client-" + id, "message", "{\"n\":1}")).toList(), "injector"));
    Arbitrary<Command> archive = Arbitraries.of(true, false).map(archived -> new Command.Archive(archived, BY));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, control), net.jqwik.api.Tuple.of(2, speed), net.jqwik.api.Tuple.of(4, fire),
        net.jqwik.api.Tuple.of(2, addInject), net.jqwik.api.Tuple.of(8, task), net.jqwik.api.Tuple.of(2, rate),
        net.jqwik.api.Tuple.of(2, note), net.jqwik.api.Tuple.of(1, lesson), net.jqwik.api.Tuple.of(3, append),
        net.jqwik.api.Tuple.of(1, archive));
  }
}
