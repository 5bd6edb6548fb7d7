package io.drillboard.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The seed case, shipped inside the jar as the built-in default scenario. */
public final class DefaultScenario {
  public static final String RESOURCE = "scenarios/major-complaint.yaml";

  private DefaultScenario() {
  }

  public static Scenario load() {
    try (InputStream in = DefaultScenario.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
