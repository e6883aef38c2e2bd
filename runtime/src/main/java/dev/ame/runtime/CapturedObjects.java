package dev.ame.runtime;

import java.util.Arrays;

/**
 * The objects that the current speculative attempt has allocated (captured memory): no other
 * thread can reach them before the attempt commits, so the attempt writes them in place, with no
 * redo entry and nothing to write back, and its later reads of them take the fast path (an entry
 * would send each to the redo log). An iterator, a sub-map view, a {@code StringBuilder} made
 * and used inside a block leave the log empty; a block whose only writes are to such objects
 * commits as read-only.
 *
 * <p>An object is added when its construction begins writing (after its super constructor
 * returned, before its body), so none of its fields can have a redo entry that an in-place write
 * would later contradict. Once the set is full, it refuses every later object of the attempt:
 * those are logged from their first write on, as before.
 *
 * <p>An identity hash set with linear probing: {@link #contains} is one look while the set is
 * empty, which it is for most blocks.
 */
final class CapturedObjects {
  private static final int INITIAL = 16;
  /** Beyond this many objects an attempt logs its allocations' writes (the set stays small). */
  private static final int LIMIT = 1 << 16;

  private Object[] slots = new Object[INITIAL];
  private int size;
  private boolean full;

  void add(Object o) {
    if (full) {
      return;
    }
    if (size * 2 >= slots.length) {
      if (size >= LIMIT) {
        full = true;
        return;
      }
      rehash(slots.length * 2);
    }
    int mask = slots.length - 1;
    for (int i = hash(o) & mask; ; i = (i + 1) & mask) {
      Object s = slots[i];
      if (s == null) {
        slots[i] = o;
        size++;
        return;
      }
      if (s == o) {
        return; // a constructor's super constructor added it already
      }
    }
  }

  /** Whether {@code o} is one of them; never a static field's holder ({@code null}). */
  boolean contains(Object o) {
    if (FaultInjection.CAPTURE_ALL) {
      return o != null; // broken on purpose: shared objects written in place
    }
    if (size == 0 || o == null) {
      return false;
    }
    int mask = slots.length - 1;
    for (int i = hash(o) & mask; ; i = (i + 1) & mask) {
      Object s = slots[i];
      if (s == o) {
        return true;
      }
      if (s == null) {
        return false;
      }
    }
  }

  void clear() {
    if (size != 0 && !FaultInjection.CAPTURE_KEPT) {
      if (slots.length > 4 * INITIAL) {
        slots = new Object[INITIAL]; // a big attempt's table would be cleared at every later one
      } else {
        Arrays.fill(slots, null);
      }
      size = 0;
    }
    full = false;
  }

  private void rehash(int capacity) {
    Object[] old = slots;
    slots = new Object[capacity];
    size = 0;
    for (Object o : old) {
      if (o != null) {
        add(o);
      }
    }
  }

  private static int hash(Object o) {
    int h = System.identityHashCode(o) * 0x9E3779B1;
    return h ^ (h >>> 16);
  }
}
