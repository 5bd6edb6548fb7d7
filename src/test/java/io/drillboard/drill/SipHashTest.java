package io.drillboard.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SipHashTest {
  /** The key 00 01 .. 0f of the paper's test vectors, each half read little-endian. */
  private static final long KEY0 = 0x0706050403020100L;
  private static final long KEY1 = 0x0f0e0d0c0b0a0908L;

  /** The paper's worked example (appendix A): the 15 bytes 00 .. 0e; and the first of its test vectors, no bytes. */
  @Test
  void theReferenceVectorsHash() {
    byte[] fifteen = new byte[15];
    for (int i = 0; i < fifteen.length; i++) {
      fifteen[i] = (byte) i;
    }
    assertThat(SipHash.hash24(KEY0, KEY1, fifteen)).isEqualTo(0xa129ca6149be45e5L);
    assertThat(SipHash.hash24(KEY0, KEY1, new byte[0])).isEqualTo(0x726fdb47dd0e0e31L);
  }

  @Property(tries = 3_000)
  void itAgreesWithGuavasSipHash(@ForAll long key0, @ForAll long key1, @ForAll @Size(max = 70) byte[] bytes) {
    assertThat(SipHash.hash24(key0, key1, bytes))
        .isEqualTo(Hashing.sipHash24(key0, key1).hashBytes(bytes).asLong());
  }
}
