package io.drillboard.report;

import io.drillboard.drill.Event;
import io.drillboard.store.EventJson;
import java.util.List;

/** A drill's events as CSV (RFC 4180): a header row, then one row per event in seq order. */
public final class EventsCsv {
  public static final String HEADER = "seq,id,type,simTime,sim,wallTime,payload";

  private EventsCsv() {
  }

  public static String of(List<Event> events) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (Event event : events) {
      csv.append(event.seq()).append(',').append(quote(event.clientId())).append(',').append(quote(event.type()))
          .append(',').append(event.simTime()).append(',').append(quote(io.drillboard.scenario.SimTime.format(
              event.simTime()))).append(',').append(event.wallTime()).append(',')
          .append(quote(EventJson.text(event.body()))).append("\r\n");
    }
    return csv.toString();
  }

  private static String quote(String value) {
    if (value == null) {
      return "";
    }
    // A leading =, +, - or @ would be read as a formula by spreadsheets: neutralise it.
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
