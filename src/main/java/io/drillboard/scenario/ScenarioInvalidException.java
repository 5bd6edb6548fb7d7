package io.drillboard.scenario;

import java.util.List;

/** A scenario that cannot be run, with every problem found, each named by its path in the file. */
public class ScenarioInvalidException extends RuntimeException {
  private final List<String> problems;

  public ScenarioInvalidException(List<String> problems) {
    super("invalid scenario: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
