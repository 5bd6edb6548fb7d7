package io.drillboard.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scenarios a drill can be created from: the built-in ones, files in the data dir, and those posted. */
public final class ScenarioCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioCatalog.class);

  public enum Origin {
    BUILT_IN, FILE, API
  }

  public record Entry(Scenario scenario, Origin origin) {
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final List<String> builtInIds = new java.util.ArrayList<>();

  public static ScenarioCatalog withDefault() {
    ScenarioCatalog catalog = new ScenarioCatalog();
    DefaultScenario.builtIns().forEach(builtIn -> {
      catalog.entries.put(builtIn.id(), new Entry(builtIn, Origin.BUILT_IN));
      catalog.builtInIds.add(builtIn.id());
    });
    return catalog;
  }

  /** Loads every *.yaml and *.yml file of the directory; a file that is not a valid scenario is logged and skipped. */
  public void loadDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
          .forEach(this::loadFile);
    } catch (IOException e) {
      LOG.warn("Could not list scenarios in {}: {}", directory, e.getMessage());
    }
  }

  private void loadFile(Path file) {
    try {
      Scenario scenario = ScenarioParser.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (origin(scenario.id()).filter(o -> o == Origin.BUILT_IN).isPresent()) {
        LOG.warn("Skipping {}: the id \"{}\" belongs to the built-in scenario", file, scenario.id());
        return;
      }
      entries.put(scenario.id(), new Entry(scenario, Origin.FILE));
    } catch (ScenarioInvalidException e) {
      LOG.warn("Skipping invalid scenario {}: {}", file, String.join("; ", e.problems()));
    } catch (IOException e) {
      LOG.warn("Could not read scenario {}: {}", file, e.getMessage());
    }
  }

  /**
   * Adds a scenario posted through the API; it may replace an earlier posted one, never a file or the built-in.
   * Returns false when the id is taken by one of those.
   */
  public boolean addPosted(Scenario scenario) {
    Entry merged = entries.merge(scenario.id(), new Entry(scenario, Origin.API),
        (old, posted) -> old.origin() == Origin.API ? posted : old);
    return merged.origin() == Origin.API && merged.scenario() == scenario;
  }

  public Optional<Scenario> get(String id) {
    return Optional.ofNullable(entries.get(id)).map(Entry::scenario);
  }

  public Optional<Origin> origin(String id) {
    return Optional.ofNullable(entries.get(id)).map(Entry::origin);
  }

  /**
   * Built-in first, in the order they ship (the seed, the default, first: pages preselect the first), then data-dir
   * files and posted scenarios, each by id.
   */
  public List<Entry> all() {
    Collection<Entry> values = entries.values();
    return values.stream().sorted(Comparator.comparing((Entry e) -> e.origin()).thenComparingInt(this::shippedOrder)
        .thenComparing(e -> e.scenario().id())).toList();
  }

  private int shippedOrder(Entry entry) {
    return entry.origin() == Origin.BUILT_IN ? builtInIds.indexOf(entry.scenario().id()) : 0;
  }
}
