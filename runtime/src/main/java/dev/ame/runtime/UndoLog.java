package dev.ame.runtime;

import java.util.Arrays;

/**
 * The array elements that a block running alone wrote in place, each with the value it replaced.
 * Nobody else runs while such a block does, so its array writes need no redo log (and its reads
 * of them no lookup); this log is what lets it still roll back, for {@code wait()} or an error,
 * by restoring the old values newest first, and what its commit stamps with a new version when
 * a retry sleeps. The typed barriers hand over the old value they read, so adding is a few stores.
 */
final class UndoLog {
  private Object[] arrays = new Object[64];
  private int[] indexes = new int[64];
  private long[] bits = new long[64];
  private Object[] refs = new Object[64];
  int size;

  /** Records a primitive element's value (raw bits) before the caller overwrites it. */
  void addBits(Object array, int index, long old) {
    int n = room();
    arrays[n] = array;
    indexes[n] = index;
    bits[n] = old;
    size = n + 1;
  }

  /** Records a reference element's value before the caller overwrites it. */
  void addRef(Object[] array, int index, Object old) {
    int n = room();
    arrays[n] = array;
    indexes[n] = index;
    refs[n] = old;
    size = n + 1;
  }

  /** Records an element's value, whatever its type (the generic path: arraycopy, irrevocable). */
  void add(Object array, int index) {
    if (array instanceof Object[] a) {
      addRef(a, index, a[index]);
    } else {
      addBits(array, index, ArrayElements.getBits(array, index));
    }
  }

  /** Index of the next entry; every column grows before any is used (an OutOfMemoryError leaves the log whole). */
  private int room() {
    int n = size;
    if (n == arrays.length) {
      int capacity = n * 2;
      Object[] a = Arrays.copyOf(arrays, capacity);
      int[] x = Arrays.copyOf(indexes, capacity);
      long[] b = Arrays.copyOf(bits, capacity);
      Object[] r = Arrays.copyOf(refs, capacity);
      arrays = a;
      indexes = x;
      bits = b;
      refs = r;
    }
    return n;
  }

  /** Puts every element back as it was before the block, newest write first. */
  void restore() {
    for (int e = size - 1; e >= 0; e--) {
      Object array = arrays[e];
      if (array instanceof Object[] a) {
        a[indexes[e]] = refs[e];
      } else {
        ArrayElements.setBits(array, indexes[e], bits[e]);
      }
    }
  }

  int orecOf(int e) {
    return Orecs.index(arrays[e], indexes[e]);
  }

  /** Gives every written element's orec the commit's version (for retries sleeping on them). */
  void stamp(long versionWord) {
    for (int e = 0; e < size; e++) {
      Orecs.setRelease(orecOf(e), versionWord);
    }
  }

  /** Drops the entries and the references they held; a huge block's columns are not kept. */
  void clear() {
    if (size == 0) {
      return;
    }
    if (arrays.length > AccessLog.RETAINED_CAPACITY) {
      try {
        Object[] a = new Object[64];
        int[] x = new int[64];
        long[] b = new long[64];
        Object[] r = new Object[64];
        arrays = a;
        indexes = x;
        bits = b;
        refs = r;
        size = 0;
        return;
      } catch (OutOfMemoryError heapFull) {
        // keep the big columns: cleared below
      }
    }
    Arrays.fill(arrays, 0, size, null);
    Arrays.fill(refs, 0, size, null);
    size = 0;
  }
}
