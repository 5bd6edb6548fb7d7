package io.drillboard.view;

import io.drillboard.drill.Event;
import io.drillboard.store.EventJson;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Events as JSON text with each payload written exactly as stored. A payload is never parsed on its way out: parsing
 * would change what a client sent (1.50 to 1.5, 1e999 to "Infinity", key order of duplicates), and what is stored must
 * come back byte for byte.
 */
public final class EventsJson {
  private EventsJson() {
  }

  public static String event(Event event) {
    JsonObject envelope = new JsonObject().put("seq", event.seq()).put("id", event.clientId())
        .put("type", event.type()).put("simTime", event.simTime())
        .put("sim", io.drillboard.scenario.SimTime.format(event.simTime())).put("wallTime", event.wallTime());
    return withField(envelope.encode(), "payload", EventJson.text(event.body()));
  }

  public static String array(List<Event> events) {
    StringBuilder out = new StringBuilder(events.size() * 160 + 2).append('[');
    for (int i = 0; i < events.size(); i++) {
      out.append(i == 0 ? "" : ",").append(event(events.get(i)));
    }
    return out.append(']').toString();
  }

  /** {@code object} with one more field, {@code events}, holding the events. */
  public static String with(JsonObject object, List<Event> events) {
    return withField(object.encode(), "events", array(events));
  }

  /** {@code object} with one more field, {@code events}, holding events already written as JSON text. */
  public static String withWritten(JsonObject object, List<String> writtenEvents) {
    return withField(object.encode(), "events", "[" + String.join(",", writtenEvents) + "]");
  }

  /** Where the events of a frame written by {@link #with} begin: they are always its last field. */
  public static int eventsFieldAt(String frame) {
    // Outside strings only: inside one, every quote of this text would be escaped.
    return frame.indexOf(",\"events\":[");
  }

  /** Adds a field whose value is JSON text to an encoded object, before its closing brace. */
  private static String withField(String encodedObject, String name, String jsonValue) {
    String open = encodedObject.substring(0, encodedObject.length() - 1);
    return open + (open.length() > 1 ? "," : "") + '"' + name + "\":" + jsonValue + '}';
  }
}
