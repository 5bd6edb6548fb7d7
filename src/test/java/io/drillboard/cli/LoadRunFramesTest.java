package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadRunFramesTest {
  @Test
  void theEventsOfOneRunAreFoundInAFrameAsTheServerWritesIt() {
    // Payloads as the load tool sends them, through the server's own event encoding.
    JsonArray events = new JsonArray()
        .add(event(7, "{\"intendedAt\":1764300000123,\"run\":\"abcd1234\",\"n\":0}"))
        .add(event(8, "{\"intendedAt\":1764300000456,\"run\":\"other999\",\"n\":0}"))
        .add(event(9, "{\"text\":\"{\\\"intendedAt\\\":5,\\\"run\\\":\\\"abcd1234\\\"}\"}"))
        .add(event(10, "{\"intendedAt\":1764300000789,\"run\":\"abcd1234\",\"n\":1}"));
    byte[] frame = new JsonObject().put("type", "delta").put("events", events).put("kpis", new JsonObject())
        .encode().getBytes(StandardCharsets.UTF_8);
    assertThat(LoadRun.intendedTimes(frame, LoadRun.runMarker("abcd1234")))
        .containsExactly(1764300000123L, 1764300000789L);
  }

  private static JsonObject event(long seq, String payload) {
    return new Event(seq, "id-" + seq, 36_000_000, 1764300000000L, new EventBody.External("load", payload)).toJson();
  }
}
