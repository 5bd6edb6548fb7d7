package io.drillboard.drill;

import io.drillboard.drill.Evidence;
import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command;
import io.drillboard.drill.DrillEngine;
import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.drill.CriterionResult.Status;
import io.drillboard.scenario.DefaultScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seed's criteria, measured from the autopilot drill's events: what its timeline implies. */
class SeedCriteriaTest {
  @Test
  void theSeedTimelineMeetsAndMissesWhatTheCaseImplies() {
    List<Event> log = new ArrayList<>();
    DrillEngine engine = DrillEngine.create("d1", DefaultScenario.load(), 600, true, 5, "director", 0);
    log.addAll(engine.drain());
    engine.handle(new Command.Control(Command.ControlAction.START, "director"), 0);
    for (long wall = 0; wall <= 60_000; wall += 1_000) {
      engine.advance(wall);
    }
    log.addAll(engine.drain());
    DrillState state = engine.state();
    Map<String, CriterionResult> results = Criteria.measure(state, state.lastSimTime()).stream()
        .collect(Collectors.toMap(CriterionResult::id, Function.identity()));

    assertMet(results.get("detection"), false, 60);
    assertMet(results.get("plan-activation"), true, 10);
    assertMet(results.get("first-meeting"), true, 30);
    assertMet(results.get("customer-contact"), true, 150);
    assertMet(results.get("home-visit"), true, 210);
    // The 16:00 statement comes six hours after the 10:00 post: the golden four hours are missed.
    assertMet(results.get("golden-4-hours"), false, 360);
    assertMet(results.get("reverification"), true, 330);
    assertThat(results.get("tasks-on-time").status()).isEqualTo(Status.MISSED);
    CriterionResult beforePeak = results.get("statement-before-peak");
    assertThat(beforePeak.met()).isEqualTo(beforePeak.value() > 0);

    // Evidence points at the very events: the detection inject and the plan's completion.
    CriterionResult activation = results.get("plan-activation");
    assertThat(activation.evidence()).hasSize(2);
    assertThat(log.stream().filter(e -> activation.evidence().contains(e.seq())).map(Event::type))
        .containsExactlyInAnyOrder("inject.fired", "task.completed");
    assertThat(results.get("tasks-on-time").evidence()).isNotEmpty();
  }

  private static void assertMet(CriterionResult result, boolean met, long minutes) {
    assertThat(result.met()).as(result.id()).isEqualTo(met);
    assertThat(result.status()).as(result.id()).isEqualTo(met ? Status.MET : Status.MISSED);
    assertThat(result.value()).as(result.id()).isEqualTo(minutes * 60_000);
  }
}
