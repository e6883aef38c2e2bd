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

  private int[] lockedOrecs = new int[64];
  private long[] lockedWords = new long[64];
  private int lockedCount;
  private final OrecWords lockedIndex = new OrecWords();

  /** Position of the entry for a location, or -1. */
  int find(Object holder, int field, int index, int orec) {
    if ((filter & (1L << orec)) == 0) {
      return -1;
    }
    int mask = slotEntry.length - 1;
    for (int s = orec & mask; slotStamp[s] == stamp; s = (s + 1) & mask) {
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

  private void insertSlot(int e) {
    int mask = slotEntry.length - 1;
    int s = orecs[e] & mask;
    while (slotStamp[s] == stamp) {
      s = (s + 1) & mask;
    }
    slotStamp[s] = stamp;
    slotEntry[s] = e;
  }

  private void rehash(int capacity) {
    slotEntry = new int[capacity];
    slotStamp = new int[capacity];
    stamp = 1;
    for (int e = 0; e < size; e++) {
      insertSlot(e);
    }
  }

  @Override
  void clear() {
    super.clear();
    filter = 0;
    if (++stamp == Integer.MAX_VALUE) {
      rehash(slotEntry.length);
    }
    lockedCount = 0;
    lockedIndex.clear();
  }

  /**
   * Locks the orec of every entry. Gives up (and returns false, keeping what it locked listed
   * so that {@link #unlock} restores it) when another committer holds one for too long.
   */
  boolean lock(long lockWord) {
    for (int e = 0; e < size; e++) {
      int orec = orecs[e];
      long w = Orecs.getVolatile(orec);
      if (w == lockWord) {
        continue; // an earlier entry shares the stripe
      }
      for (int spins = 0; ; spins++) {
        if (!Orecs.isLocked(w) && Orecs.casLock(orec, w, lockWord)) {
          recordLocked(orec, w);
          break;
        }
        if (spins > Backoff.LOCK_SPINS) {
          return false;
        }
        Thread.onSpinWait();
        w = Orecs.getVolatile(orec);
      }
    }
    return true;
  }

  private void recordLocked(int orec, long old) {
    if (lockedCount == lockedOrecs.length) {
      lockedOrecs = java.util.Arrays.copyOf(lockedOrecs, lockedCount * 2);
      lockedWords = java.util.Arrays.copyOf(lockedWords, lockedCount * 2);
    }
    lockedOrecs[lockedCount] = orec;
    lockedWords[lockedCount] = old;
    lockedCount++;
    lockedIndex.put(orec, old);
  }

  /** The word an orec held before this transaction locked it. */
  long lockedWordOf(int orec) {
    return lockedIndex.get(orec);
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
    for (int i = 0; i < lockedCount; i++) {
      Orecs.setRelease(lockedOrecs[i], versionWord);
    }
  }

  /** Restores the words that a failed commit replaced. */
  void unlock() {
    for (int i = 0; i < lockedCount; i++) {
      Orecs.setRelease(lockedOrecs[i], lockedWords[i]);
    }
  }

  /** A small orec-to-word map, reused across transactions (stamped, never cleared). */
  static final class OrecWords {
    private int[] keys = new int[64];
    private long[] values = new long[64];
    private int[] stamps = new int[64];
    private int stamp = 1;
    private int count;

    void put(int key, long value) {
      if ((count + 1) * 2 > keys.length) {
        resize(keys.length * 2);
      }
      int mask = keys.length - 1;
      int s = key & mask;
      while (stamps[s] == stamp) {
        if (keys[s] == key) {
          values[s] = value;
          return;
        }
        s = (s + 1) & mask;
      }
      stamps[s] = stamp;
      keys[s] = key;
      values[s] = value;
      count++;
    }

    long get(int key) {
      int mask = keys.length - 1;
      for (int s = key & mask; stamps[s] == stamp; s = (s + 1) & mask) {
        if (keys[s] == key) {
          return values[s];
        }
      }
      return -1;
    }

    void clear() {
      count = 0;
      if (++stamp == Integer.MAX_VALUE) {
        stamps = new int[stamps.length];
        stamp = 1;
      }
    }

    private void resize(int capacity) {
      int[] oldKeys = keys;
      long[] oldValues = values;
      int[] oldStamps = stamps;
      int oldStamp = stamp;
      keys = new int[capacity];
      values = new long[capacity];
      stamps = new int[capacity];
      stamp = 1;
      count = 0;
      for (int s = 0; s < oldKeys.length; s++) {
        if (oldStamps[s] == oldStamp) {
          put(oldKeys[s], oldValues[s]);
        }
      }
    }
  }
}
