package io.drillboard.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The dashboards shipped in grafana/dashboards, and every query of every panel in them. */
final class Dashboards {
  static final Path FOLDER = Path.of("grafana", "dashboards");
  static final String DATASOURCE_UID = "drillboard-prometheus";

  record Query(String dashboard, int panelId, String panelTitle, String expr) {
    @Override
    public String toString() {
      return "dashboard \"" + dashboard + "\", panel " + panelId + " \"" + panelTitle + "\", query " + expr;
    }
  }

  private Dashboards() {
  }

  static List<JsonObject> all() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().map(Dashboards::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonObject> panels(JsonObject dashboard) {
    List<JsonObject> panels = new ArrayList<>();
    for (Object panel : dashboard.getJsonArray("panels", new JsonArray())) {
      panels.add((JsonObject) panel);
      for (Object nested : ((JsonObject) panel).getJsonArray("panels", new JsonArray())) {
        panels.add((JsonObject) nested);
      }
    }
    return panels;
  }

  static List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonObject dashboard : all()) {
      for (JsonObject panel : panels(dashboard)) {
        for (Object target : panel.getJsonArray("targets", new JsonArray())) {
          queries.add(new Query(dashboard.getString("title"), panel.getInteger("id"), panel.getString("title"),
              ((JsonObject) target).getString("expr")));
        }
      }
    }
    return queries;
  }
}
