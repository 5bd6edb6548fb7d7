package io.drillboard.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The scenarios shipped inside the jar: the seed case, the default, and a second of the project's own design (a
 * card-payment outage over a holiday, across two days, with contingency injects and a media feed).
 */
public final class DefaultScenario {
  public static final String RESOURCE = "scenarios/major-complaint.yaml";
  public static final List<String> BUILT_INS = List.of(RESOURCE, "scenarios/card-outage-holiday.yaml");

  private DefaultScenario() {
  }

  /** The seed case. */
  public static Scenario load() {
    return load(RESOURCE);
  }

  /** Every built-in scenario, the seed first. */
  public static List<Scenario> builtIns() {
    return BUILT_INS.stream().map(DefaultScenario::load).toList();
  }

  private static Scenario load(String resource) {
    try (InputStream in = DefaultScenario.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
