package dev.ame.runtime;

import java.util.Arrays;

/**
 * The read set of a speculative attempt: for each read, the orec of the location and the source
 * site that read it, packed into one {@code long} ({@code site << 32 | orec}).
 *
 * <p>An entry holds no reference and no value: appending is one store into a primitive array (no
 * garbage-collector barrier, no second column), which is what keeps the read barrier small enough
 * for the JIT to inline at every call site. Validation is by version only: an entry is valid while
 * its orec's version is &le; the attempt's read version {@code rv} (every later commit to that
 * stripe takes a version &gt; {@code rv}: it takes the clock after the read). A commit that
 * wrote the value already there therefore conflicts (it is a write); two locations that share a
 * stripe by hashing conflict too, which with 2^20 stripes is rare enough not to matter. The site
 * names the location for diagnostics ({@link Sites#location}).
 */
final class ReadLog {
  private static final int INITIAL_CAPACITY = 256;

  long[] entries = new long[INITIAL_CAPACITY];
  int size;
  private int conflictEntry = -1;

  /** Appends a read; the growth path is out of line so that this stays small. */
  void add(int orec, int site) {
    long[] e = entries;
    int n = size;
    if (n == e.length) {
      e = grow();
    }
    e[n] = ((long) site << 32) | (orec & 0xFFFF_FFFFL);
    size = n + 1;
  }

  private long[] grow() {
    long[] bigger = Arrays.copyOf(entries, entries.length * 2);
    entries = bigger;
    return bigger;
  }

  static int orecOf(long entry) {
    return (int) entry;
  }

  static int siteOf(long entry) {
    return (int) (entry >>> 32);
  }

  /**
   * Whether every entry still has a version &le; {@code rv}. Meaningful at a settled clock (no
   * commit writing back): a committer gives its orecs their new version before it writes a value.
   */
  boolean validate(long rv) {
    long rvWord = Orecs.versionWord(rv);
    long[] e = entries;
    for (int i = 0, n = size; i < n; i++) {
      if (Orecs.getVolatile(orecOf(e[i])) > rvWord) {
        conflictEntry = i;
        return false;
      }
    }
    return true;
  }

  /** The entry that made the last validation fail, or -1. */
  int lastConflictEntry() {
    return conflictEntry < size ? conflictEntry : -1;
  }

  /** Whether any location watched has been written by a commit since {@code rv} (for retry). */
  boolean anyChangedSince(long rv) {
    long rvWord = Orecs.versionWord(rv);
    for (int i = 0; i < size; i++) {
      if (Orecs.getVolatile(orecOf(entries[i])) > rvWord) {
        return true;
      }
    }
    return false;
  }

  /** Copies the entries into {@code into} (the orecs a sleeping retry watches). */
  void copyInto(ReadLog into) {
    into.clear();
    if (into.entries.length < size) {
      into.entries = new long[size];
    }
    System.arraycopy(entries, 0, into.entries, 0, size);
    into.size = size;
  }

  void clear() {
    if (entries.length > AccessLog.RETAINED_CAPACITY) {
      try {
        entries = new long[INITIAL_CAPACITY]; // a huge block's log is not kept for the next, small ones
      } catch (OutOfMemoryError heapFull) {
        // keep the big one
      }
    }
    size = 0;
    conflictEntry = -1;
  }
}
