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
 *
 * <p>At commit it also records, for each orec it locks, the word it replaced, so that validation
 * can look through the attempt's own locks and a failed commit can restore them.
 */
final class RedoLog extends AccessLog {
  private static final int INITIAL_SLOTS = 1024;

  private int[] slotHead = new int[INITIAL_SLOTS];
  private int[] slotStamp = new int[INITIAL_SLOTS];
  private int slotMask = INITIAL_SLOTS - 1;
  private int stamp = 1;
  /** Per entry, the previous entry of its slot, or -1. */
  private int[] next = new int[64];
  /** Per entry, the orec word it replaced when it locked the orec; -1 when another entry did. */
  private long[] replaced = new long[64];
  /** Entries [0, lockedUpTo) went through locking (for unlock after a failure). */
  private int lockedUpTo;

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
    lockedUpTo = 0;
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
    long[] r = Arrays.copyOf(replaced, capacity);
    super.grow(capacity);
    next = n;
    replaced = r;
  }

  @Override
  void resize(int capacity) {
    int[] n = new int[capacity];
    long[] r = new long[capacity];
    super.resize(capacity);
    next = n;
    replaced = r;
  }

  int lockedUpTo() {
    return lockedUpTo;
  }

  /**
   * Locks the orec of every entry. Gives up (and returns false; {@link #unlock} then restores
   * what it locked) when another committer holds one for too long.
   */
  boolean lock(Txn owner) {
    long lockWord = owner.lockWord;
    for (int e = 0; e < size; e++) {
      lockedUpTo = e + 1;
      replaced[e] = -1;
      int orec = orecs[e];
      long w = Orecs.getVolatile(orec);
      if (w == lockWord) {
        continue; // an earlier entry shares the stripe
      }
      if (FaultInjection.NO_LOCK) {
        replaced[e] = Orecs.isLocked(w) ? -1 : w; // as if locked: released with the commit's version, never held
        continue;
      }
      long waitStart = 0;
      for (int round = 0; ; round++) {
        if (!Orecs.isLocked(w)) {
          replaced[e] = w; // before the CAS: a Thread.stop right after it still finds what to restore
          if (Orecs.casLock(orec, w, lockWord)) {
            break;
          }
          replaced[e] = -1;
        }
        if (round > Backoff.LOCK_WAIT_ROUNDS) {
          return false; // maybe two committers waiting for each other: one gives up
        }
        if (round == 0 && ConflictProfiler.enabled()) {
          waitStart = System.nanoTime();
        }
        Backoff.pause(round);
        w = Orecs.getVolatile(orec);
      }
      if (waitStart != 0) {
        owner.noteLockWait(holders[e], fields[e], indexes[e], Sites.BOTH_WRITE, orec, System.nanoTime() - waitStart);
      }
    }
    return true;
  }

  /** The word an orec held before this attempt locked it, or -1: the entries of a stripe share its slot chain. */
  long lockedWordOf(int orec) {
    int s = orec & slotMask;
    if (slotStamp[s] != stamp) {
      return -1;
    }
    for (int e = slotHead[s]; e >= 0; e = next[e]) {
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

  /** Releases every lock this attempt holds with the commit's version. */
  void release(long versionWord) {
    for (int e = 0; e < lockedUpTo; e++) {
      if (replaced[e] >= 0) {
        Orecs.setRelease(orecs[e], versionWord);
      }
    }
    lockedUpTo = 0; // released: nothing for unlock to restore
  }

  /**
   * Restores the words that a failed commit replaced: only where the orec holds this attempt's
   * lock word (an asynchronous error may have come between noting a word and locking it).
   */
  void unlock(long lockWord) {
    for (int e = 0; e < lockedUpTo; e++) {
      if (replaced[e] >= 0 && Orecs.getVolatile(orecs[e]) == lockWord) {
        Orecs.setRelease(orecs[e], replaced[e]);
      }
    }
    lockedUpTo = 0;
  }

  /** Gives every written location's orec {@code versionWord} (a log written back in place, irrevocably). */
  void stamp(long versionWord) {
    for (int e = 0; e < size; e++) {
      Orecs.setRelease(orecs[e], versionWord);
    }
  }
}
