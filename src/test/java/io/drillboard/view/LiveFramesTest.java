package io.drillboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveFramesTest {
  @Test
  void aFrameCutForAViewerThatJoinedMidRangeKeepsItsPayloadsAsStored() {
    List<String> payloads = List.of("{\"n\":1.50}", "{\"list\":[{\"seq\":1},{\"seq\":2}],\"big\":1e999}",
        "{ \"text\" : \"},{\\\"seq\\\":99\" }", "{\"s\":\"\\ud800\",\"n\":-0}");
    List<Event> events = List.of(event(7, payloads.get(0)), event(8, payloads.get(1)), event(9, payloads.get(2)),
        event(10, payloads.get(3)));
    JsonObject head = new JsonObject().put("type", "delta").put(LiveFrames.FROM_SEQ, 5).put(LiveFrames.TO_SEQ, 10)
        .put("omitted", 2).put("kpis", new JsonObject().put("title", "含 ,\"events\":[ 的标题"));
    String frame = EventsJson.with(head, events);

    JsonObject viewAtTen = new JsonObject().put("seq", 10).put("kpis", new JsonObject().put("done", 3))
        .put("labels", new JsonObject());

    String cut = LiveFrames.after(frame, 8, viewAtTen);

    JsonObject parsed = new JsonObject(cut);
    assertThat(parsed.getLong(LiveFrames.FROM_SEQ)).isEqualTo(9);
    assertThat(parsed.getLong(LiveFrames.TO_SEQ)).isEqualTo(10);
    assertThat(parsed.getInteger("omitted")).isZero();
    assertThat(parsed.getJsonObject("kpis")).as("the frame's patch is relative to seq 4: the whole view replaces it")
        .isEqualTo(new JsonObject().put("done", 3));
    assertThat(parsed.getLong("seq")).isEqualTo(10);
    assertThat(parsed.containsKey("labels")).as("a snapshot's alone").isFalse();
    assertThat(parsed.getJsonArray("events")).hasSize(2);
    assertThat(cut).contains("\"payload\":" + payloads.get(2) + "}", "\"payload\":" + payloads.get(3) + "}")
        .doesNotContain(payloads.get(0), payloads.get(1));
  }

  private static Event event(long seq, String payload) {
    return new Event(seq, "c" + seq, 36_000_000 + seq, 1_764_300_000_000L, new EventBody.External("note", payload));
  }
}
