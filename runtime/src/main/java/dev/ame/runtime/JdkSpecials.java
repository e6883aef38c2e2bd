package dev.ame.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * JDK methods that have no twin (native, intrinsic, or touching memory through {@code Unsafe})
 * and yet need not make a block irrevocable: either their original code is safe inside a block,
 * or a hand-written transactional version stands in for it.
 *
 * <p>Safe originals read only identity, class metadata, immutable state, or state of the calling
 * thread that no roll-back needs to restore: {@code Object.hashCode}, {@code Class.isInstance},
 * {@code Reference.get} (a {@code ThreadLocal}'s weak key), {@code Array.newInstance},
 * every method of {@code ThreadLocalRandom} (its seed is the thread's own: a roll-back leaves it
 * advanced, which no program can tell from another random draw).
 *
 * <p>Transactional versions: {@code java.lang.reflect.Array}'s accessors and the sort, copy and
 * comparison of primitive arrays ({@link ArraySpecials}), atomic variables and
 * {@code Reference.clear} ({@link AtomicSpecials}), and {@code StringBuilder.append} of a number,
 * which on recent JDKs writes the digits with {@code Unsafe}: it appends the number's string
 * instead (the same characters, by the method's contract), through the twin of {@code append(String)}.
 *
 * <p>Strings: a {@code String}'s methods run as they are (they are safe calls), so a string made
 * inside a block must hold what the block wrote: its constructor runs as it is, on its array
 * arguments as the block sees them ({@link #stringConstructor}); {@code Arrays.copyOf}, which
 * builders use to make strings, fills its new array in place.
 */
final class JdkSpecials {
  private static final Set<String> ORIGINALS = Set.of(
      "java/lang/Object.hashCode()I",
      "java/lang/Object.equals(Ljava/lang/Object;)Z",
      "java/lang/Class.isArray()Z",
      "java/lang/Class.isInstance(Ljava/lang/Object;)Z",
      "java/lang/Class.isInterface()Z",
      "java/lang/Class.isPrimitive()Z",
      "java/lang/Class.isEnum()Z",
      "java/lang/Class.isHidden()Z",
      "java/lang/Class.getComponentType()Ljava/lang/Class;",
      "java/lang/Class.componentType()Ljava/lang/Class;",
      "java/lang/Class.getSuperclass()Ljava/lang/Class;",
      "java/lang/Class.getModifiers()I",
      "java/lang/Class.isAssignableFrom(Ljava/lang/Class;)Z",
      "java/lang/Class.cast(Ljava/lang/Object;)Ljava/lang/Object;",
      "java/lang/Class.getGenericInterfaces()[Ljava/lang/reflect/Type;",
      "java/lang/Class.desiredAssertionStatus()Z",
      "sun/reflect/generics/reflectiveObjects/ParameterizedTypeImpl.getRawType()Ljava/lang/reflect/Type;",
      "sun/reflect/generics/reflectiveObjects/ParameterizedTypeImpl.getActualTypeArguments()[Ljava/lang/reflect/Type;",
      "java/lang/ref/Reference.get()Ljava/lang/Object;",
      "java/lang/ref/Reference.refersTo(Ljava/lang/Object;)Z",
      "java/lang/Thread.currentCarrierThread()Ljava/lang/Thread;",
      "java/lang/Thread.isVirtual()Z",
      "java/lang/reflect/Array.getLength(Ljava/lang/Object;)I",
      "java/lang/reflect/Array.newInstance(Ljava/lang/Class;I)Ljava/lang/Object;");

  /** Constructors of JDK classes that touch nothing but their new object (on JDK 17 and 25). */
  private static final Set<String> SAFE_CONSTRUCTORS = Set.of(
      "java/util/concurrent/atomic/AtomicLong.(J)V", "java/util/concurrent/atomic/AtomicLong.()V",
      "java/util/concurrent/atomic/AtomicInteger.(I)V", "java/util/concurrent/atomic/AtomicInteger.()V",
      "java/util/concurrent/atomic/AtomicReference.(Ljava/lang/Object;)V", "java/util/concurrent/atomic/AtomicReference.()V",
      "java/util/concurrent/atomic/AtomicBoolean.(Z)V", "java/util/concurrent/atomic/AtomicBoolean.()V",
      "java/lang/ref/WeakReference.(Ljava/lang/Object;)V");

  private static final Set<String> EXCEPTION_CONSTRUCTORS = Set.of("()V", "(Ljava/lang/String;)V", "(I)V", "(J)V",
      "(Ljava/lang/String;Ljava/lang/Throwable;)V");

  private static final Map<String, MethodHandle> TRANSACTIONAL = new HashMap<>();
  /** {@link ArraySpecials#materialized}: an array as the current block sees it. */
  private static final MethodHandle MATERIALIZED;

  static {
    MethodHandles.Lookup l = MethodHandles.lookup();
    try {
      MATERIALIZED = l.findStatic(ArraySpecials.class, "materialized", MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    String array = "java/lang/reflect/Array.";
    for (Method m : ArraySpecials.class.getDeclaredMethods()) {
      String n = m.getName();
      boolean accessor = (n.startsWith("get") || n.startsWith("set")) && m.getParameterCount() >= 3
          && m.getParameterTypes()[0] == Object.class && m.getParameterTypes()[1] == int.class;
      if (accessor && Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers())) {
        put(l, array + n, m);
      }
    }
    for (String k : new String[] {"I", "J", "S", "C", "B", "F", "D"}) {
      put(l, "java/util/Arrays.sort([" + k + ")V", ArraySpecials.class, "sort", void.class, Object.class);
      put(l, "java/util/Arrays.sort([" + k + "II)V", ArraySpecials.class, "sort", void.class, Object.class, int.class, int.class);
    }
    for (String k : new String[] {"I", "J", "S", "C", "B", "F", "D", "Z", "Ljava/lang/Object;"}) {
      String a = "[" + k;
      put(l, "java/util/Arrays.copyOf(" + a + "I)" + a, ArraySpecials.class, "copyOf", Object.class, Object.class, int.class);
      put(l, "java/util/Arrays.copyOfRange(" + a + "II)" + a, ArraySpecials.class, "copyOfRange", Object.class,
          Object.class, int.class, int.class);
    }
    put(l, "java/util/Arrays.copyOf([Ljava/lang/Object;ILjava/lang/Class;)[Ljava/lang/Object;", ArraySpecials.class,
        "copyOf", Object.class, Object.class, int.class, Class.class);
    put(l, "java/util/Arrays.copyOfRange([Ljava/lang/Object;IILjava/lang/Class;)[Ljava/lang/Object;", ArraySpecials.class,
        "copyOfRange", Object.class, Object.class, int.class, int.class, Class.class);
    for (String k : new String[] {"I", "J", "S", "C", "B", "F", "D", "Z"}) {
      String support = "jdk/internal/util/ArraysSupport.mismatch(";
      put(l, support + "[" + k + "[" + k + "I)I", ArraySpecials.class, "mismatch", int.class, Object.class, Object.class, int.class);
      put(l, support + "[" + k + "I[" + k + "II)I", ArraySpecials.class, "mismatch", int.class, Object.class, int.class,
          Object.class, int.class, int.class);
    }
  }

  private JdkSpecials() {}

  /** Registers {@code m}, whose parameters are the method's (receiver first) and a last {@code Txn}. */
  private static void put(MethodHandles.Lookup l, String methodPrefix, Method m) {
    try {
      Class<?>[] params = m.getParameterTypes();
      String descriptor = MethodType.methodType(m.getReturnType(), java.util.Arrays.copyOfRange(params, 0, params.length - 1))
          .toMethodDescriptorString();
      TRANSACTIONAL.put(methodPrefix + descriptor, l.unreflect(m));
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static void put(MethodHandles.Lookup l, String key, Class<?> in, String name, Class<?> returns, Class<?>... params) {
    try {
      TRANSACTIONAL.put(key, l.findStatic(in, name, MethodType.methodType(returns, params).appendParameterTypes(Txn.class)));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The stand-in for a JDK method without twin (of the call's {@code type}), or null.
   *
   * @param params the method's parameters (no receiver, no transaction)
   * @param original the original method, of {@code type} without the transaction
   */
  static MethodHandle bind(Class<?> declaring, Class<?> receiver, String name, MethodType params, MethodType type,
      MethodHandle original) {
    String owner = declaring.getName().replace('.', '/');
    String key = owner + "." + name + params.toMethodDescriptorString();
    if (ORIGINALS.contains(key) || declaring == java.util.concurrent.ThreadLocalRandom.class
        || receiver == java.util.concurrent.ThreadLocalRandom.class) {
      return MethodHandles.dropArguments(original, type.parameterCount() - 1, Txn.class).asType(type);
    }
    MethodHandle special = TRANSACTIONAL.get(key);
    if (special != null) {
      return special.asType(type);
    }
    if (key.equals("java/lang/reflect/Array.newInstance(Ljava/lang/Class;[I)Ljava/lang/Object;")) {
      MethodHandle dimensions = MATERIALIZED.asType(MethodType.methodType(int[].class, int[].class));
      return MethodHandles.dropArguments(MethodHandles.filterArguments(original, 1, dimensions), 2, Txn.class).asType(type);
    }
    if (owner.startsWith("java/util/concurrent/atomic/Atomic") || owner.equals("java/lang/ref/Reference")) {
      return Atomics.bind(declaring, name, params, type);
    }
    if (owner.equals("java/lang/AbstractStringBuilder") && name.equals("append") && params.parameterCount() == 1) {
      return appendNumber(params.parameterType(0), type);
    }
    return null;
  }

  /** Whether {@link #bind} would choose a stand-in or the original for this method (by name: no class is loaded). */
  static boolean hasStandIn(String owner, String name, String descriptor) {
    String key = owner + "." + name + descriptor;
    return ORIGINALS.contains(key) || TRANSACTIONAL.containsKey(key) || owner.equals("java/util/concurrent/ThreadLocalRandom")
        || owner.startsWith("java/util/concurrent/atomic/Atomic") || owner.equals("java/lang/ref/Reference")
        || owner.equals("java/lang/AbstractStringBuilder") && name.equals("append")
        || key.equals("java/lang/reflect/Array.newInstance(Ljava/lang/Class;[I)Ljava/lang/Object;");
  }

  /** Whether a constructor of a JDK class runs as it is inside a block. */
  static boolean isSafeConstructor(Class<?> c, MethodType params) {
    String descriptor = params.toMethodDescriptorString();
    String owner = c.getName().replace('.', '/');
    if (SAFE_CONSTRUCTORS.contains(owner + "." + descriptor) || SafeCalls.isSafe(owner, "<init>", descriptor)) {
      return true;
    }
    // The JDK's own exceptions, made with a message (or an index, or a cause they only keep): they
    // fill in their stack trace, no more.
    return Throwable.class.isAssignableFrom(c) && c.getModule() == Object.class.getModule()
        && EXCEPTION_CONSTRUCTORS.contains(descriptor);
  }

  /**
   * A {@code String} made inside a block, of {@code type (params..., txn)String}: its original
   * constructor, given its array arguments as the block sees them (a {@code String}'s methods run
   * as they are, so its array must hold what the block wrote); null for one that reads a builder.
   */
  static MethodHandle stringConstructor(MethodHandle original, MethodType type) {
    MethodHandle h = original;
    int txn = type.parameterCount() - 1;
    for (int i = 0; i < txn; i++) {
      Class<?> p = type.parameterType(i);
      if (p.isArray()) {
        h = MethodHandles.filterArguments(h, i, MATERIALIZED.asType(MethodType.methodType(p, p)));
      } else if (!p.isPrimitive() && !SafeCalls.isValueType(p.getName().replace('.', '/')) && p != java.nio.charset.Charset.class) {
        return null;
      }
    }
    return MethodHandles.dropArguments(h, txn, type.parameterType(txn)).asType(type);
  }

  /** {@code append(number)} as {@code append(String.valueOf(number))}, through the twin of the latter. */
  private static MethodHandle appendNumber(Class<?> number, MethodType type) {
    Class<?> builder;
    try {
      builder = Class.forName("java.lang.AbstractStringBuilder", false, null);
    } catch (ClassNotFoundException e) {
      return null;
    }
    Class<?> box = number == int.class ? Integer.class : number == long.class ? Long.class
        : number == float.class ? Float.class : number == double.class ? Double.class : null;
    MethodHandle appendString = JdkTwins.method(builder, "append" + Linker.TWIN_SUFFIX, MethodType.methodType(builder, String.class), false);
    if (box == null || appendString == null) {
      return null;
    }
    try {
      MethodHandle toText = MethodHandles.publicLookup().findStatic(box, "toString", MethodType.methodType(String.class, number));
      return MethodHandles.filterArguments(appendString, 1, toText).asType(type);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** The atomic variables' and {@code Reference.clear}'s stand-ins (their class needs java.base's lookup). */
  private static final class Atomics {
    private static final Map<String, MethodHandle> BY_KEY = new HashMap<>();

    static {
      MethodHandles.Lookup l = MethodHandles.lookup();
      add(l, "java/util/concurrent/atomic/AtomicLong", java.util.concurrent.atomic.AtomicLong.class, long.class);
      add(l, "java/util/concurrent/atomic/AtomicInteger", java.util.concurrent.atomic.AtomicInteger.class, int.class);
      add(l, "java/util/concurrent/atomic/AtomicBoolean", java.util.concurrent.atomic.AtomicBoolean.class, boolean.class);
      add(l, "java/util/concurrent/atomic/AtomicReference", java.util.concurrent.atomic.AtomicReference.class, Object.class);
      try {
        BY_KEY.put("java/lang/ref/Reference.clear()V", l.findStatic(AtomicSpecials.class, "clear",
            MethodType.methodType(void.class, java.lang.ref.Reference.class, Txn.class)));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private static void add(MethodHandles.Lookup l, String owner, Class<?> c, Class<?> v) {
      try {
        MethodHandle get = l.findStatic(AtomicSpecials.class, "get", MethodType.methodType(v, c, Txn.class));
        MethodHandle set = l.findStatic(AtomicSpecials.class, "set", MethodType.methodType(void.class, c, v, Txn.class));
        MethodHandle cas = l.findStatic(AtomicSpecials.class, "compareAndSet", MethodType.methodType(boolean.class, c, v, v, Txn.class));
        MethodHandle getAndSet = l.findStatic(AtomicSpecials.class, "getAndSet", MethodType.methodType(v, c, v, Txn.class));
        String d = MethodType.methodType(v).toMethodDescriptorString().substring(2); // the value's descriptor
        BY_KEY.put(owner + ".get()" + d, get);
        BY_KEY.put(owner + ".getPlain()" + d, get);
        BY_KEY.put(owner + ".getAcquire()" + d, get);
        BY_KEY.put(owner + ".getOpaque()" + d, get);
        BY_KEY.put(owner + ".set(" + d + ")V", set);
        BY_KEY.put(owner + ".lazySet(" + d + ")V", set);
        BY_KEY.put(owner + ".setPlain(" + d + ")V", set);
        BY_KEY.put(owner + ".setRelease(" + d + ")V", set);
        BY_KEY.put(owner + ".setOpaque(" + d + ")V", set);
        for (String n : new String[] {"compareAndSet", "weakCompareAndSet", "weakCompareAndSetPlain",
            "weakCompareAndSetVolatile", "weakCompareAndSetAcquire", "weakCompareAndSetRelease"}) {
          BY_KEY.put(owner + "." + n + "(" + d + d + ")Z", cas);
        }
        BY_KEY.put(owner + ".getAndSet(" + d + ")" + d, getAndSet);
        if (v == long.class || v == int.class) {
          MethodHandle getAndAdd = l.findStatic(AtomicSpecials.class, "getAndAdd", MethodType.methodType(v, c, v, Txn.class));
          MethodHandle addAndGet = l.findStatic(AtomicSpecials.class, "addAndGet", MethodType.methodType(v, c, v, Txn.class));
          Object one = v == long.class ? (Object) 1L : (Object) 1;
          Object minusOne = v == long.class ? (Object) (-1L) : (Object) (-1);
          BY_KEY.put(owner + ".getAndAdd(" + d + ")" + d, getAndAdd);
          BY_KEY.put(owner + ".addAndGet(" + d + ")" + d, addAndGet);
          BY_KEY.put(owner + ".getAndIncrement()" + d, MethodHandles.insertArguments(getAndAdd, 1, one));
          BY_KEY.put(owner + ".getAndDecrement()" + d, MethodHandles.insertArguments(getAndAdd, 1, minusOne));
          BY_KEY.put(owner + ".incrementAndGet()" + d, MethodHandles.insertArguments(addAndGet, 1, one));
          BY_KEY.put(owner + ".decrementAndGet()" + d, MethodHandles.insertArguments(addAndGet, 1, minusOne));
          BY_KEY.put(owner + "." + v.getName() + "Value()" + d, get);
        }
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    static MethodHandle bind(Class<?> declaring, String name, MethodType params, MethodType type) {
      MethodHandle h = BY_KEY.get(declaring.getName().replace('.', '/') + "." + name + params.toMethodDescriptorString());
      return h == null ? null : h.asType(type);
    }
  }
}
