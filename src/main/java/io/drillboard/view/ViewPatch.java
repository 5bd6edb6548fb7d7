package io.drillboard.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a delta frame carries: the parts of a drill's view that changed since the previous frame. Its rules (also in
 * webroot/js/live.js and docs/api.md):
 * <ul>
 *   <li>A field left out is unchanged. A field given is the new value, whole, except for the following.</li>
 *   <li>The view itself, {@code latency}, {@code opinion} and every item of a keyed list are merged field by field by
 *       these same rules.</li>
 *   <li>The keyed lists, {@code teams}, {@code tasks} (of a team), {@code criteria} and {@code injects} by {@code id},
 *       and {@code opinion.series} by {@code minute}, list only their items that changed: an item already held is
 *       merged, a new one is appended.</li>
 * </ul>
 * No field or item ever goes away during a drill, so a whole view is also a patch: applied, it gives itself.
 */
public final class ViewPatch {
  /** The keyed lists and the field that names their items. */
  private static final Map<String, String> KEYED = Map.of("teams", "id", "tasks", "id", "criteria", "id",
      "injects", "id", "series", "minute");
  /** The objects (besides the view and keyed items) merged field by field. */
  private static final Set<String> MERGED = Set.of("latency", "opinion");

  private ViewPatch() {
  }

  /** The patch that turns {@code before} into {@code after}; empty when nothing changed. */
  public static JsonObject between(JsonObject before, JsonObject after) {
    JsonObject patch = new JsonObject();
    for (Map.Entry<String, Object> field : after) {
      String key = field.getKey();
      Object now = field.getValue();
      Object was = before.getValue(key);
      if (before.containsKey(key) && Objects.equals(was, now)) {
        continue;
      }
      if (KEYED.containsKey(key) && was instanceof JsonArray wasList && now instanceof JsonArray nowList) {
        patch.put(key, between(wasList, nowList, KEYED.get(key)));
      } else if (MERGED.contains(key) && was instanceof JsonObject wasObject && now instanceof JsonObject nowObject) {
        patch.put(key, between(wasObject, nowObject));
      } else {
        patch.put(key, now);
      }
    }
    return patch;
  }

  private static JsonArray between(JsonArray before, JsonArray after, String idKey) {
    Map<Object, JsonObject> held = byId(before, idKey);
    JsonArray changed = new JsonArray();
    for (Object item : after) {
      JsonObject now = (JsonObject) item;
      JsonObject was = held.get(key(now.getValue(idKey)));
      if (was == null) {
        changed.add(now);
      } else if (!was.equals(now)) {
        changed.add(new JsonObject().put(idKey, now.getValue(idKey)).mergeIn(between(was, now)));
      }
    }
    return changed;
  }

  /** Applies {@code patch} to {@code view} in place. */
  public static JsonObject apply(JsonObject view, JsonObject patch) {
    for (Map.Entry<String, Object> field : patch) {
      String key = field.getKey();
      Object change = field.getValue();
      Object held = view.getValue(key);
      if (KEYED.containsKey(key) && held instanceof JsonArray list && change instanceof JsonArray items) {
        apply(list, items, KEYED.get(key));
      } else if (MERGED.contains(key) && held instanceof JsonObject object && change instanceof JsonObject fields) {
        apply(object, fields);
      } else {
        view.put(key, copy(change));
      }
    }
    return view;
  }

  private static void apply(JsonArray list, JsonArray items, String idKey) {
    Map<Object, JsonObject> held = byId(list, idKey);
    for (Object item : items) {
      JsonObject change = (JsonObject) item;
      JsonObject was = held.get(key(change.getValue(idKey)));
      if (was == null) {
        JsonObject added = change.copy();
        list.add(added);
        held.put(key(change.getValue(idKey)), added);
      } else {
        apply(was, change);
      }
    }
  }

  private static Map<Object, JsonObject> byId(JsonArray list, String idKey) {
    Map<Object, JsonObject> byId = new HashMap<>();
    for (Object item : list) {
      JsonObject object = (JsonObject) item;
      byId.put(key(object.getValue(idKey)), object);
    }
    return byId;
  }

  /** Ids are text, minutes numbers: a minute read from JSON text may be an Integer where the view holds a Long. */
  private static Object key(Object id) {
    return id instanceof Number number ? (Object) number.longValue() : id;
  }

  private static Object copy(Object value) {
    if (value instanceof JsonObject object) {
      return object.copy();
    }
    return value instanceof JsonArray array ? array.copy() : value;
  }
}
