package dev.ame.runtime;

import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The locations a transaction has read, each with the value it saw.
 *
 * <p>No version is kept per entry: every entry was read with its orec unlocked at a version
 * &le; the transaction's read version {@code rv}, and any later commit to that stripe takes a
 * version &gt; {@code rv} (it locks after the read and ticks the clock after locking). So at a
 * time bound (the clock value of an extension, or the commit's write version) an entry is valid
 * when its orec is still unlocked at a version &le; {@code rv}, or otherwise when the orec is
 * unlocked at a version &le; bound and the location still holds the value seen. An extension
 * validates every entry at the new bound before moving {@code rv} there, which keeps the first
 * rule true. The second rule is what keeps transactions that touch different fields or elements
 * sharing a stripe, and writers that store the value already there, from aborting each other.
 * Under TL2's commit order "unlocked at version &le; bound" means the value is the one current at
 * bound, so all accepted entries together form one consistent snapshot.
 *
 * <p>Only the value column of the entry's kind is written (bits or reference); the other one
 * is never read for that entry.
 */
final class ReadSet extends AccessLog {
  /** Where in the source each read was made ({@link Sites}). */
  int[] sites = new int[64];
  /** For a watch set (a retry's): the read version its entries were valid at. */
  private long watchedAt;
  private int conflictEntry = -1;

  void addBits(Object holder, int field, int index, int orec, long value, int site) {
    int n = appendLocation(holder, field, index, orec);
    bits[n] = value;
    sites[n] = site;
  }

  void addRef(Object holder, int field, int index, int orec, Object value, int site) {
    int n = appendLocation(holder, field, index, orec);
    refs[n] = value;
    sites[n] = site;
  }

  @Override
  void grow(int capacity) {
    super.grow(capacity);
    sites = Arrays.copyOf(sites, capacity);
  }

  @Override
  void resize(int capacity) {
    int[] s = new int[capacity];
    super.resize(capacity);
    sites = s;
  }

  /**
   * @param bound the time at which the snapshot must be consistent
   * @param self the validating transaction (its read version; its own commit locks are looked through)
   * @return whether every entry is still valid at bound
   */
  boolean validate(long bound, Txn self) {
    long rv = self.rv;
    for (int i = 0; i < size; i++) {
      if (!valid(i, rv, bound, self)) {
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

  private boolean valid(int i, long rv, long bound, Txn self) {
    int orec = orecs[i];
    long cur = Orecs.getVolatile(orec);
    if (!Orecs.isLocked(cur) && Orecs.version(cur) <= rv) {
      return true;
    }
    if (cur == self.lockWord) {
      // Locked by our own commit: memory still holds the committed value, old word is the version.
      long old = self.writes.lockedWordOf(orec);
      return (old >= 0 && Orecs.version(old) <= rv) || holdsCurrentValue(i);
    }
    for (int round = 0; Orecs.isLocked(cur); round++) {
      if (round > Backoff.LOCK_WAIT_ROUNDS) {
        return false;
      }
      Backoff.pause(round);
      cur = Orecs.getVolatile(orec);
    }
    if (Orecs.version(cur) <= rv) {
      return true;
    }
    if (Orecs.version(cur) > bound) {
      return false;
    }
    boolean same = holdsCurrentValue(i);
    VarHandle.acquireFence();
    return same && Orecs.getVolatile(orec) == cur;
  }

  /** Whether any location watched has been written by a commit since it was read (for retry). */
  boolean anyChanged() {
    for (int i = 0; i < size; i++) {
      long cur = Orecs.getVolatile(orecs[i]);
      if (Orecs.isLocked(cur) || Orecs.version(cur) > watchedAt) {
        return true;
      }
    }
    return false;
  }

  /** Copies the orecs to watch while the transaction sleeps in a retry (valid at {@code rv}). */
  void copyWatch(ReadSet into, long rv) {
    into.clear();
    into.watchedAt = rv;
    for (int i = 0; i < size; i++) {
      into.addBits(null, 0, 0, orecs[i], 0, 0);
    }
  }
}
