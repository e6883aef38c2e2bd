package dev.ame.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Atomic variables used inside a block (the seed of every {@code java.util.Random}, counters in
 * library code): their {@code value} field is read, compared and written through the barriers
 * like any field. Inside a block the whole block is atomic, so a compare-and-set is a read and a
 * conditional write. Also {@code Reference.clear}: the referent cannot be restored on a roll-back,
 * so it is cleared when the block commits ({@code ThreadLocal.remove} clears its entry, then takes
 * it out of the thread's map: a roll-back must find the entry intact).
 */
final class AtomicSpecials {
  private static final int SITE = Sites.register("java.util.concurrent.atomic", "value");
  private static final int LONG = fieldId(AtomicLong.class);
  private static final int INT = fieldId(AtomicInteger.class);
  private static final int BOOLEAN = fieldId(AtomicBoolean.class);
  private static final int REFERENCE = fieldId(AtomicReference.class);

  private AtomicSpecials() {}

  private static int fieldId(Class<?> c) {
    try {
      MethodHandles.Lookup base = JdkTwins.javaBase();
      return Fields.id(MethodHandles.privateLookupIn(c, base), c, "value", 0);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("AME: cannot reach " + c.getName() + ".value", e);
    }
  }

  private static long readBits(Object holder, int field, Txn t) {
    return Barriers.readJ(holder, Fields.get(field).getBits(holder), field, SITE, t);
  }

  // ---- AtomicLong ----

  static long get(AtomicLong a, Txn t) {
    return readBits(a, LONG, t);
  }

  static void set(AtomicLong a, long v, Txn t) {
    Barriers.writeJ(a, v, LONG, t);
  }

  static boolean compareAndSet(AtomicLong a, long expected, long v, Txn t) {
    if (get(a, t) != expected) {
      return false;
    }
    set(a, v, t);
    return true;
  }

  static long getAndSet(AtomicLong a, long v, Txn t) {
    long old = get(a, t);
    set(a, v, t);
    return old;
  }

  static long getAndAdd(AtomicLong a, long delta, Txn t) {
    return getAndSet(a, get(a, t) + delta, t);
  }

  static long addAndGet(AtomicLong a, long delta, Txn t) {
    return getAndAdd(a, delta, t) + delta;
  }

  // ---- AtomicInteger ----

  static int get(AtomicInteger a, Txn t) {
    return (int) readBits(a, INT, t);
  }

  static void set(AtomicInteger a, int v, Txn t) {
    Barriers.writeJ(a, v, INT, t);
  }

  static boolean compareAndSet(AtomicInteger a, int expected, int v, Txn t) {
    if (get(a, t) != expected) {
      return false;
    }
    set(a, v, t);
    return true;
  }

  static int getAndSet(AtomicInteger a, int v, Txn t) {
    int old = get(a, t);
    set(a, v, t);
    return old;
  }

  static int getAndAdd(AtomicInteger a, int delta, Txn t) {
    return getAndSet(a, get(a, t) + delta, t);
  }

  static int addAndGet(AtomicInteger a, int delta, Txn t) {
    return getAndAdd(a, delta, t) + delta;
  }

  // ---- AtomicBoolean (an int field, 0 or 1) ----

  static boolean get(AtomicBoolean a, Txn t) {
    return readBits(a, BOOLEAN, t) != 0;
  }

  static void set(AtomicBoolean a, boolean v, Txn t) {
    Barriers.writeJ(a, v ? 1 : 0, BOOLEAN, t);
  }

  static boolean compareAndSet(AtomicBoolean a, boolean expected, boolean v, Txn t) {
    if (get(a, t) != expected) {
      return false;
    }
    set(a, v, t);
    return true;
  }

  static boolean getAndSet(AtomicBoolean a, boolean v, Txn t) {
    boolean old = get(a, t);
    set(a, v, t);
    return old;
  }

  // ---- AtomicReference ----

  static Object get(AtomicReference<?> a, Txn t) {
    return Barriers.readA(a, Fields.get(REFERENCE).getRef(a), REFERENCE, SITE, t);
  }

  static void set(AtomicReference<?> a, Object v, Txn t) {
    Barriers.writeA(a, v, REFERENCE, t);
  }

  static boolean compareAndSet(AtomicReference<?> a, Object expected, Object v, Txn t) {
    if (get(a, t) != expected) {
      return false;
    }
    set(a, v, t);
    return true;
  }

  static Object getAndSet(AtomicReference<?> a, Object v, Txn t) {
    Object old = get(a, t);
    set(a, v, t);
    return old;
  }

  // ---- Reference.clear ----

  static void clear(Reference<?> r, Txn t) {
    t.addOnCommit(r::clear);
  }
}
