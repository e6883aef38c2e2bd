package dev.ame.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One field that rewritten code accesses inside transactions, with accessors erased to two shapes:
 * primitives as raw {@code long} bits, references as {@code Object}. Commit write-back, value-based
 * validation and the slow read path use these; the fast read path uses the caller's own inline
 * {@code getfield}.
 *
 * <p>Bits convention (shared with {@link Barriers} and {@link ArrayElements}): int-like values are
 * sign-extended ({@code char} zero-extended, {@code boolean} 0/1), {@code float}/{@code double}
 * are their raw IEEE bits.
 */
final class FieldRef {
  private static final MethodHandle FLOAT_TO_BITS;
  private static final MethodHandle BITS_TO_FLOAT;
  private static final MethodHandle DOUBLE_TO_BITS;
  private static final MethodHandle BITS_TO_DOUBLE;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      FLOAT_TO_BITS = l.findStatic(FieldRef.class, "floatBits", MethodType.methodType(long.class, float.class));
      BITS_TO_FLOAT = l.findStatic(FieldRef.class, "bitsFloat", MethodType.methodType(float.class, long.class));
      DOUBLE_TO_BITS = l.findStatic(Double.class, "doubleToRawLongBits", MethodType.methodType(long.class, double.class));
      BITS_TO_DOUBLE = l.findStatic(Double.class, "longBitsToDouble", MethodType.methodType(double.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final int id;
  final String name;
  final boolean isStatic;
  final boolean isReference;
  private final MethodHandle get; // (Object)long or (Object)Object
  private final MethodHandle set; // (Object,long)void or (Object,Object)void

  FieldRef(int id, String name, boolean isStatic, Class<?> type, MethodHandle getter, MethodHandle setter) {
    this.id = id;
    this.name = name;
    this.isStatic = isStatic;
    this.isReference = !type.isPrimitive();
    MethodHandle g = isStatic ? MethodHandles.dropArguments(getter, 0, Object.class) : getter;
    MethodHandle s = isStatic ? MethodHandles.dropArguments(setter, 0, Object.class) : setter;
    if (isReference) {
      this.get = g.asType(MethodType.methodType(Object.class, Object.class));
      this.set = s.asType(MethodType.methodType(void.class, Object.class, Object.class));
    } else if (type == float.class) {
      this.get = MethodHandles.filterReturnValue(g, FLOAT_TO_BITS).asType(MethodType.methodType(long.class, Object.class));
      this.set = MethodHandles.filterArguments(s, 1, BITS_TO_FLOAT).asType(MethodType.methodType(void.class, Object.class, long.class));
    } else if (type == double.class) {
      this.get = MethodHandles.filterReturnValue(g, DOUBLE_TO_BITS).asType(MethodType.methodType(long.class, Object.class));
      this.set = MethodHandles.filterArguments(s, 1, BITS_TO_DOUBLE).asType(MethodType.methodType(void.class, Object.class, long.class));
    } else {
      this.get = MethodHandles.explicitCastArguments(g, MethodType.methodType(long.class, Object.class));
      this.set = MethodHandles.explicitCastArguments(s, MethodType.methodType(void.class, Object.class, long.class));
    }
  }

  long getBits(Object holder) {
    try {
      return (long) get.invokeExact(holder);
    } catch (Throwable t) {
      throw Barriers.sneaky(t);
    }
  }

  Object getRef(Object holder) {
    try {
      return (Object) get.invokeExact(holder);
    } catch (Throwable t) {
      throw Barriers.sneaky(t);
    }
  }

  void setBits(Object holder, long bits) {
    try {
      set.invokeExact(holder, bits);
    } catch (Throwable t) {
      throw Barriers.sneaky(t);
    }
  }

  void setRef(Object holder, Object value) {
    try {
      set.invokeExact(holder, value);
    } catch (Throwable t) {
      throw Barriers.sneaky(t);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  static long floatBits(float f) {
    return Float.floatToRawIntBits(f);
  }

  static float bitsFloat(long bits) {
    return Float.intBitsToFloat((int) bits);
  }
}
