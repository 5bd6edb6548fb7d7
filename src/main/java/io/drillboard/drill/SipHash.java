package io.drillboard.drill;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012), the keyed hash that hash tables use against chosen collisions. Written
 * out because the client-id index hashes every injected event's id: Guava's SipHash, the tests' oracle, allocates a
 * hasher and a buffer per call and is not otherwise on the server's classpath.
 */
final class SipHash {
  private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long v0;
  private long v1;
  private long v2;
  private long v3;

  private SipHash(long key0, long key1) {
    v0 = 0x736f6d6570736575L ^ key0;
    v1 = 0x646f72616e646f6dL ^ key1;
    v2 = 0x6c7967656e657261L ^ key0;
    v3 = 0x7465646279746573L ^ key1;
  }

  /** The 64-bit SipHash-2-4 of the bytes under the key (key0, key1), each half read little-endian from the key. */
  static long hash24(long key0, long key1, byte[] bytes) {
    SipHash state = new SipHash(key0, key1);
    int whole = bytes.length & ~7;
    for (int i = 0; i < whole; i += Long.BYTES) {
      state.compress((long) WORD.get(bytes, i));
    }
    long last = (long) bytes.length << 56;
    for (int i = whole; i < bytes.length; i++) {
      last |= (bytes[i] & 0xffL) << (8 * (i - whole));
    }
    state.compress(last);
    state.v2 ^= 0xff;
    state.rounds(4);
    return state.v0 ^ state.v1 ^ state.v2 ^ state.v3;
  }

  private void compress(long word) {
    v3 ^= word;
    rounds(2);
    v0 ^= word;
  }

  private void rounds(int count) {
    for (int i = 0; i < count; i++) {
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13);
      v1 ^= v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16);
      v3 ^= v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21);
      v3 ^= v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17);
      v1 ^= v2;
      v2 = Long.rotateLeft(v2, 32);
    }
  }
}
