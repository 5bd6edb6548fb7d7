package io.drillboard.drill;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The seq each client event id of one drill was stored under: what makes a repeated id an exact duplicate.
 *
 * <p>A drill under load holds millions of ids. As a {@code HashMap<String, Long>} each cost about 115 bytes in four
 * objects that every young collection copied; here an id is its UTF-8 bytes in large chunks and one slot of three
 * longs in an open-addressed table, which the collector never copies piece by piece.
 *
 * <p>Ids come from clients, who could choose ids that collide. The table is indexed by SipHash-2-4 under a key drawn
 * afresh for every index, so collisions cannot be aimed; and ids are compared byte for byte, so a collision only
 * costs a probe, never a false duplicate.
 */
final class ClientIdIndex {
  static final int CHUNK_BYTES = 1 << 20;
  private static final SecureRandom KEYS = new SecureRandom();
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** A slot's longs: the id's hash, where its bytes lie (chunk << 32 | offset), and its seq (0 in a free slot). */
  private static final int HASH = 0;
  private static final int PLACE = 1;
  private static final int SEQ = 2;
  private static final int SLOT_LONGS = 3;

  private final long key0 = KEYS.nextLong();
  private final long key1 = KEYS.nextLong();
  private final int chunkBytes;
  private long[] slots = new long[16 * SLOT_LONGS];
  private int size;
  /** Each id's length (4 bytes) then its bytes; an id never spans two chunks. */
  private final List<byte[]> chunks = new ArrayList<>();
  /** The last chunk, being filled, and how much of it is. */
  private byte[] chunk;
  private int chunkUsed;

  ClientIdIndex() {
    this(CHUNK_BYTES);
  }

  /** With chunks of the given size: tests make them small, to cross many chunk boundaries. */
  ClientIdIndex(int chunkBytes) {
    this.chunkBytes = chunkBytes;
  }

  /** The seq stored under this id, or 0 when none is. */
  long seqOf(String id) {
    byte[] bytes = utf8(id);
    int at = find(SipHash.hash24(key0, key1, bytes), bytes);
    return at < 0 ? 0 : slots[at + SEQ];
  }

  /** Stores the seq under this id, replacing any stored before. */
  void put(String id, long seq) {
    if (seq <= 0) {
      throw new IllegalArgumentException("a seq is 1 or more: " + seq);
    }
    byte[] bytes = utf8(id);
    long hash = SipHash.hash24(key0, key1, bytes);
    int at = find(hash, bytes);
    if (at >= 0) {
      slots[at + SEQ] = seq;
      return;
    }
    // At most half full, so that a probe for an id not stored, the common case, ends within a few slots.
    if (2 * (size + 1) > capacity()) {
      grow();
    }
    at = free(slots, hash);
    slots[at + HASH] = hash;
    slots[at + PLACE] = keep(bytes);
    slots[at + SEQ] = seq;
    size++;
  }

  /** The id's UTF-8, which is one to one only for Unicode text: an id with half a surrogate pair is refused. */
  private static byte[] utf8(String id) {
    if (!Command.Incoming.isText(id)) {
      throw new IllegalArgumentException("a client id holds half of a surrogate pair");
    }
    return id.getBytes(StandardCharsets.UTF_8);
  }

  int size() {
    return size;
  }

  private int capacity() {
    return slots.length / SLOT_LONGS;
  }

  /** The slot holding this id, or -1; linear probing from the slot its hash names. */
  private int find(long hash, byte[] bytes) {
    int mask = capacity() - 1;
    for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
      int at = slot * SLOT_LONGS;
      if (slots[at + SEQ] == 0) {
        return -1;
      }
      if (slots[at + HASH] == hash && sameBytes(slots[at + PLACE], bytes)) {
        return at;
      }
    }
  }

  private static int free(long[] table, long hash) {
    int mask = table.length / SLOT_LONGS - 1;
    int slot = (int) hash & mask;
    while (table[slot * SLOT_LONGS + SEQ] != 0) {
      slot = (slot + 1) & mask;
    }
    return slot * SLOT_LONGS;
  }

  /** Doubles the table, moving every slot by the hash it keeps: no id is read or hashed again. */
  private void grow() {
    long[] larger = new long[slots.length * 2];
    for (int at = 0; at < slots.length; at += SLOT_LONGS) {
      if (slots[at + SEQ] != 0) {
        int to = free(larger, slots[at + HASH]);
        System.arraycopy(slots, at, larger, to, SLOT_LONGS);
      }
    }
    slots = larger;
  }

  private boolean sameBytes(long place, byte[] bytes) {
    byte[] stored = chunks.get((int) (place >>> 32));
    int offset = (int) place;
    int length = (int) INT.get(stored, offset);
    return length == bytes.length
        && Arrays.equals(stored, offset + Integer.BYTES, offset + Integer.BYTES + length, bytes, 0, length);
  }

  /** Copies the id's bytes into the chunks and answers where they lie. */
  private long keep(byte[] bytes) {
    int needed = Integer.BYTES + bytes.length;
    if (chunk == null || chunkUsed + needed > chunk.length) {
      chunk = new byte[Math.max(chunkBytes, needed)];
      chunks.add(chunk);
      chunkUsed = 0;
    }
    INT.set(chunk, chunkUsed, bytes.length);
    System.arraycopy(bytes, 0, chunk, chunkUsed + Integer.BYTES, bytes.length);
    long place = (long) (chunks.size() - 1) << 32 | chunkUsed;
    chunkUsed += needed;
    return place;
  }
}
