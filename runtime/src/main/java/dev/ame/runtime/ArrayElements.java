package dev.ame.runtime;

/**
 * Generic access to array elements for write-back and validation, in the bits convention of
 * {@link FieldRef}. Arrays need no registration: their element type is known from their class.
 */
final class ArrayElements {
  private ArrayElements() {}

  static boolean isReference(Object array) {
    return array instanceof Object[];
  }

  static long getBits(Object a, int i) {
    if (a instanceof int[] x) return x[i];
    if (a instanceof long[] x) return x[i];
    if (a instanceof double[] x) return Double.doubleToRawLongBits(x[i]);
    if (a instanceof float[] x) return Float.floatToRawIntBits(x[i]);
    if (a instanceof byte[] x) return x[i];
    if (a instanceof char[] x) return x[i];
    if (a instanceof short[] x) return x[i];
    if (a instanceof boolean[] x) return x[i] ? 1 : 0;
    throw new IllegalArgumentException("not a primitive array: " + a.getClass().getName());
  }

  static void setBits(Object a, int i, long bits) {
    if (a instanceof int[] x) x[i] = (int) bits;
    else if (a instanceof long[] x) x[i] = bits;
    else if (a instanceof double[] x) x[i] = Double.longBitsToDouble(bits);
    else if (a instanceof float[] x) x[i] = Float.intBitsToFloat((int) bits);
    else if (a instanceof byte[] x) x[i] = (byte) bits;
    else if (a instanceof char[] x) x[i] = (char) bits;
    else if (a instanceof short[] x) x[i] = (short) bits;
    else if (a instanceof boolean[] x) x[i] = (bits & 1) != 0;
    else throw new IllegalArgumentException("not a primitive array: " + a.getClass().getName());
  }

  static Object getRef(Object a, int i) {
    return ((Object[]) a)[i];
  }

  static void setRef(Object a, int i, Object v) {
    ((Object[]) a)[i] = v;
  }

  /** The store's own checks, made when the store is logged so that the exception is on time. */
  static void checkStore(Object[] a, int i, Object v) {
    checkIndex(a.length, i);
    if (v != null && !a.getClass().getComponentType().isInstance(v)) {
      throw new ArrayStoreException(v.getClass().getName());
    }
  }

  static void checkIndex(int length, int i) {
    if (i < 0 || i >= length) {
      throw new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for length " + length);
    }
  }
}
