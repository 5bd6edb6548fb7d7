package io.drillboard.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.scenario.ScenarioCatalog.Entry;
import io.drillboard.scenario.ScenarioCatalog.Origin;
import org.junit.jupiter.api.Test;

/** The scenarios shipped in the jar, listed as they ship: the seed first, which the pages preselect. */
class BuiltInScenariosTest {
  @Test
  void theSeedComesFirstThenTheCardOutage() {
    assertThat(ScenarioCatalog.withDefault().all()).extracting(e -> e.scenario().id())
        .containsExactly("major-complaint", "card-outage-holiday");
    assertThat(ScenarioCatalog.withDefault().all()).extracting(Entry::origin).containsOnly(Origin.BUILT_IN);
  }

  @Test
  void everyBuiltInScenarioHasItsEnglishTwinsAndAFeed() {
    for (Scenario scenario : DefaultScenario.builtIns()) {
      assertThat(scenario.titleEn()).as(scenario.id()).isNotBlank();
      assertThat(scenario.injects()).allSatisfy(i -> assertThat(i.titleEn()).as(i.id()).isNotBlank());
      assertThat(scenario.tasks()).allSatisfy(t -> assertThat(t.titleEn()).as(t.id()).isNotBlank());
      assertThat(scenario.feed()).as(scenario.id()).isPresent();
      assertThat(scenario.feed().get().templates()).allSatisfy(t -> assertThat(t.textEn()).isNotBlank());
    }
  }
}
