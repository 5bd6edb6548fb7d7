package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import io.drillboard.view.EventsJson;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadRunFramesTest {
  @Test
  void theEventsOfOneRunAreFoundInAFrameAsTheServerWritesIt() {
    // Payloads as the load tool sends them, in a frame as the server writes it.
    List<Event> events = List.of(event(7, "{\"intendedAt\":1764300000123,\"run\":\"abcd1234\",\"n\":0}"),
        event(8, "{\"intendedAt\":1764300000456,\"run\":\"other999\",\"n\":0}"),
        event(9, "{\"text\":\"{\\\"intendedAt\\\":5,\\\"run\\\":\\\"abcd1234\\\"}\"}"),
        event(10, "{\"intendedAt\":1764300000789,\"run\":\"abcd1234\",\"n\":1}"));
    byte[] frame = EventsJson.with(new JsonObject().put("type", "delta").put("kpis", new JsonObject()), events)
        .getBytes(StandardCharsets.UTF_8);
    assertThat(LoadRun.intendedTimes(frame, LoadRun.runMarker("abcd1234")))
        .containsExactly(1764300000123L, 1764300000789L);
  }

  private static Event event(long seq, String payload) {
    return new Event(seq, "id-" + seq, 36_000_000, 1764300000000L, new EventBody.External("load", payload));
  }
}
