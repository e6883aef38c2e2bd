package dev.ame.runtime;

/**
 * The redo log: the values a transaction will write at commit, at most one entry per location,
 * with an index (open addressing keyed by orec index, invalidated by a stamp instead of cleared)
 * and a one-word filter so that a read of a location never written costs one test.
 *
 * <p>At commit it also records, for each orec it locks, the word it replaced, so that validation
 * can look through the transaction's own locks and a failed commit can restore them.
 */
final class WriteSet extends AccessLog {
  private int[] slotEntry = new int[128];
  private int[] slotStamp = new int[128];
  private int stamp = 1;
  private long filter;

  /** Per entry, the orec word it replaced when it locked the orec; -1 when another entry did. */
  private long[] replaced = new long[64];
  /** Entries [0, lockedUpTo) went through locking (for unlock after a failure). */
  private int lockedUpTo;

  /** Position of the entry for a location, or -1. */
  int find(Object holder, int field, int index, int orec) {
    if ((filter & (1L << orec)) == 0) {
      return -1;
    }
    int mask = slotEntry.length - 1;
    for (int s = slotOf(orec, mask); slotStamp[s] == stamp; s = (s + 1) & mask) {
      int e = slotEntry[s];
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
    e = append(holder, field, index, orec, bitsValue, ref);
    filter |= 1L << orec;
    if (size * 2 > slotEntry.length) {
      rehash(slotEntry.length * 2);
    } else {
      insertSlot(e);
    }
  }

  /** Adds {@code delta} to the pending delta of a counter (deltas of one block accumulate). */
  void addDelta(Object counter, int cell, int orec, long delta) {
    int e = find(counter, Location.COUNTER, cell, orec);
    if (e >= 0) {
      bits[e] += delta;
    } else {
      put(counter, Location.COUNTER, cell, orec, delta, null);
    }
  }

  /** The pending delta of a counter in this transaction, 0 if none. */
  long deltaOf(Object counter, int cell, int orec) {
    int e = size == 0 ? -1 : find(counter, Location.COUNTER, cell, orec);
    return e >= 0 ? bits[e] : 0;
  }

  /**
   * The first slot probed for an orec: the orec scrambled, because neighbouring locations have
   * neighbouring orecs, and linear probing from the orec itself would pile a block that writes a
   * long run of elements into one cluster that every lookup of an absent entry walks.
   */
  private static int slotOf(int orec, int mask) {
    int h = orec * 0x9E3779B1;
    return (h ^ (h >>> 16)) & mask;
  }

  private void insertSlot(int e) {
    int mask = slotEntry.length - 1;
    int s = slotOf(orecs[e], mask);
    while (slotStamp[s] == stamp) {
      s = (s + 1) & mask;
    }
    slotStamp[s] = stamp;
    slotEntry[s] = e;
  }

  private void rehash(int capacity) {
    int[] entries = new int[capacity]; // both allocated before either is replaced (OutOfMemoryError)
    int[] stamps = new int[capacity];
    slotEntry = entries;
    slotStamp = stamps;
    stamp = 1;
    for (int e = 0; e < size; e++) {
      insertSlot(e);
    }
  }

  @Override
  void clear() {
    if (size == 0) {
      return; // nothing was put: the filter and the index are still empty
    }
    super.clear();
    filter = 0;
    if (++stamp == Integer.MAX_VALUE) {
      rehash(slotEntry.length);
    }
    lockedUpTo = 0;
  }

  @Override
  void resize(int capacity) {
    long[] r = new long[capacity];
    int[] entries = new int[128];
    int[] stamps = new int[128];
    super.resize(capacity);
    replaced = r;
    slotEntry = entries;
    slotStamp = stamps;
    stamp = 1;
  }

  int lockedUpTo() {
    return lockedUpTo;
  }

  @Override
  void grow(int capacity) {
    super.grow(capacity);
    replaced = java.util.Arrays.copyOf(replaced, capacity);
  }

  /**
   * Locks the orec of every entry. Gives up (and returns false; {@link #unlock} then restores
   * what it locked) when another committer holds one for too long.
   */
  boolean lock(long lockWord) {
    for (int e = 0; e < size; e++) {
      lockedUpTo = e + 1;
      replaced[e] = -1;
      int orec = orecs[e];
      long w = Orecs.getVolatile(orec);
      if (w == lockWord) {
        continue; // an earlier entry shares the stripe
      }
      for (int round = 0; ; round++) {
        if (!Orecs.isLocked(w) && Orecs.casLock(orec, w, lockWord)) {
          replaced[e] = w;
          break;
        }
        if (round > Backoff.LOCK_WAIT_ROUNDS) {
          return false; // maybe two committers waiting for each other: one gives up
        }
        Backoff.pause(round);
        w = Orecs.getVolatile(orec);
      }
    }
    return true;
  }

  /**
   * The word an orec held before this transaction locked it: found through the index, whose
   * probe sequence for an orec holds every entry of that stripe.
   */
  long lockedWordOf(int orec) {
    int mask = slotEntry.length - 1;
    for (int s = slotOf(orec, mask); slotStamp[s] == stamp; s = (s + 1) & mask) {
      int e = slotEntry[s];
      if (orecs[e] == orec && e < lockedUpTo && replaced[e] >= 0) {
        return replaced[e];
      }
    }
    return -1;
  }

  /** Stores every logged value into memory; called with all orecs locked. */
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

  /** Releases every lock this transaction holds with the commit's version. */
  void release(long versionWord) {
    for (int e = 0; e < lockedUpTo; e++) {
      if (replaced[e] >= 0) {
        Orecs.setRelease(orecs[e], versionWord);
      }
    }
  }

  /** Restores the words that a failed commit replaced. */
  void unlock() {
    for (int e = 0; e < lockedUpTo; e++) {
      if (replaced[e] >= 0) {
        Orecs.setRelease(orecs[e], replaced[e]);
      }
    }
  }
}
