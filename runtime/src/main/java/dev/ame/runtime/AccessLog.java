package dev.ame.runtime;

import java.util.Arrays;

/**
 * Columns shared by the read set and the write set: for each logged access, the location
 * (holder, field id or {@link Location#ARRAY}, array index), its orec index and the value
 * (raw bits for primitives, the reference otherwise). Arrays grow by doubling and are kept for the
 * thread's next transaction, so a steady state allocates nothing per access.
 */
abstract class AccessLog {
  /**
   * Logs that grew beyond this many entries go back to their initial size when cleared: a huge
   * block's arrays are not kept for the thread's next, small blocks (memory follows footprint).
   */
  static final int RETAINED_CAPACITY = 1 << 16;
  private static final int INITIAL_CAPACITY = 64;

  Object[] holders = new Object[64];
  int[] fields = new int[64];
  int[] indexes = new int[64];
  int[] orecs = new int[64];
  long[] bits = new long[64];
  Object[] refs = new Object[64];
  int size;
  /**
   * The length of every column. Set only once all of them have grown, so that an
   * OutOfMemoryError while growing (a block that fills the heap) leaves a log that still works.
   */
  private int capacity = INITIAL_CAPACITY;

  /** Makes room for one more entry. */
  final void ensureRoom() {
    if (size == capacity) {
      int grown = capacity * 2;
      grow(grown);
      capacity = grown;
    }
  }

  /** Appends an entry's location; the caller fills in its value column(s). Returns its position. */
  final int appendLocation(Object holder, int field, int index, int orec) {
    ensureRoom();
    int n = size;
    holders[n] = holder;
    fields[n] = field;
    indexes[n] = index;
    orecs[n] = orec;
    size = n + 1;
    return n;
  }

  final int append(Object holder, int field, int index, int orec, long bitsValue, Object ref) {
    int n = appendLocation(holder, field, index, orec);
    bits[n] = bitsValue;
    refs[n] = ref;
    return n;
  }


  void grow(int capacity) {
    holders = Arrays.copyOf(holders, capacity);
    fields = Arrays.copyOf(fields, capacity);
    indexes = Arrays.copyOf(indexes, capacity);
    orecs = Arrays.copyOf(orecs, capacity);
    bits = Arrays.copyOf(bits, capacity);
    refs = Arrays.copyOf(refs, capacity);
  }

  /** Drops the entries, and the references they held so that the log keeps nothing alive. */
  void clear() {
    if (size == 0) {
      return; // the common case of a block that read or wrote nothing of this kind
    }
    if (capacity > RETAINED_CAPACITY) {
      try {
        resize(INITIAL_CAPACITY);
        capacity = INITIAL_CAPACITY;
        size = 0;
        return;
      } catch (OutOfMemoryError heapFull) {
        // keep the big columns (resize replaces all of them or none): cleared below
      }
    }
    Object[] h = holders;
    Object[] r = refs;
    for (int i = 0, n = size; i < n; i++) { // a loop, not Arrays.fill: logs are mostly short
      h[i] = null;
      r[i] = null;
    }
    size = 0;
  }

  /**
   * Replaces every column by a new, empty one of {@code capacity} entries: all are allocated
   * before any is replaced (subclasses allocate theirs before calling this), so an
   * OutOfMemoryError leaves the log as it was.
   */
  void resize(int capacity) {
    Object[] h = new Object[capacity];
    int[] f = new int[capacity];
    int[] x = new int[capacity];
    int[] o = new int[capacity];
    long[] b = new long[capacity];
    Object[] r = new Object[capacity];
    holders = h;
    fields = f;
    indexes = x;
    orecs = o;
    bits = b;
    refs = r;
  }

  /** Whether entry {@code i} still holds the value in memory now (a plain, generic re-read). */
  final boolean holdsCurrentValue(int i) {
    Object h = holders[i];
    int f = fields[i];
    int x = indexes[i];
    return Location.isReference(h, f) ? Location.getRef(h, f, x) == refs[i] : Location.getBits(h, f, x) == bits[i];
  }

  final String describe(int i) {
    return Location.describe(holders[i], fields[i], indexes[i]);
  }
}
