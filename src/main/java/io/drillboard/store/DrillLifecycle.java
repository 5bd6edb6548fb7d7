package io.drillboard.store;

import io.drillboard.drill.DrillStatus;
import io.drillboard.drill.EventType;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drill as its lifecycle events tell it: enough to list drills (by the name and place their director gave, archived
 * ones apart) and to know which to resume on start.
 */
public record DrillLifecycle(String drillId, String scenarioId, long createdAt, DrillStatus status, double speed,
    boolean autopilot, String name, String place, boolean archived) {

  static List<DrillLifecycle> fromRows(RowSet<Row> rows) {
    Map<String, DrillLifecycle> drills = new LinkedHashMap<>();
    for (Row row : rows) {
      String id = row.getString("drill_id");
      // The query reads only the engine's drill.* events.
      EventType type = EventType.of(row.getString("type")).orElseThrow();
      DrillLifecycle current = drills.get(id);
      if (type == EventType.DRILL_CREATED) {
        drills.put(id, new DrillLifecycle(id, row.getString("scenario_id"), row.getLong("wall"), DrillStatus.CREATED,
            Double.parseDouble(row.getString("speed")), Boolean.parseBoolean(row.getString("autopilot")),
            row.getString("name"), row.getString("place"), false));
      } else if (current != null) {
        drills.put(id, current.after(type, row.getString("speed")));
      }
    }
    List<DrillLifecycle> list = new ArrayList<>(drills.values());
    list.sort(Comparator.comparingLong(DrillLifecycle::createdAt));
    return list;
  }

  private DrillLifecycle after(EventType type, String newSpeed) {
    DrillStatus next = status.after(type);
    double speedNow = type == EventType.DRILL_SPEED_CHANGED && newSpeed != null ? Double.parseDouble(newSpeed) : speed;
    boolean archivedNow = type == EventType.DRILL_ARCHIVED || archived && type != EventType.DRILL_UNARCHIVED;
    return new DrillLifecycle(drillId, scenarioId, createdAt, next, speedNow, autopilot, name, place, archivedNow);
  }
}
