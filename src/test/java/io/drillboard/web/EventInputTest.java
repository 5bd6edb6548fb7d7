package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drillboard.drill.Command.Incoming;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ByteRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class EventInputTest {
  /** The rule as the documentation states it, here as the oracle for the hand-written check. */
  private static final Pattern DOCUMENTED_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,63}");

  @Test
  void aPayloadIsKeptAsTheTextItArrivedAs() {
    String payload = "{ \"text\" : \"网点排队 <b>\\u0041\", \"n\": [1, 2.50, {\"deep\": true}], \"big\": 1e400 }";
    Incoming event = EventInput.one(Buffer.buffer("{\"id\":\"obs-1\",\"type\":\"observation\",\"payload\":"
        + payload + "}"));
    assertThat(event).isEqualTo(new Incoming("obs-1", "observation", payload));
    assertThat(EventInput.one(Buffer.buffer("{\"type\":\"message\"}")).payload()).isEqualTo("{}");
  }

  @Test
  void aBatchIsAnArrayOrNdjson() {
    List<Incoming> array = EventInput.batch(Buffer.buffer("[{\"type\":\"a\",\"payload\":{\"k\":[]}},{\"type\":\"b\"}]"),
        "application/json");
    assertThat(array).extracting(Incoming::type).containsExactly("a", "b");
    assertThat(array.get(0).payload()).isEqualTo("{\"k\":[]}");
    List<Incoming> ndjson = EventInput.batch(Buffer.buffer("{\"type\":\"a\"}\n\n{\"type\":\"b\",\"id\":\"x\"}\n"),
        "application/x-ndjson");
    assertThat(ndjson).extracting(Incoming::clientId).containsExactly(null, "x");
  }

  @Test
  void everyProblemIsListedByPath() {
    assertThatThrownBy(() -> EventInput.batch(Buffer.buffer(
        "[{\"type\":\"message\"},{\"type\":42,\"payload\":\"text\",\"extra\":{}},7,{\"type\":\"drill.ended\",\"id\":\"\"}]"),
        null))
        .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors()).containsExactly(
            "[1].payload: must be a JSON object",
            "[1].extra: unknown field (an event has id, type and payload)",
            "[1].type: required, a name such as \"message\" or \"observation\" (letters, digits, . _ : -)",
            "[2]: must be an event object",
            "[3].id: must be a text of 1 to 128 characters",
            "[3].type: \"drill.ended\" is written by the engine only; use the drill and task endpoints"));
  }

  @Test
  void malformedJsonIsRefusedWithItsPlace() {
    assertThatThrownBy(() -> EventInput.batch(Buffer.buffer("{\"type\":\"a\"}\n{\"type\":\"b\",\"payload\":{\"x\":}}\n"),
        "application/x-ndjson"))
        .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.getMessage())
            .startsWith("the body is not valid JSON").contains("line 2"));
    assertThatThrownBy(() -> EventInput.one(Buffer.buffer("{\"type\":\"a\"} {\"type\":\"b\"}")))
        .hasMessageContaining("nothing after it");
    assertThatThrownBy(() -> EventInput.batch(Buffer.buffer("[{\"type\":\"a\"}] []"), null))
        .hasMessageContaining("nothing after it");
    assertThatThrownBy(() -> EventInput.one(Buffer.buffer("{\"type\":\"a\",\"payload\":{\"t\":\"\u0001\"}}")))
        .hasMessageStartingWith("the body is not valid JSON");
  }

  /** A payload nests at most 100 levels, so that what the pages read, which wraps it further, stays readable. */
  @Test
  void aPayloadNestsAtMostAHundredLevels() {
    String deepest = "{\"a\":[".repeat(49) + "{\"b\":{}}" + "]}".repeat(49);
    assertThat(EventInput.one(Buffer.buffer("{\"type\":\"m\",\"payload\":" + deepest + "}")).payload())
        .isEqualTo(deepest);
    String tooDeep = "{\"a\":[".repeat(49) + "{\"b\":{\"c\":[]}}" + "]}".repeat(49);
    assertThatThrownBy(() -> EventInput.batch(Buffer.buffer("[{\"type\":\"m\",\"payload\":" + tooDeep + "}]"), null))
        .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
            .containsExactly("[0].payload: nested more than 100 levels deep"));
  }

  /** Payloads are cut from the bytes: text of several bytes a character before them must not shift the cut. */
  @Test
  void aPayloadAfterChineseTextIsCutWhole() {
    List<Incoming> events = EventInput.batch(Buffer.buffer(
        "[{\"id\":\"舆情-1\",\"type\":\"m\",\"payload\":{\"t\":\"网点😀\"}},"
            + "{\"type\":\"m\",\"payload\":{\"n\":[1,{\"k\":\"客户\"}]}}]"), null);
    assertThat(events).extracting(Incoming::payload)
        .containsExactly("{\"t\":\"网点😀\"}", "{\"n\":[1,{\"k\":\"客户\"}]}");
    assertThat(events.get(0).clientId()).isEqualTo("舆情-1");
  }

  /**
   * A UTF-16 body of ASCII characters has no byte above 0x7f, so only its zero bytes tell it from UTF-8. It is refused
   * as JSON that is not valid, never read as UTF-16.
   */
  @Test
  void aUtf16BodyIsRefused() {
    String event = "{\"type\":\"m\",\"payload\":{\"n\":1}}";
    for (java.nio.charset.Charset charset : List.of(java.nio.charset.StandardCharsets.UTF_16LE,
        java.nio.charset.StandardCharsets.UTF_16BE)) {
      Buffer body = Buffer.buffer(event.getBytes(charset));
      assertThatThrownBy(() -> EventInput.one(body)).as(charset.name())
          .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(400));
      assertThatThrownBy(() -> EventInput.batch(body, null)).as(charset.name())
          .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }
  }

  /** JSON can escape half of a surrogate pair; as an id it would be stored as "?", the same as every other such id. */
  @Test
  void anIdHoldingHalfASurrogatePairIsRefused() {
    assertThatThrownBy(() -> EventInput.batch(Buffer.buffer(
        "{\"type\":\"m\",\"id\":\"a\\ud800\"}\n{\"type\":\"m\",\"id\":\"\\ud83d\\ude00\"}\n"), "application/x-ndjson"))
        .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
            .containsExactly("[0].id: must be Unicode text; it holds half of a surrogate pair"));
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] latin1 = "{\"type\":\"m\",\"payload\":{\"t\":\"caf\u00e9\"}}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> EventInput.one(Buffer.buffer(latin1))).hasMessage("the body is not valid UTF-8");
  }

  /**
   * Sequences that a lenient reader would take: an overlong '/', an encoded surrogate, a code point past U+10FFFF, a
   * lone continuation byte. Each is refused wherever it stands, in or after a run of ASCII the check skips by words.
   */
  @Test
  void sequencesThatUtf8ForbidsAreRefusedWhereverTheyStand() {
    List<byte[]> forbidden = List.of(new byte[] {(byte) 0xc0, (byte) 0xaf},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80,
            (byte) 0x80}, new byte[] {(byte) 0x80});
    for (byte[] sequence : forbidden) {
      for (int padding = 0; padding < 9; padding++) {
        String head = "{\"type\":\"m\",\"payload\":{\"t\":\"" + "a".repeat(padding);
        Buffer body = Buffer.buffer(head).appendBytes(sequence).appendString("\"}}");
        assertThatThrownBy(() -> EventInput.one(body)).as(head).hasMessage("the body is not valid UTF-8");
      }
    }
  }

  @Property(tries = 2_000)
  void theAsciiCheckAgreesWithLookingAtEveryByte(@ForAll @Size(max = 40) List<@ByteRange(min = 0) Byte> ascii,
      @ForAll @IntRange(min = 0, max = 40) int at, @ForAll @ByteRange(min = -128, max = -1) byte high,
      @ForAll boolean withHigh) {
    byte[] bytes = new byte[ascii.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = ascii.get(i);
    }
    if (withHigh && bytes.length > 0) {
      bytes[at % bytes.length] = high;
    }
    boolean everyByteAscii = true;
    for (byte b : bytes) {
      everyByteAscii &= b >= 0;
    }
    assertThat(EventInput.ascii(bytes)).isEqualTo(everyByteAscii);
  }

  @Test
  void aBatchHoldsAtMostTenThousandEvents() {
    String event = "{\"type\":\"m\"}\n";
    assertThat(EventInput.batch(Buffer.buffer(event.repeat(10_000)), "application/x-ndjson")).hasSize(10_000);
    assertThatThrownBy(() -> EventInput.batch(Buffer.buffer(event.repeat(10_001)), "application/x-ndjson"))
        .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(413));
    assertThatThrownBy(() -> EventInput.batch(Buffer.buffer("[]"), null)).hasMessage("the batch holds no events");
  }

  @Test
  void aTypeIsALetterThenUpTo63LettersDigitsOrPunctuation() {
    assertThat(List.of("a", "Z", "observation", "msg.v2:x_y-z", "a" + "9".repeat(63)))
        .allMatch(EventInput::isTypeName);
    assertThat(List.of("", "1a", "_a", "a b", "a/b", "é", "a\u00e9", "观察", "a" + "9".repeat(64), "a\n"))
        .noneMatch(EventInput::isTypeName);
  }

  @Property(tries = 2_000)
  void theTypeCheckAgreesWithTheDocumentedPattern(@ForAll @StringLength(max = 70) @CharRange(from = 'A', to = 'z')
      @CharRange(from = '0', to = ':') @Chars({'-', '.', ' ', '/', '\u00e9', '\u0660'}) String type) {
    assertThat(EventInput.isTypeName(type)).as(type).isEqualTo(DOCUMENTED_TYPE.matcher(type).matches());
  }
}
