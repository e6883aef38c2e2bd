package dev.ame.runtime;

import java.util.Arrays;

/**
 * Transactional versions of JDK array code that has no twin: the accessors of
 * {@code java.lang.reflect.Array} (all native), the sort of primitive arrays (intrinsics, and on
 * JDK 25 lambdas of the JDK's own), and the mismatch search behind {@code Arrays.equals} (raw
 * memory reads). Each reads and writes elements through the barriers, with the JDK's own
 * exceptions.
 */
final class ArraySpecials {
  private static final int SITE = Sites.register("java.lang.reflect.Array / java.util.Arrays", "array element");

  private ArraySpecials() {}

  // ---- elements of any array, boxed or in the bits convention of FieldRef ----

  /** The element as this block sees it, boxed as {@code Array.get} boxes it. */
  static Object get(Object a, int i, Txn t) {
    if (a instanceof Object[] x) return Barriers.readAA(x, i, SITE, t);
    if (a instanceof int[] x) return Barriers.readIA(x, i, SITE, t);
    if (a instanceof long[] x) return Barriers.readJA(x, i, SITE, t);
    if (a instanceof double[] x) return Barriers.readDA(x, i, SITE, t);
    if (a instanceof float[] x) return Barriers.readFA(x, i, SITE, t);
    if (a instanceof byte[] x) return (byte) Barriers.readBA(x, i, SITE, t);
    if (a instanceof char[] x) return (char) Barriers.readCA(x, i, SITE, t);
    if (a instanceof short[] x) return (short) Barriers.readSA(x, i, SITE, t);
    if (a instanceof boolean[] x) return Barriers.readBA(x, i, SITE, t) != 0;
    throw notAnArray(a);
  }

  /** {@code Array.set}: unboxes and widens as the JDK does. */
  static void set(Object a, int i, Object v, Txn t) {
    if (a instanceof Object[] x) {
      if (v != null && !x.getClass().getComponentType().isInstance(v)) {
        throw new IllegalArgumentException("array element type mismatch");
      }
      Barriers.writeAA(x, i, v, t);
    } else if (v instanceof Boolean b) {
      if (!(a instanceof boolean[] x)) throw mismatch(a);
      Barriers.writeBA(x, i, b ? 1 : 0, t);
    } else if (v instanceof Character c) {
      setChar(a, i, c, t);
    } else if (v instanceof Byte b) {
      setByte(a, i, b, t);
    } else if (v instanceof Short s) {
      setShort(a, i, s, t);
    } else if (v instanceof Integer n) {
      setInt(a, i, n, t);
    } else if (v instanceof Long n) {
      setLong(a, i, n, t);
    } else if (v instanceof Float f) {
      setFloat(a, i, f, t);
    } else if (v instanceof Double d) {
      setDouble(a, i, d, t);
    } else {
      throw a != null && a.getClass().isArray() ? mismatch(a) : notAnArray(a);
    }
  }

  static boolean getBoolean(Object a, int i, Txn t) {
    if (a instanceof boolean[]) return (Boolean) get(a, i, t);
    throw mismatchOrNotAnArray(a);
  }

  static byte getByte(Object a, int i, Txn t) {
    if (a instanceof byte[]) return (Byte) get(a, i, t);
    throw mismatchOrNotAnArray(a);
  }

  static char getChar(Object a, int i, Txn t) {
    if (a instanceof char[]) return (Character) get(a, i, t);
    throw mismatchOrNotAnArray(a);
  }

  static short getShort(Object a, int i, Txn t) {
    if (a instanceof short[] || a instanceof byte[]) return ((Number) get(a, i, t)).shortValue();
    throw mismatchOrNotAnArray(a);
  }

  static int getInt(Object a, int i, Txn t) {
    if (a instanceof int[] || a instanceof short[] || a instanceof byte[]) return ((Number) get(a, i, t)).intValue();
    if (a instanceof char[]) return (Character) get(a, i, t);
    throw mismatchOrNotAnArray(a);
  }

  static long getLong(Object a, int i, Txn t) {
    if (a instanceof long[]) return (Long) get(a, i, t);
    return getInt(a, i, t);
  }

  static float getFloat(Object a, int i, Txn t) {
    if (a instanceof float[]) return (Float) get(a, i, t);
    return getLong(a, i, t);
  }

  static double getDouble(Object a, int i, Txn t) {
    if (a instanceof double[]) return (Double) get(a, i, t);
    return getFloat(a, i, t);
  }

  static void setBoolean(Object a, int i, boolean v, Txn t) {
    if (!(a instanceof boolean[] x)) throw mismatchOrNotAnArray(a);
    Barriers.writeBA(x, i, v ? 1 : 0, t);
  }

  static void setByte(Object a, int i, byte v, Txn t) {
    if (a instanceof byte[] x) Barriers.writeBA(x, i, v, t);
    else setShort(a, i, v, t);
  }

  static void setChar(Object a, int i, char v, Txn t) {
    if (a instanceof char[] x) Barriers.writeCA(x, i, v, t);
    else setIntOnly(a, i, v, t);
  }

  static void setShort(Object a, int i, short v, Txn t) {
    if (a instanceof short[] x) Barriers.writeSA(x, i, v, t);
    else setIntOnly(a, i, v, t);
  }

  static void setInt(Object a, int i, int v, Txn t) {
    setIntOnly(a, i, v, t);
  }

  private static void setIntOnly(Object a, int i, int v, Txn t) {
    if (a instanceof int[] x) Barriers.writeIA(x, i, v, t);
    else setLong(a, i, v, t);
  }

  static void setLong(Object a, int i, long v, Txn t) {
    if (a instanceof long[] x) Barriers.writeJA(x, i, v, t);
    else setFloat(a, i, v, t);
  }

  static void setFloat(Object a, int i, float v, Txn t) {
    if (a instanceof float[] x) Barriers.writeFA(x, i, v, t);
    else setDouble(a, i, v, t);
  }

  static void setDouble(Object a, int i, double v, Txn t) {
    if (a instanceof double[] x) Barriers.writeDA(x, i, v, t);
    else throw mismatchOrNotAnArray(a);
  }

  private static RuntimeException mismatchOrNotAnArray(Object a) {
    return a != null && a.getClass().isArray() ? mismatch(a) : notAnArray(a);
  }

  private static RuntimeException notAnArray(Object a) {
    return a == null ? new NullPointerException() : new IllegalArgumentException("Argument is not an array");
  }

  private static RuntimeException mismatch(Object a) {
    return new IllegalArgumentException("argument type mismatch");
  }

  // ---- java.util.Arrays.sort of a primitive array, jdk.internal.util.ArraysSupport.mismatch ----

  /**
   * Sorts {@code [from, to)}: the elements as this block sees them are copied out, sorted by the
   * JDK (a pure function of them), and those that moved written back through the barriers.
   */
  static void sort(Object a, int from, int to, Txn t) {
    int length = java.lang.reflect.Array.getLength(a);
    if (from > to) {
      throw new IllegalArgumentException("fromIndex(" + from + ") > toIndex(" + to + ")");
    }
    if (from < 0) {
      throw new ArrayIndexOutOfBoundsException(from);
    }
    if (to > length) {
      throw new ArrayIndexOutOfBoundsException(to);
    }
    Object copy = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), to - from);
    for (int i = from; i < to; i++) {
      java.lang.reflect.Array.set(copy, i - from, get(a, i, t));
    }
    Object sorted = sortCopy(copy);
    for (int i = from; i < to; i++) {
      Object v = java.lang.reflect.Array.get(sorted, i - from);
      if (!v.equals(java.lang.reflect.Array.get(copy, i - from))) {
        set(a, i, v, t);
      }
    }
  }

  static void sort(Object a, Txn t) {
    sort(a, 0, java.lang.reflect.Array.getLength(a), t);
  }

  private static Object sortCopy(Object copy) {
    Object sorted;
    if (copy instanceof int[] x) { int[] s = x.clone(); Arrays.sort(s); sorted = s; }
    else if (copy instanceof long[] x) { long[] s = x.clone(); Arrays.sort(s); sorted = s; }
    else if (copy instanceof double[] x) { double[] s = x.clone(); Arrays.sort(s); sorted = s; }
    else if (copy instanceof float[] x) { float[] s = x.clone(); Arrays.sort(s); sorted = s; }
    else if (copy instanceof byte[] x) { byte[] s = x.clone(); Arrays.sort(s); sorted = s; }
    else if (copy instanceof char[] x) { char[] s = x.clone(); Arrays.sort(s); sorted = s; }
    else if (copy instanceof short[] x) { short[] s = x.clone(); Arrays.sort(s); sorted = s; }
    else throw new IllegalArgumentException("not a primitive array: " + copy.getClass().getName());
    return sorted;
  }

  /**
   * The first relative index {@code i < length} where the two ranges differ, or -1 (floating-point
   * NaNs are equal, as in {@code Arrays.equals}); the elements read through the barriers.
   */
  static int mismatch(Object a, int aFrom, Object b, int bFrom, int length, Txn t) {
    for (int i = 0; i < length; i++) {
      Object x = get(a, aFrom + i, t);
      Object y = get(b, bFrom + i, t);
      if (!x.equals(y)) { // Float/Double.equals compare bits with NaNs canonical, as floatToIntBits does
        return i;
      }
    }
    return -1;
  }

  static int mismatch(Object a, Object b, int length, Txn t) {
    return mismatch(a, 0, b, 0, length, t);
  }

  // ---- java.util.Arrays.copyOf, copyOfRange: a new array, filled in place ----

  /**
   * The copy of {@code [from, to)} (padded with defaults past the end) into a new array of
   * {@code component}: the source read through the barriers, the copy written directly, as it is
   * the block's own until it commits. Code that runs as it is (a {@code String} built from the
   * copy) then sees the copy whole.
   */
  private static Object copy(Object original, int from, int to, Class<?> component, Txn t) {
    int length = java.lang.reflect.Array.getLength(original); // NullPointerException as the JDK's
    Object copy = java.lang.reflect.Array.newInstance(component, to - from);
    int end = Math.min(to, length);
    if (t.inPlace) {
      if (end > from) {
        System.arraycopy(original, from, copy, 0, end - from);
      }
      return copy;
    }
    boolean references = copy instanceof Object[];
    for (int i = from; i < end; i++) {
      if (references) {
        Object v = Barriers.readAA((Object[]) original, i, SITE, t);
        if (v != null && !component.isInstance(v)) {
          throw new ArrayStoreException("arraycopy: element type mismatch: can not cast " + v.getClass().getName()
              + " to " + component.getName());
        }
        ArrayElements.setRef(copy, i - from, v);
      } else {
        ArrayElements.setBits(copy, i - from, bits(original, i, t));
      }
    }
    return copy;
  }

  private static long bits(Object a, int i, Txn t) {
    if (a instanceof int[] x) return Barriers.readIA(x, i, SITE, t);
    if (a instanceof long[] x) return Barriers.readJA(x, i, SITE, t);
    if (a instanceof byte[] x) return (byte) Barriers.readBA(x, i, SITE, t);
    if (a instanceof char[] x) return Barriers.readCA(x, i, SITE, t);
    if (a instanceof boolean[] x) return Barriers.readBA(x, i, SITE, t);
    if (a instanceof short[] x) return Barriers.readSA(x, i, SITE, t);
    if (a instanceof double[] x) return Double.doubleToRawLongBits(Barriers.readDA(x, i, SITE, t));
    if (a instanceof float[] x) return Float.floatToRawIntBits(Barriers.readFA(x, i, SITE, t));
    throw new IllegalArgumentException("not a primitive array: " + a.getClass().getName());
  }

  static Object copyOf(Object original, int newLength, Txn t) {
    return copyOf(original, newLength, original.getClass(), t);
  }

  static Object copyOf(Object original, int newLength, Class<?> newType, Txn t) {
    if (newLength < 0) {
      throw new NegativeArraySizeException(Integer.toString(newLength));
    }
    return copy(original, 0, newLength, newType.getComponentType(), t);
  }

  static Object copyOfRange(Object original, int from, int to, Txn t) {
    return copyOfRange(original, from, to, original.getClass(), t);
  }

  static Object copyOfRange(Object original, int from, int to, Class<?> newType, Txn t) {
    int length = java.lang.reflect.Array.getLength(original);
    if (from > to) {
      throw new IllegalArgumentException(from + " > " + to);
    }
    if (from < 0 || from > length) {
      throw new ArrayIndexOutOfBoundsException("Array index out of range: " + from);
    }
    return copy(original, from, to, newType.getComponentType(), t);
  }

  /**
   * For code that runs as it is and reads an array the block may have written (a {@code String}
   * made of it): the array as the current block sees it, whole, as a new array; the array itself
   * outside a block or when the block writes in place.
   */
  static Object materialized(Object array) {
    Txn t = Txn.current();
    if (array == null || !t.isActive() || t.inPlace) {
      return array;
    }
    int length = java.lang.reflect.Array.getLength(array);
    return copy(array, 0, length, array.getClass().getComponentType(), t);
  }
}
