package dev.ame.runtime;

/**
 * The entry points that rewritten code calls in place of field and array instructions. They take
 * only JDK types, so that classes of every class loader can link to them.
 *
 * <p>An instance-field read is rewritten to
 * <pre>
 *   obj; dup; dup; ldc FIELD; ldc SITE; aload txn; invokestatic beforeRead   // remember the orec word
 *   getfield C.f                                                    // the caller's own load
 *   ldc FIELD; aload txn; invokestatic afterReadX                   // validate, log, or own write
 * </pre>
 * so the hot path keeps the JIT's plain load. A static read triggers class initialization first
 * ({@code getstatic; pop}), then does the same with {@code beforeReadStatic}/{@code afterReadStaticX}.
 * Array loads and all stores are single calls. Every kind is a thin conversion around the two
 * templates of {@link Txn}: raw bits for primitives, references for objects. A block that runs
 * alone with nothing written yet reads memory directly: {@code beforeRead} does nothing and the
 * {@code afterRead} check returns the loaded value.
 */
public final class Barriers {
  private static final int NONE = 0;
  private static final int ARRAY = Location.ARRAY;

  private Barriers() {}

  // ---- instance fields ----

  public static void beforeRead(Object holder, int field, int site, Txn t) {
    if (t.readsMemoryDirectly()) {
      return; // afterRead* returns the value loaded: nothing else can have changed it
    }
    int orec = Orecs.index(holder, field);
    t.pendingSite = site;
    t.pendingOrec = orec;
    t.pendingVersion = Orecs.getAcquire(orec);
  }

  public static int afterReadI(Object holder, int v, int field, Txn t) {
    return (int) t.checkReadBits(holder, field, NONE, t.pendingOrec, t.pendingVersion, t.pendingSite, v);
  }

  public static long afterReadJ(Object holder, long v, int field, Txn t) {
    return t.checkReadBits(holder, field, NONE, t.pendingOrec, t.pendingVersion, t.pendingSite, v);
  }

  public static float afterReadF(Object holder, float v, int field, Txn t) {
    return Float.intBitsToFloat((int) t.checkReadBits(holder, field, NONE, t.pendingOrec, t.pendingVersion, t.pendingSite, Float.floatToRawIntBits(v)));
  }

  public static double afterReadD(Object holder, double v, int field, Txn t) {
    return Double.longBitsToDouble(t.checkReadBits(holder, field, NONE, t.pendingOrec, t.pendingVersion, t.pendingSite, Double.doubleToRawLongBits(v)));
  }

  public static Object afterReadA(Object holder, Object v, int field, Txn t) {
    return t.checkReadRef(holder, field, NONE, t.pendingOrec, t.pendingVersion, t.pendingSite, v);
  }

  public static void writeI(Object holder, int v, int field, Txn t) {
    t.writeBits(nonNull(holder), field, NONE, Orecs.index(holder, field), v);
  }

  public static void writeJ(Object holder, long v, int field, Txn t) {
    t.writeBits(nonNull(holder), field, NONE, Orecs.index(holder, field), v);
  }

  public static void writeF(Object holder, float v, int field, Txn t) {
    t.writeBits(nonNull(holder), field, NONE, Orecs.index(holder, field), Float.floatToRawIntBits(v));
  }

  public static void writeD(Object holder, double v, int field, Txn t) {
    t.writeBits(nonNull(holder), field, NONE, Orecs.index(holder, field), Double.doubleToRawLongBits(v));
  }

  public static void writeA(Object holder, Object v, int field, Txn t) {
    t.writeRef(nonNull(holder), field, NONE, Orecs.index(holder, field), v);
  }

  // ---- static fields (holder null) ----

  public static void beforeReadStatic(int field, int site, Txn t) {
    if (t.readsMemoryDirectly()) {
      return;
    }
    int orec = Orecs.staticIndex(field);
    t.pendingSite = site;
    t.pendingOrec = orec;
    t.pendingVersion = Orecs.getAcquire(orec);
  }

  public static int afterReadStaticI(int v, int field, Txn t) {
    return afterReadI(null, v, field, t);
  }

  public static long afterReadStaticJ(long v, int field, Txn t) {
    return afterReadJ(null, v, field, t);
  }

  public static float afterReadStaticF(float v, int field, Txn t) {
    return afterReadF(null, v, field, t);
  }

  public static double afterReadStaticD(double v, int field, Txn t) {
    return afterReadD(null, v, field, t);
  }

  public static Object afterReadStaticA(Object v, int field, Txn t) {
    return afterReadA(null, v, field, t);
  }

  public static void writeStaticI(int v, int field, Txn t) {
    t.writeBits(null, field, NONE, Orecs.staticIndex(field), v);
  }

  public static void writeStaticJ(long v, int field, Txn t) {
    t.writeBits(null, field, NONE, Orecs.staticIndex(field), v);
  }

  public static void writeStaticF(float v, int field, Txn t) {
    t.writeBits(null, field, NONE, Orecs.staticIndex(field), Float.floatToRawIntBits(v));
  }

  public static void writeStaticD(double v, int field, Txn t) {
    t.writeBits(null, field, NONE, Orecs.staticIndex(field), Double.doubleToRawLongBits(v));
  }

  public static void writeStaticA(Object v, int field, Txn t) {
    t.writeRef(null, field, NONE, Orecs.staticIndex(field), v);
  }

  // ---- array elements: load between the orec reads, then the common check ----

  public static int readIA(int[] a, int i, int site, Txn t) {
    if (t.alone) return a[i];
    int orec = Orecs.index(a, i);
    long before = Orecs.getAcquire(orec);
    return (int) t.checkReadBits(a, ARRAY, i, orec, before, site, a[i]);
  }

  public static long readJA(long[] a, int i, int site, Txn t) {
    if (t.alone) return a[i];
    int orec = Orecs.index(a, i);
    long before = Orecs.getAcquire(orec);
    return t.checkReadBits(a, ARRAY, i, orec, before, site, a[i]);
  }

  public static float readFA(float[] a, int i, int site, Txn t) {
    if (t.alone) return a[i];
    int orec = Orecs.index(a, i);
    long before = Orecs.getAcquire(orec);
    return Float.intBitsToFloat((int) t.checkReadBits(a, ARRAY, i, orec, before, site, Float.floatToRawIntBits(a[i])));
  }

  public static double readDA(double[] a, int i, int site, Txn t) {
    if (t.alone) return a[i];
    int orec = Orecs.index(a, i);
    long before = Orecs.getAcquire(orec);
    return Double.longBitsToDouble(t.checkReadBits(a, ARRAY, i, orec, before, site, Double.doubleToRawLongBits(a[i])));
  }

  /** {@code baload} serves both {@code byte[]} and {@code boolean[]}. */
  public static int readBA(Object a, int i, int site, Txn t) {
    if (t.alone) return (int) ArrayElements.getBits(a, i);
    int orec = Orecs.index(a, i);
    long before = Orecs.getAcquire(orec);
    return (int) t.checkReadBits(a, ARRAY, i, orec, before, site, ArrayElements.getBits(a, i));
  }

  public static int readCA(char[] a, int i, int site, Txn t) {
    if (t.alone) return a[i];
    int orec = Orecs.index(a, i);
    long before = Orecs.getAcquire(orec);
    return (int) t.checkReadBits(a, ARRAY, i, orec, before, site, a[i]);
  }

  public static int readSA(short[] a, int i, int site, Txn t) {
    if (t.alone) return a[i];
    int orec = Orecs.index(a, i);
    long before = Orecs.getAcquire(orec);
    return (int) t.checkReadBits(a, ARRAY, i, orec, before, site, a[i]);
  }

  public static Object readAA(Object[] a, int i, int site, Txn t) {
    if (t.alone) return a[i];
    int orec = Orecs.index(a, i);
    long before = Orecs.getAcquire(orec);
    return t.checkReadRef(a, ARRAY, i, orec, before, site, a[i]);
  }

  public static void writeIA(int[] a, int i, int v, Txn t) {
    ArrayElements.checkIndex(a.length, i);
    if (t.writesElementsInPlace()) {
      t.undo.addBits(a, i, a[i]);
      a[i] = v;
      return;
    }
    t.writeElementBits(a, i, v);
  }

  public static void writeJA(long[] a, int i, long v, Txn t) {
    ArrayElements.checkIndex(a.length, i);
    if (t.writesElementsInPlace()) {
      t.undo.addBits(a, i, a[i]);
      a[i] = v;
      return;
    }
    t.writeElementBits(a, i, v);
  }

  public static void writeFA(float[] a, int i, float v, Txn t) {
    ArrayElements.checkIndex(a.length, i);
    t.writeElementBits(a, i, Float.floatToRawIntBits(v));
  }

  public static void writeDA(double[] a, int i, double v, Txn t) {
    ArrayElements.checkIndex(a.length, i);
    t.writeElementBits(a, i, Double.doubleToRawLongBits(v));
  }

  public static void writeBA(Object a, int i, int v, Txn t) {
    boolean isBoolean = a instanceof boolean[];
    ArrayElements.checkIndex(isBoolean ? ((boolean[]) a).length : ((byte[]) a).length, i);
    t.writeElementBits(a, i, isBoolean ? v & 1 : (byte) v);
  }

  public static void writeCA(char[] a, int i, int v, Txn t) {
    ArrayElements.checkIndex(a.length, i);
    t.writeElementBits(a, i, (char) v);
  }

  public static void writeSA(short[] a, int i, int v, Txn t) {
    ArrayElements.checkIndex(a.length, i);
    t.writeElementBits(a, i, (short) v);
  }

  public static void writeAA(Object[] a, int i, Object v, Txn t) {
    ArrayElements.checkStore(a, i, v);
    if (t.writesElementsInPlace()) {
      t.undo.addRef(a, i, a[i]);
      a[i] = v;
      return;
    }
    t.writeElementRef(a, i, v);
  }

  /**
   * {@code System.arraycopy} inside a block: element by element through the barriers, reading
   * everything before writing anything, as if through a temporary array (the JDK's contract).
   */
  public static void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length, int site, Txn t) {
    if (t.inPlace) {
      System.arraycopy(src, srcPos, dst, dstPos, length);
      return;
    }
    if (src == null || dst == null) {
      throw new NullPointerException();
    }
    Class<?> s = src.getClass();
    Class<?> d = dst.getClass();
    if (!s.isArray() || !d.isArray()) {
      throw new ArrayStoreException("arraycopy: source and destination must be arrays");
    }
    boolean refs = src instanceof Object[];
    if (refs != (dst instanceof Object[]) || (!refs && s != d)) {
      throw new ArrayStoreException("arraycopy: type mismatch: can not copy " + s.getTypeName() + " into " + d.getTypeName());
    }
    int srcLength = java.lang.reflect.Array.getLength(src);
    int dstLength = java.lang.reflect.Array.getLength(dst);
    if (length < 0 || srcPos < 0 || dstPos < 0 || srcPos > srcLength - length || dstPos > dstLength - length) {
      throw new ArrayIndexOutOfBoundsException("arraycopy: last source index " + ((long) srcPos + length)
          + " out of bounds for length " + srcLength);
    }
    if (refs) {
      Object[] tmp = new Object[length];
      for (int i = 0; i < length; i++) {
        tmp[i] = readAA((Object[]) src, srcPos + i, site, t);
      }
      for (int i = 0; i < length; i++) {
        writeAA((Object[]) dst, dstPos + i, tmp[i], t);
      }
    } else {
      long[] tmp = new long[length];
      for (int i = 0; i < length; i++) {
        int orec = Orecs.index(src, srcPos + i);
        long before = Orecs.getAcquire(orec);
        tmp[i] = t.checkReadBits(src, ARRAY, srcPos + i, orec, before, site, ArrayElements.getBits(src, srcPos + i));
      }
      for (int i = 0; i < length; i++) {
        t.writeBits(dst, ARRAY, dstPos + i, Orecs.index(dst, dstPos + i), tmp[i]);
      }
    }
  }

  /** {@code array.clone()} inside a block: a new array of the elements as this block sees them. */
  public static Object cloneArray(Object array, int site, Txn t) {
    int length = java.lang.reflect.Array.getLength(array); // NullPointerException as clone() would
    Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), length);
    if (t.inPlace) {
      System.arraycopy(array, 0, copy, 0, length);
      return copy;
    }
    // The copy is new and private to this block: its elements are written directly.
    for (int i = 0; i < length; i++) {
      if (array instanceof Object[]) {
        ArrayElements.setRef(copy, i, readAA((Object[]) array, i, site, t));
      } else {
        int orec = Orecs.index(array, i);
        long before = Orecs.getAcquire(orec);
        ArrayElements.setBits(copy, i, t.checkReadBits(array, ARRAY, i, orec, before, site, ArrayElements.getBits(array, i)));
      }
    }
    return copy;
  }

  // ---- control ----

  /** Before a call that cannot be rolled back: the block becomes irrevocable (see {@link Txn}). */
  public static void irrevocable(Txn t, String cause) {
    t.becomeIrrevocable(cause);
  }

  /** {@code obj.wait()} inside a block: roll back, sleep until something read changes, re-run. */
  public static void waitRetry(Object monitor, Txn t) throws InterruptedException {
    nonNull(monitor);
    t.waitForChange(0);
  }

  /** {@code obj.wait(millis)} inside a block. */
  public static void waitRetry(Object monitor, long millis, Txn t) throws InterruptedException {
    nonNull(monitor);
    if (millis < 0) {
      throw new IllegalArgumentException("timeout value is negative");
    }
    t.waitForChange(millis);
  }

  /** {@code obj.wait(millis, nanos)} inside a block. */
  public static void waitRetry(Object monitor, long millis, int nanos, Txn t) throws InterruptedException {
    waitRetry(monitor, nanos > 0 ? millis + 1 : millis, t);
  }

  /** {@code obj.notify()} / {@code notifyAll()} inside a block: waiters wake on commit anyway. */
  public static void notifyNoop(Object monitor, Txn t) {
    nonNull(monitor);
  }

  private static Object nonNull(Object holder) {
    if (holder == null) {
      throw new NullPointerException();
    }
    return holder;
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
