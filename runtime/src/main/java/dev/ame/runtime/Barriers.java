package dev.ame.runtime;

/**
 * The entry points that rewritten code calls in place of field and array instructions. They take
 * only JDK types, so that classes of every class loader can link to them.
 *
 * <p>An instance-field read is rewritten to
 * <pre>
 *   obj; dup; getfield C.f                                 // the caller's own load
 *   FIELD; ldc SITE; aload txn; invokestatic readX         // check, log, or own write
 * </pre>
 * so the hot path keeps the JIT's plain load; a static read is {@code getstatic} and {@code readStaticX}.
 * A field store is rewritten to a test of {@link #writesInPlace}: in place (a block running alone
 * or irrevocably) the rewritten code loads the old value, hands it to {@code undoX} and stores
 * itself; otherwise {@code writeX} logs the store. Array loads and stores are single calls.
 *
 * <p>Every method here is small, so that the JIT inlines it at every call site: the fast path of
 * a block running alone is a test of a flag and the plain access; that of a speculative attempt is
 * {@link Speculation}'s check of the orec and one append to the read log. Slow paths are out of
 * line. The read barriers are under 35 bytes of bytecode, the JIT's limit for call sites it has
 * no profile of (those at the end of a JDK twin's method-handle chain): above it, such a site
 * stayed a call. Every kind is a thin conversion around the two templates of raw bits for primitives and
 * references for objects.
 */
public final class Barriers {
  private static final int ARRAY = Location.ARRAY;

  private Barriers() {}

  // ---- field reads: the caller's own load, then the check ----

  public static int readI(Object holder, int v, int field, int site, Txn t) {
    return t.inPlace ? v : (int) t.spec.checkBits(holder, field, 0, site, v);
  }

  public static long readJ(Object holder, long v, int field, int site, Txn t) {
    return t.inPlace ? v : t.spec.checkBits(holder, field, 0, site, v);
  }

  public static float readF(Object holder, float v, int field, int site, Txn t) {
    return t.inPlace ? v : Float.intBitsToFloat((int) t.spec.checkBits(holder, field, 0, site, Float.floatToRawIntBits(v)));
  }

  public static double readD(Object holder, double v, int field, int site, Txn t) {
    return t.inPlace ? v : Double.longBitsToDouble(t.spec.checkBits(holder, field, 0, site, Double.doubleToRawLongBits(v)));
  }

  public static Object readA(Object holder, Object v, int field, int site, Txn t) {
    return t.inPlace ? v : t.spec.checkRef(holder, field, 0, site, v);
  }

  /**
   * An object this attempt has just allocated (a constructor twin, once its super constructor has
   * returned; a new array): until the attempt commits no other thread can reach it, so it is
   * written in place ({@link CapturedObjects}).
   */
  public static void captured(Object o, Txn t) {
    if (!t.inPlace) {
      t.spec.captured.add(o);
    }
  }

  /** {@link #captured} for the new array on the stack, which it leaves there. */
  public static Object capturedArray(Object array, Txn t) {
    captured(array, t);
    return array;
  }

  /** Whether a field store goes in place (the rewritten code then stores itself, after {@code undoX}). */
  public static boolean writesInPlace(Txn t) {
    return t.inPlace;
  }

  public static void undoI(Object holder, int old, int field, Txn t) {
    t.beforeInPlaceBits(holder, field, 0, old);
  }

  public static void undoJ(Object holder, long old, int field, Txn t) {
    t.beforeInPlaceBits(holder, field, 0, old);
  }

  public static void undoF(Object holder, float old, int field, Txn t) {
    t.beforeInPlaceBits(holder, field, 0, Float.floatToRawIntBits(old));
  }

  public static void undoD(Object holder, double old, int field, Txn t) {
    t.beforeInPlaceBits(holder, field, 0, Double.doubleToRawLongBits(old));
  }

  public static void undoA(Object holder, Object old, int field, Txn t) {
    t.beforeInPlaceRef(holder, field, 0, old);
  }

  public static void writeI(Object holder, int v, int field, Txn t) {
    writeBits(nonNull(holder), field, v, t);
  }

  public static void writeJ(Object holder, long v, int field, Txn t) {
    writeBits(nonNull(holder), field, v, t);
  }

  public static void writeF(Object holder, float v, int field, Txn t) {
    writeBits(nonNull(holder), field, Float.floatToRawIntBits(v), t);
  }

  public static void writeD(Object holder, double v, int field, Txn t) {
    writeBits(nonNull(holder), field, Double.doubleToRawLongBits(v), t);
  }

  public static void writeA(Object holder, Object v, int field, Txn t) {
    writeRef(nonNull(holder), field, v, t);
  }

  // ---- static fields (holder null) ----

  public static int readStaticI(int v, int field, int site, Txn t) {
    return readI(null, v, field, site, t);
  }

  public static long readStaticJ(long v, int field, int site, Txn t) {
    return readJ(null, v, field, site, t);
  }

  public static float readStaticF(float v, int field, int site, Txn t) {
    return readF(null, v, field, site, t);
  }

  public static double readStaticD(double v, int field, int site, Txn t) {
    return readD(null, v, field, site, t);
  }

  public static Object readStaticA(Object v, int field, int site, Txn t) {
    return readA(null, v, field, site, t);
  }

  public static void undoStaticI(int old, int field, Txn t) {
    t.beforeInPlaceBits(null, field, 0, old);
  }

  public static void undoStaticJ(long old, int field, Txn t) {
    t.beforeInPlaceBits(null, field, 0, old);
  }

  public static void undoStaticF(float old, int field, Txn t) {
    t.beforeInPlaceBits(null, field, 0, Float.floatToRawIntBits(old));
  }

  public static void undoStaticD(double old, int field, Txn t) {
    t.beforeInPlaceBits(null, field, 0, Double.doubleToRawLongBits(old));
  }

  public static void undoStaticA(Object old, int field, Txn t) {
    t.beforeInPlaceRef(null, field, 0, old);
  }

  public static void writeStaticI(int v, int field, Txn t) {
    writeBits(null, field, v, t);
  }

  public static void writeStaticJ(long v, int field, Txn t) {
    writeBits(null, field, v, t);
  }

  public static void writeStaticF(float v, int field, Txn t) {
    writeBits(null, field, Float.floatToRawIntBits(v), t);
  }

  public static void writeStaticD(double v, int field, Txn t) {
    writeBits(null, field, Double.doubleToRawLongBits(v), t);
  }

  public static void writeStaticA(Object v, int field, Txn t) {
    writeRef(null, field, v, t);
  }

  /** A logged field store; in place (by the field's accessor) if the block runs in place after all. */
  private static void writeBits(Object holder, int field, long v, Txn t) {
    if (t.inPlace) {
      FieldRef f = Fields.get(field);
      t.beforeInPlaceBits(holder, field, 0, f.getBits(holder));
      f.setBits(holder, v);
    } else {
      t.spec.writeBits(holder, field, 0, Location.orecOf(holder, field, 0), v);
    }
  }

  private static void writeRef(Object holder, int field, Object v, Txn t) {
    if (t.inPlace) {
      FieldRef f = Fields.get(field);
      t.beforeInPlaceRef(holder, field, 0, f.getRef(holder));
      f.setRef(holder, v);
    } else {
      t.spec.writeRef(holder, field, 0, Location.orecOf(holder, field, 0), v);
    }
  }

  // ---- array elements: the load, then the check ----

  public static int readIA(int[] a, int i, int site, Txn t) {
    int v = a[i];
    return t.inPlace ? v : (int) t.spec.checkBits(a, ARRAY, i, site, v);
  }

  public static long readJA(long[] a, int i, int site, Txn t) {
    long v = a[i];
    return t.inPlace ? v : t.spec.checkBits(a, ARRAY, i, site, v);
  }

  public static float readFA(float[] a, int i, int site, Txn t) {
    float v = a[i];
    return t.inPlace ? v : Float.intBitsToFloat((int) t.spec.checkBits(a, ARRAY, i, site, Float.floatToRawIntBits(v)));
  }

  public static double readDA(double[] a, int i, int site, Txn t) {
    double v = a[i];
    return t.inPlace ? v : Double.longBitsToDouble(t.spec.checkBits(a, ARRAY, i, site, Double.doubleToRawLongBits(v)));
  }

  /** {@code baload} serves both {@code byte[]} and {@code boolean[]}. */
  public static int readBA(Object a, int i, int site, Txn t) {
    int v = (int) ArrayElements.getBits(a, i);
    return t.inPlace ? v : (int) t.spec.checkBits(a, ARRAY, i, site, v);
  }

  public static int readCA(char[] a, int i, int site, Txn t) {
    char v = a[i];
    return t.inPlace ? v : (int) t.spec.checkBits(a, ARRAY, i, site, v);
  }

  public static int readSA(short[] a, int i, int site, Txn t) {
    short v = a[i];
    return t.inPlace ? v : (int) t.spec.checkBits(a, ARRAY, i, site, v);
  }

  public static Object readAA(Object[] a, int i, int site, Txn t) {
    Object v = a[i];
    return t.inPlace ? v : t.spec.checkRef(a, ARRAY, i, site, v);
  }

  public static void writeIA(int[] a, int i, int v, Txn t) {
    if (t.inPlace) {
      writeIAInPlace(a, i, v, t);
    } else {
      ArrayElements.checkIndex(a.length, i);
      t.spec.writeBits(a, ARRAY, i, Orecs.index(a, i), v);
    }
  }

  public static void writeJA(long[] a, int i, long v, Txn t) {
    if (t.inPlace) {
      writeJAInPlace(a, i, v, t);
    } else {
      ArrayElements.checkIndex(a.length, i);
      t.spec.writeBits(a, ARRAY, i, Orecs.index(a, i), v);
    }
  }

  public static void writeFA(float[] a, int i, float v, Txn t) {
    writeElementBits(a, a.length, i, Float.floatToRawIntBits(v), t);
  }

  public static void writeDA(double[] a, int i, double v, Txn t) {
    writeElementBits(a, a.length, i, Double.doubleToRawLongBits(v), t);
  }

  public static void writeBA(Object a, int i, int v, Txn t) {
    boolean isBoolean = a instanceof boolean[];
    writeElementBits(a, isBoolean ? ((boolean[]) a).length : ((byte[]) a).length, i, isBoolean ? v & 1 : (byte) v, t);
  }

  public static void writeCA(char[] a, int i, int v, Txn t) {
    writeElementBits(a, a.length, i, (char) v, t);
  }

  public static void writeSA(short[] a, int i, int v, Txn t) {
    writeElementBits(a, a.length, i, (short) v, t);
  }

  public static void writeAA(Object[] a, int i, Object v, Txn t) {
    if (t.inPlace) {
      writeAAInPlace(a, i, v, t);
    } else {
      ArrayElements.checkStore(a, i, v); // the logged store would check nothing: check now, on time
      t.spec.writeRef(a, ARRAY, i, Orecs.index(a, i), v);
    }
  }

  /** The generic element store (the bits convention of {@link ArrayElements}). */
  private static void writeElementBits(Object a, int length, int i, long v, Txn t) {
    if (t.inPlace) {
      writeElementBitsInPlace(a, length, i, v, t);
    } else {
      ArrayElements.checkIndex(length, i);
      t.spec.writeBits(a, ARRAY, i, Orecs.index(a, i), v);
    }
  }

  // ---- array stores of the alone twins ({@code m$alone}), which run only in place ----

  public static void writeIAInPlace(int[] a, int i, int v, Txn t) {
    t.beforeInPlaceBits(a, ARRAY, i, a[i]);
    a[i] = v;
  }

  public static void writeJAInPlace(long[] a, int i, long v, Txn t) {
    t.beforeInPlaceBits(a, ARRAY, i, a[i]);
    a[i] = v;
  }

  public static void writeFAInPlace(float[] a, int i, float v, Txn t) {
    writeElementBitsInPlace(a, a.length, i, Float.floatToRawIntBits(v), t);
  }

  public static void writeDAInPlace(double[] a, int i, double v, Txn t) {
    writeElementBitsInPlace(a, a.length, i, Double.doubleToRawLongBits(v), t);
  }

  public static void writeBAInPlace(Object a, int i, int v, Txn t) {
    boolean isBoolean = a instanceof boolean[];
    writeElementBitsInPlace(a, isBoolean ? ((boolean[]) a).length : ((byte[]) a).length, i, isBoolean ? v & 1 : (byte) v, t);
  }

  public static void writeCAInPlace(char[] a, int i, int v, Txn t) {
    writeElementBitsInPlace(a, a.length, i, (char) v, t);
  }

  public static void writeSAInPlace(short[] a, int i, int v, Txn t) {
    writeElementBitsInPlace(a, a.length, i, (short) v, t);
  }

  public static void writeAAInPlace(Object[] a, int i, Object v, Txn t) {
    // the JVM's own checks, at the store (one that throws leaves the undo entry with the old value)
    t.beforeInPlaceRef(a, ARRAY, i, a[i]);
    a[i] = v;
  }

  private static void writeElementBitsInPlace(Object a, int length, int i, long v, Txn t) {
    ArrayElements.checkIndex(length, i);
    t.beforeInPlaceBits(a, ARRAY, i, ArrayElements.getBits(a, i));
    ArrayElements.setBits(a, i, v);
  }

  /**
   * {@code System.arraycopy} inside a block: in place when the block runs in place (its old
   * elements kept first), else element by element through the barriers, reading everything before
   * writing anything, as if through a temporary array (the JDK's contract).
   */
  public static void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length, int site, Txn t) {
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
    if (t.inPlace) {
      if (length > 0) {
        t.beforeInPlaceRange(dst, dstPos, length);
      }
      System.arraycopy(src, srcPos, dst, dstPos, length);
    } else if (refs) {
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
        tmp[i] = readElementBits(src, srcPos + i, site, t);
      }
      for (int i = 0; i < length; i++) {
        t.spec.writeBits(dst, ARRAY, dstPos + i, Orecs.index(dst, dstPos + i), tmp[i]);
      }
    }
  }

  /** A speculative read of any primitive element, in the bits convention. */
  private static long readElementBits(Object a, int i, int site, Txn t) {
    return t.spec.checkBits(a, ARRAY, i, site, ArrayElements.getBits(a, i));
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
        ArrayElements.setBits(copy, i, readElementBits(array, i, site, t));
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
