package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ClientIdIndexTest {
  /** One step against both the index and a HashMap: a put when seq is above 0, else a lookup. */
  record Step(String id, long seq) {
  }

  /**
   * Any run of puts and lookups answers as a HashMap does. Ids come from a small pool, so most repeat; they hold
   * Chinese and four-byte characters, and some are longer than the small chunks the index is given here.
   */
  @Property(tries = 500)
  void itAnswersAsAHashMapDoes(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 8, max = 64) int chunk,
      @ForAll boolean everyHashEqual) {
    // With one hash for all, every id shares its tag and slot chain with every other: only the bytes tell them apart.
    ClientIdIndex index = new ClientIdIndex(chunk,
        everyHashEqual ? bytes -> 42L : bytes -> SipHash.hash24(1, 2, bytes));
    Map<String, Long> oracle = new HashMap<>();
    for (Step step : steps) {
      if (step.seq() > 0) {
        index.put(step.id(), step.seq());
        oracle.put(step.id(), step.seq());
      } else {
        assertThat(index.seqOf(step.id())).as(step.id()).isEqualTo(oracle.getOrDefault(step.id(), 0L));
      }
    }
    assertThat(index.size()).isEqualTo(oracle.size());
    oracle.forEach((id, seq) -> assertThat(index.seqOf(id)).as(id).isEqualTo(seq));
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<String> ids = Arbitraries.of("a", "b", "舆", "情", "😀").list().ofMaxSize(12)
        .map(parts -> String.join("", parts));
    Arbitrary<Step> step = ids.flatMap(id -> Arbitraries.longs().between(0, 5).map(seq -> new Step(id, seq)));
    return step.list().ofMaxSize(400);
  }

  /**
   * Ids made of "Aa" and "BB" all have one String.hashCode, the classic way to flood a HashMap that lacks tree bins.
   * The index does not use that hash; all 65,536 are told apart and keep their own seqs.
   */
  @Example
  void idsWithOneStringHashCodeAreToldApart() {
    ClientIdIndex index = new ClientIdIndex();
    int count = 1 << 16;
    for (int n = 0; n < count; n++) {
      index.put(colliding(n), n + 1);
    }
    assertThat(colliding(0).hashCode()).isEqualTo(colliding(count - 1).hashCode());
    assertThat(index.size()).isEqualTo(count);
    for (int n = 0; n < count; n++) {
      assertThat(index.seqOf(colliding(n))).isEqualTo(n + 1);
    }
    assertThat(index.seqOf("Ab".repeat(16))).isZero();
  }

  /** UTF-8 would store either half of a surrogate pair alone as "?", so two such ids would be one. */
  @Example
  void anIdWithHalfASurrogatePairIsRefused() {
    ClientIdIndex index = new ClientIdIndex();
    index.put("😀", 1);
    assertThatThrownBy(() -> index.put("\ud83d", 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.seqOf("a\ude00")).isInstanceOf(IllegalArgumentException.class);
    assertThat(index.seqOf("😀")).isEqualTo(1);
  }

  @Example
  void aSeqIsOneOrMore() {
    assertThatThrownBy(() -> new ClientIdIndex().put("id", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Sixteen pairs, each "Aa" or "BB" as n's bits say. */
  private static String colliding(int n) {
    StringBuilder id = new StringBuilder();
    for (int bit = 0; bit < 16; bit++) {
      id.append((n >> bit & 1) == 0 ? "Aa" : "BB");
    }
    return id.toString();
  }
}
