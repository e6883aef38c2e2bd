package dev.ame.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The two things a constructor's twin needs that bytecode outside the constructor cannot do:
 * allocating an object without running a constructor, and storing into a final field of it.
 * Both go through the JDK's internal {@code jdk.internal.misc.Unsafe} (reached with java.base's
 * own lookup, so no package is exported for it and nothing is printed), only ever on objects that
 * the block has just allocated and nobody else can see. (This is what deserialization does.)
 */
final class JdkUnsafe {
  private JdkUnsafe() {}

  /** The internal Unsafe, resolved once; null when the agent gave no java.base lookup. */
  private static final class Holder {
    static final Class<?> UNSAFE_CLASS;
    static final Object UNSAFE;
    static final MethodHandles.Lookup LOOKUP;

    static {
      Class<?> c = null;
      Object u = null;
      MethodHandles.Lookup l = null;
      try {
        MethodHandles.Lookup base = JdkTwins.javaBase();
        if (base != null) {
          c = Class.forName("jdk.internal.misc.Unsafe", false, null);
          l = MethodHandles.privateLookupIn(c, base);
          u = l.findStatic(c, "getUnsafe", MethodType.methodType(c)).invoke();
        }
      } catch (Throwable e) {
        c = null;
        u = null;
        l = null;
      }
      UNSAFE_CLASS = c;
      UNSAFE = u;
      LOOKUP = l;
    }
  }

  static boolean available() {
    return Holder.UNSAFE != null;
  }

  /** {@code ()c}: a new instance of {@code c}, its fields at their default values. */
  static MethodHandle allocator(Class<?> c) throws ReflectiveOperationException {
    MethodHandle allocate = Holder.LOOKUP.findVirtual(Holder.UNSAFE_CLASS, "allocateInstance",
        MethodType.methodType(Object.class, Class.class)).bindTo(Holder.UNSAFE);
    return MethodHandles.insertArguments(allocate, 0, c).asType(MethodType.methodType(c));
  }

  /** {@code (Object holder, T value)void}: stores into the (final) field {@code owner.name} of type {@code T}. */
  static MethodHandle finalSetter(Class<?> owner, String name, Class<?> type) throws ReflectiveOperationException {
    if (!available()) {
      throw new IllegalStateException("AME: no access to java.base's Unsafe for a final field of " + owner.getName());
    }
    long offset;
    try {
      offset = (long) Holder.LOOKUP.findVirtual(Holder.UNSAFE_CLASS, "objectFieldOffset",
          MethodType.methodType(long.class, Class.class, String.class)).invoke(Holder.UNSAFE, owner, name);
    } catch (ReflectiveOperationException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    String kind = type.isPrimitive() ? Character.toUpperCase(type.getName().charAt(0)) + type.getName().substring(1) : "Reference";
    Class<?> stored = type.isPrimitive() ? type : Object.class;
    MethodHandle put = Holder.LOOKUP.findVirtual(Holder.UNSAFE_CLASS, "put" + kind,
        MethodType.methodType(void.class, Object.class, long.class, stored)).bindTo(Holder.UNSAFE);
    return MethodHandles.insertArguments(put, 1, offset).asType(MethodType.methodType(void.class, Object.class, type));
  }
}
