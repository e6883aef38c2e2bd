package dev.ame.runtime;

import java.util.Arrays;

/**
 * The write set of a speculative attempt: the values it will write at commit, one entry per
 * location, in the columns of {@link AccessLog}.
 *
 * <p>The index is a table of {@code slots} heads (a power of two, at least twice the entries),
 * chained through {@link #next}, keyed by the orec's low bits. A slot is live only while its stamp
 * equals the log's, so clearing is one increment. The same table is the read barrier's filter:
 * {@link #mayHold} is one load and compare, and unlike a one-word Bloom filter it does not saturate
 * once a block has written more than a few dozen locations.

 */
final class RedoLog extends AccessLog {
  private static final int INITIAL_SLOTS = 1024;

  private int[] slotHead = new int[INITIAL_SLOTS];
  private int[] slotStamp = new int[INITIAL_SLOTS];
  private int slotMask = INITIAL_SLOTS - 1;
  private int stamp = 1;
  /** Per entry, the previous entry of its slot, or -1. */
  private int[] next = new int[64];

  /** Whether a location of this orec may have been written (false: certainly not). Inlined into reads. */
  boolean mayHold(int orec) {
    return size != 0 && slotStamp[orec & slotMask] == stamp;
  }

  /** Position of the entry for a location, or -1. */
  int find(Object holder, int field, int index, int orec) {
    int s = orec & slotMask;
    if (slotStamp[s] != stamp) {
      return -1;
    }
    for (int e = slotHead[s]; e >= 0; e = next[e]) {
      if (holders[e] == holder && fields[e] == field && indexes[e] == index) {
        return e;
      }
    }
    return -1;
  }

  void put(Object holder, int field, int index, int orec, long bitsValue, Object ref) {
    int e = find(holder, field, index, orec);
    if (e >= 0) {
      bits[e] = bitsValue;
      refs[e] = ref;
      return;
    }
    if (size * 2 >= slotMask + 1) {
      reindex((slotMask + 1) * 2);
    }
    e = append(holder, field, index, orec, bitsValue, ref);
    link(e);
  }

  private void link(int e) {
    int s = orecs[e] & slotMask;
    next[e] = slotStamp[s] == stamp ? slotHead[s] : -1;
    slotHead[s] = e;
    slotStamp[s] = stamp;
  }

  /** A bigger index (both arrays allocated before either replaces the old one: out of memory leaves it whole). */
  private void reindex(int slots) {
    int[] heads = new int[slots];
    int[] stamps = new int[slots];
    slotHead = heads;
    slotStamp = stamps;
    slotMask = slots - 1;
    stamp = 1;
    for (int e = 0; e < size; e++) {
      link(e);
    }
  }

  /** Adds {@code delta} to the pending delta of a counter cell (deltas of one block accumulate). */
  void addDelta(Object cells, int cell, int orec, long delta) {
    int e = find(cells, Location.COUNTER, cell, orec);
    if (e >= 0) {
      bits[e] += delta;
    } else {
      put(cells, Location.COUNTER, cell, orec, delta, null);
    }
  }

  /** The pending delta of a counter cell in this attempt, 0 if none. */
  long deltaOf(Object cells, int cell, int orec) {
    int e = size == 0 ? -1 : find(cells, Location.COUNTER, cell, orec);
    return e >= 0 ? bits[e] : 0;
  }

  @Override
  void clear() {
    if (size == 0) {
      return; // nothing was put: the index is still empty
    }
    super.clear();
    if (slotMask + 1 > RETAINED_CAPACITY) {
      try {
        reindex(INITIAL_SLOTS);
        return;
      } catch (OutOfMemoryError heapFull) {
        // keep the big index: invalidated below
      }
    }
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(slotStamp, 0);
      stamp = 1;
    }
  }

  @Override
  void grow(int capacity) {
    int[] n = Arrays.copyOf(next, capacity);
    super.grow(capacity);
    next = n;
  }

  @Override
  void resize(int capacity) {
    int[] n = new int[capacity];
    super.resize(capacity);
    next = n;
  }

  /** Stores every logged value into memory; called with the commit lock held, or alone. */
  void writeBack() {
    for (int e = 0; e < size; e++) {
      Object h = holders[e];
      if (refs[e] != null || Location.isReference(h, fields[e])) {
        Location.setRef(h, fields[e], indexes[e], refs[e]);
      } else {
        Location.setBits(h, fields[e], indexes[e], bits[e]);
      }
    }
  }

  /**
   * Gives every written location's orec {@code versionWord}: after a log written back in place, or
   * before a speculative commit writes back (its caller fences between the two, see {@link Orecs}).
   */
  void stamp(long versionWord) {
    for (int e = 0; e < size; e++) {
      Orecs.setRelease(orecs[e], versionWord);
    }
  }
}
