package dev.ame.runtime;

import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The locations a transaction has read, each with the orec version and the value it saw.
 *
 * <p>Validation at a time bound (the clock value of an extension, or the commit's write version)
 * accepts an entry when its orec still holds the version seen, or otherwise when the orec is
 * unlocked at a version &le; bound and the location still holds the value seen. The second rule is
 * what keeps transactions that touch different fields or elements sharing a stripe, and
 * writers that store the value already there, from aborting each other. Under TL2's commit order
 * (lock, then take the version) "unlocked at version &le; bound" means the value is the one current
 * at bound, so all accepted entries together form one consistent snapshot.
 */
final class ReadSet extends AccessLog {
  long[] versions = new long[64];
  /** Where in the source each read was made ({@link Sites}). */
  int[] sites = new int[64];
  private int conflictEntry = -1;

  void add(Object holder, int field, int index, int orec, long version, long bitsValue, Object ref, int site) {
    int n = append(holder, field, index, orec, bitsValue, ref);
    versions[n] = version;
    sites[n] = site;
  }

  @Override
  void grow(int capacity) {
    super.grow(capacity);
    versions = Arrays.copyOf(versions, capacity);
    sites = Arrays.copyOf(sites, capacity);
  }

  /**
   * @param bound the time at which the snapshot must be consistent
   * @param self the validating transaction (its own commit locks are looked through)
   * @return whether every entry is still valid at bound
   */
  boolean validate(long bound, Txn self) {
    for (int i = 0; i < size; i++) {
      if (!valid(i, bound, self)) {
        conflictEntry = i;
        return false;
      }
    }
    return true;
  }

  /** A description of the entry that made the last validation fail, for diagnostics. */
  String lastConflict() {
    return conflictEntry >= 0 && conflictEntry < size ? describe(conflictEntry) : "?";
  }

  /** The entry that made the last validation fail, or -1. */
  int lastConflictEntry() {
    return conflictEntry < size ? conflictEntry : -1;
  }

  private boolean valid(int i, long bound, Txn self) {
    int orec = orecs[i];
    long seen = versions[i];
    long cur = Orecs.getVolatile(orec);
    if (cur == seen) {
      return true;
    }
    if (cur == self.lockWord) {
      // Locked by our own commit: memory still holds the committed value, old word is the version.
      long old = self.writes.lockedWordOf(orec);
      return old == seen || holdsCurrentValue(i);
    }
    for (int round = 0; Orecs.isLocked(cur); round++) {
      if (round > Backoff.LOCK_WAIT_ROUNDS) {
        return false;
      }
      Backoff.pause(round);
      cur = Orecs.getVolatile(orec);
    }
    if (cur == seen) {
      return true;
    }
    if (Orecs.version(cur) > bound) {
      return false;
    }
    boolean same = holdsCurrentValue(i);
    VarHandle.acquireFence();
    if (!same || Orecs.getVolatile(orec) != cur) {
      return false;
    }
    versions[i] = cur; // the value at cur is the one we saw: later validations take the fast path
    return true;
  }

  /** Whether any location read has been written by a commit since it was read (for retry). */
  boolean anyChanged() {
    for (int i = 0; i < size; i++) {
      if (Orecs.getVolatile(orecs[i]) != versions[i]) {
        return true;
      }
    }
    return false;
  }

  /** Copies the orecs and versions to watch while the transaction sleeps in a retry. */
  void copyWatch(ReadSet into) {
    into.clear();
    for (int i = 0; i < size; i++) {
      into.add(null, 0, 0, orecs[i], versions[i], 0, null, 0);
    }
  }
}
