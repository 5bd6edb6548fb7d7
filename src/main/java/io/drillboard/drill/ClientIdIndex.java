package io.drillboard.drill;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The seq each client event id of one drill was stored under: what makes a repeated id an exact duplicate.
 *
 * <p>A drill under load holds millions of ids. As a {@code HashMap<String, Long>} each cost about 115 bytes in four
 * objects that every young collection copied. Here an id is its UTF-8 bytes in large chunks, two longs in a block of
 * entries, and a slot of one long in an open-addressed table: arrays that the collector never copies piece by piece.
 *
 * <p>Ids come from clients, who could choose ids that collide. The table is indexed by SipHash-2-4 under a key drawn
 * afresh for every index, so collisions cannot be aimed; and ids are compared byte for byte, so a collision only
 * costs a probe, never a false duplicate.
 */
final class ClientIdIndex {
  /**
   * The largest chunk: with its array header, one G1 region of 1 MiB (the region size of heaps up to 2 GB), where a
   * whole MiB would take two. A drill's first chunk is small, and each next one twice the last, up to this.
   */
  static final int CHUNK_BYTES = (1 << 20) - 16;
  private static final int FIRST_CHUNK_BYTES = 4096;
  private static final SecureRandom KEYS = new SecureRandom();
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** Entries per block (64 KiB): each entry is two longs, its seq then where its bytes lie (chunk << 32 | offset). */
  private static final int BLOCK_ENTRIES = 1 << 12;

  private final ToLongFunction<byte[]> hash;
  private final int chunkBytes;
  /**
   * One long per slot, 0 when free: the top half of the id's hash, which also names its first slot, then its entry's
   * number plus one. A slot this small keeps the table, the one structure read at random, as compact as a HashMap's.
   */
  private long[] table = new long[16];
  /** Entries in the order their ids came, so that writing them is sequential. */
  private final List<long[]> blocks = new ArrayList<>();
  private int size;
  /** Each id's length (4 bytes) then its bytes; an id never spans two chunks. */
  private final List<byte[]> chunks = new ArrayList<>();
  /** The last chunk, being filled, and how much of it is. */
  private byte[] chunk;
  private int chunkUsed;

  ClientIdIndex() {
    this(CHUNK_BYTES, sipHash(KEYS.nextLong(), KEYS.nextLong()));
  }

  /**
   * With chunks of at most the given size and the given hash: tests make chunks small, to cross many chunk
   * boundaries, and the hash constant, so that every id collides.
   */
  ClientIdIndex(int chunkBytes, ToLongFunction<byte[]> hash) {
    this.chunkBytes = chunkBytes;
    this.hash = hash;
  }

  private static ToLongFunction<byte[]> sipHash(long key0, long key1) {
    return bytes -> SipHash.hash24(key0, key1, bytes);
  }

  /** The seq stored under this id, or 0 when none is. */
  long seqOf(String id) {
    byte[] bytes = utf8(id);
    int entry = find(tag(bytes), bytes);
    return entry < 0 ? 0 : block(entry)[offset(entry)];
  }

  /** Stores the seq under this id, replacing any stored before. */
  void put(String id, long seq) {
    if (seq <= 0) {
      throw new IllegalArgumentException("a seq is 1 or more: " + seq);
    }
    byte[] bytes = utf8(id);
    int tag = tag(bytes);
    int entry = find(tag, bytes);
    if (entry >= 0) {
      block(entry)[offset(entry)] = seq;
      return;
    }
    // At most half full, so that a probe for an id not stored, the common case, ends within a few slots.
    if (2 * (size + 1) > table.length) {
      grow();
    }
    // Everything is allocated before the size counts the entry, so running out of memory leaves the index whole.
    entry = size;
    if (offset(entry) == 0) {
      blocks.add(new long[2 * BLOCK_ENTRIES]);
    }
    long place = keep(bytes);
    long[] block = block(entry);
    block[offset(entry)] = seq;
    block[offset(entry) + 1] = place;
    table[free(table, tag)] = (long) tag << 32 | (entry + 1L);
    size++;
  }

  int size() {
    return size;
  }

  /** The top half of the id's hash: SipHash under this index's own key. */
  private int tag(byte[] bytes) {
    return (int) (hash.applyAsLong(bytes) >>> 32);
  }

  private long[] block(int entry) {
    return blocks.get(entry / BLOCK_ENTRIES);
  }

  private static int offset(int entry) {
    return 2 * (entry % BLOCK_ENTRIES);
  }

  /** The entry holding this id, or -1; linear probing from the slot its tag names. */
  private int find(int tag, byte[] bytes) {
    int mask = table.length - 1;
    for (int slot = tag & mask; table[slot] != 0; slot = (slot + 1) & mask) {
      long held = table[slot];
      int entry = (int) held - 1;
      if ((int) (held >>> 32) == tag && sameBytes(block(entry)[offset(entry) + 1], bytes)) {
        return entry;
      }
    }
    return -1;
  }

  private static int free(long[] slots, int tag) {
    int mask = slots.length - 1;
    int slot = tag & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /**
   * Doubles the table, moving every slot by the tag it keeps: no id is read or hashed again, and a slot lands where it
   * was or one old table length further, so the writes run in order.
   */
  private void grow() {
    long[] larger = new long[table.length * 2];
    for (long held : table) {
      if (held != 0) {
        larger[free(larger, (int) (held >>> 32))] = held;
      }
    }
    table = larger;
  }

  /** The id's UTF-8, which is one to one only for Unicode text: an id with half a surrogate pair is refused. */
  private static byte[] utf8(String id) {
    if (!Command.Incoming.isText(id)) {
      throw new IllegalArgumentException("a client id holds half of a surrogate pair");
    }
    return id.getBytes(StandardCharsets.UTF_8);
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
      int next = chunk == null ? Math.min(FIRST_CHUNK_BYTES, chunkBytes) : Math.min(2 * chunk.length, chunkBytes);
      chunk = new byte[Math.max(next, needed)];
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
