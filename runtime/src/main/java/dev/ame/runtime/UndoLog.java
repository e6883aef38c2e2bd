package dev.ame.runtime;

import java.util.Arrays;

/**
 * The locations that a block running alone wrote in place, each with the value it replaced.
 * Nobody else runs while such a block does, so its writes need no redo log (and its reads no
 * lookup): this log is what lets it still roll back, for {@code wait()} or an error, by restoring
 * the old values newest first, and what its commit stamps with a new version when a retry sleeps.
 * The barriers hand over the old value they read (the rewritten code loads it just before its own
 * store), so adding is a few stores.
 */
final class UndoLog {
  private static final int INITIAL_CAPACITY = 64;

  private Object[] holders = new Object[INITIAL_CAPACITY];
  /** A field id, or {@link Location#ARRAY} with the element's index in {@link #indexes}. */
  private int[] fields = new int[INITIAL_CAPACITY];
  private int[] indexes = new int[INITIAL_CAPACITY];
  private long[] bits = new long[INITIAL_CAPACITY];
  private Object[] refs = new Object[INITIAL_CAPACITY];
  int size;

  /** Records a primitive element's value (raw bits) before the caller overwrites it. */
  void addBits(Object array, int index, long old) {
    addBitsEntry(array, Location.ARRAY, index, old);
  }

  /** Records a reference element's value before the caller overwrites it. */
  void addRef(Object[] array, int index, Object old) {
    addRefEntry(array, Location.ARRAY, index, old);
  }

  /** Records a primitive field's value (holder null for a static) before the caller overwrites it. */
  void addFieldBits(Object holder, int field, long old) {
    addBitsEntry(holder, field, 0, old);
  }

  /** Records a reference field's value before the caller overwrites it. */
  void addFieldRef(Object holder, int field, Object old) {
    addRefEntry(holder, field, 0, old);
  }

  /**
   * Records {@code length} elements of an array from {@code from} on before an arraycopy overwrites
   * them: one entry holding a copy of the range (one allocation and one bulk copy, where an entry
   * per element would cost five column stores each, two of them reference stores with their GC
   * barriers; an {@code ArrayList} insertion shifts tens of elements).
   */
  void addRange(Object array, int from, int length) {
    Object saved = array instanceof Object[] ? new Object[length]
        : java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), length);
    System.arraycopy(array, from, saved, 0, length);
    addRefEntry(array, Location.RANGE, from, saved);
  }

  private void addBitsEntry(Object holder, int field, int index, long old) {
    int n = newEntry(holder, field, index);
    bits[n] = old;
    size = n + 1;
  }

  private void addRefEntry(Object holder, int field, int index, Object old) {
    int n = newEntry(holder, field, index);
    refs[n] = old;
    size = n + 1;
  }

  /** Fills the location columns of the next entry; the caller stores the old value, then counts the entry. */
  private int newEntry(Object holder, int field, int index) {
    int n = room();
    holders[n] = holder;
    fields[n] = field;
    indexes[n] = index;
    return n;
  }

  /** Index of the next entry; every column grows before any is used (an OutOfMemoryError leaves the log whole). */
  private int room() {
    int n = size;
    if (n == holders.length) {
      int capacity = n * 2;
      Object[] h = Arrays.copyOf(holders, capacity);
      int[] f = Arrays.copyOf(fields, capacity);
      int[] x = Arrays.copyOf(indexes, capacity);
      long[] b = Arrays.copyOf(bits, capacity);
      Object[] r = Arrays.copyOf(refs, capacity);
      holders = h;
      fields = f;
      indexes = x;
      bits = b;
      refs = r;
    }
    return n;
  }

  /** Puts every location back as it was before the block, newest write first. */
  void restore() {
    for (int e = size - 1; e >= 0; e--) {
      Object h = holders[e];
      int f = fields[e];
      if (f == Location.RANGE) {
        Object saved = refs[e];
        System.arraycopy(saved, 0, h, indexes[e], java.lang.reflect.Array.getLength(saved));
      } else if (Location.isReference(h, f)) {
        Location.setRef(h, f, indexes[e], refs[e]);
      } else {
        Location.setBits(h, f, indexes[e], bits[e]);
      }
    }
  }

  /** Hands the orec of every location written to {@code action} (an entry for a range: one per element). */
  void forEachOrec(java.util.function.IntConsumer action) {
    for (int e = 0; e < size; e++) {
      Object h = holders[e];
      int f = fields[e];
      if (f == Location.RANGE) {
        for (int i = indexes[e], end = i + java.lang.reflect.Array.getLength(refs[e]); i < end; i++) {
          action.accept(Orecs.index(h, i));
        }
      } else {
        action.accept(Location.orecOf(h, f, indexes[e]));
      }
    }
  }

  /** Gives every written location's orec the commit's version (for retries sleeping on them). */
  void stamp(long versionWord) {
    forEachOrec(orec -> Orecs.setRelease(orec, versionWord));
  }

  /** Drops the entries and the references they held; a huge block's columns are not kept. */
  void clear() {
    if (size == 0) {
      return;
    }
    if (holders.length > AccessLog.RETAINED_CAPACITY) {
      try {
        Object[] h = new Object[INITIAL_CAPACITY];
        int[] f = new int[INITIAL_CAPACITY];
        int[] x = new int[INITIAL_CAPACITY];
        long[] b = new long[INITIAL_CAPACITY];
        Object[] r = new Object[INITIAL_CAPACITY];
        holders = h;
        fields = f;
        indexes = x;
        bits = b;
        refs = r;
        size = 0;
        return;
      } catch (OutOfMemoryError heapFull) {
        // keep the big columns: cleared below
      }
    }
    // Emptied first: a Thread.stop landing in the loop must not leave entries without their
    // array for a later restore to trip over. A loop, not Arrays.fill: most blocks undo-log a few
    // entries, where the call costs more.
    int n = size;
    size = 0;
    Object[] h = holders;
    Object[] r = refs;
    for (int i = 0; i < n; i++) {
      h[i] = null;
      r[i] = null;
    }
  }
}
