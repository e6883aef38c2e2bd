package dev.ame.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decisions that depend on the class of the receiver, cached per class.
 *
 * <p>{@link #byReceiver}: a virtual call whose static owner has no twin (a JDK interface such as
 * {@code Runnable}, or {@code Object.equals}) still reaches the receiver's twin when the
 * receiver's class was rewritten; for any other receiver it calls the original method, after
 * making the transaction irrevocable unless the implementation is a {@link SafeCalls safe} one.
 *
 * <p>{@link #overriddenOutside}: the guard at the top of an overridable twin. The JVM dispatched
 * to this twin because no subclass between the receiver's class and the twin's class declares
 * the twin; if one of them declares the <em>original</em> method (a class that was not rewritten),
 * that override must run, so the twin calls it instead of silently skipping it.
 */
public final class Dispatch {
  private static final MethodHandle SELECT;
  private static final ClassValue<ConcurrentHashMap<String, Boolean>> OVERRIDES = new ClassValue<>() {
    @Override
    protected ConcurrentHashMap<String, Boolean> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  static {
    try {
      SELECT = MethodHandles.lookup().findVirtual(Site.class, "select", MethodType.methodType(MethodHandle.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Dispatch() {}

  static MethodHandle byReceiver(String name, String descriptor, MethodType type, MethodHandle original, String site) {
    Site s = new Site(name, descriptor, type, original, site);
    MethodHandle selector = SELECT.bindTo(s).asType(MethodType.methodType(MethodHandle.class, type.parameterType(0)));
    return MethodHandles.foldArguments(MethodHandles.exactInvoker(type), 0, selector);
  }

  /** Runs a {@code Runnable} inside a transaction: its twin if its class has one. */
  static void run(Runnable r, Txn t) throws Throwable {
    RUNNABLE.select(r).invokeExact((Object) r, t);
  }

  /** Calls a {@code Supplier} inside a transaction: its twin if its class has one. */
  static Object get(java.util.function.Supplier<?> s, Txn t) throws Throwable {
    return (Object) SUPPLIER.select(s).invokeExact((Object) s, t);
  }

  private static final Site RUNNABLE = siteOf(Runnable.class, "run", MethodType.methodType(void.class), "Ame.atomic(Runnable)");
  private static final Site SUPPLIER = siteOf(java.util.function.Supplier.class, "get", MethodType.methodType(Object.class), "Ame.atomic(Supplier)");

  private static Site siteOf(Class<?> itf, String name, MethodType original, String site) {
    try {
      MethodHandle m = MethodHandles.publicLookup().findVirtual(itf, name, original).asType(original.insertParameterTypes(0, Object.class));
      MethodType type = original.insertParameterTypes(0, Object.class).appendParameterTypes(Txn.class);
      return new Site(name, original.toMethodDescriptorString(), type, m, site);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The guard of an overridable twin.
   *
   * @param receiver {@code this}
   * @param declaring the class whose twin is running
   * @param name the method name
   * @param descriptor the original method's descriptor
   * @return true when the receiver's class, or a class between it and {@code declaring}, overrides
   *     the method without a twin, so the override must be called instead
   */
  public static boolean overriddenOutside(Object receiver, Class<?> declaring, String name, String descriptor) {
    Class<?> type = receiver.getClass();
    if (type == declaring) {
      return false;
    }
    String key = declaring.getName() + '.' + name + descriptor;
    Boolean known = OVERRIDES.get(type).get(key);
    if (known == null) {
      known = declaresOverride(type, declaring, name, descriptor);
      OVERRIDES.get(type).put(key, known);
    }
    return known;
  }

  private static boolean declaresOverride(Class<?> type, Class<?> declaring, String name, String descriptor) {
    for (Class<?> c = type; c != null && c != declaring; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        int mod = m.getModifiers();
        if (m.getName().equals(name) && !Modifier.isStatic(mod) && !Modifier.isPrivate(mod)
            && !Modifier.isAbstract(mod) && descriptor.equals(descriptorOf(m))) {
          return true; // reached here, so this override has no twin
        }
      }
    }
    return false;
  }

  static String descriptorOf(Method m) {
    return MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
  }

  /** One call site's per-receiver-class choice, with a one-entry inline cache. */
  static final class Site {
    private final String name;
    private final String descriptor;
    private final MethodType type;
    private final MethodHandle original;
    private final String site;
    private final ClassValue<MethodHandle> targets = new ClassValue<>() {
      @Override
      protected MethodHandle computeValue(Class<?> receiver) {
        return targetFor(receiver);
      }
    };
    private volatile Class<?> lastClass;
    private volatile MethodHandle lastTarget;

    Site(String name, String descriptor, MethodType type, MethodHandle original, String site) {
      this.name = name;
      this.descriptor = descriptor;
      this.type = type;
      this.original = original;
      this.site = site;
    }

    MethodHandle select(Object receiver) {
      Class<?> c = receiver.getClass(); // null receiver: NullPointerException, as the call would
      MethodHandle t = lastTarget;
      if (lastClass == c && t != null) {
        return t;
      }
      t = targets.get(c);
      lastTarget = null;
      lastClass = c;
      lastTarget = t;
      return t;
    }

    private MethodHandle targetFor(Class<?> receiver) {
      MethodType twinType = type.dropParameterTypes(0, 1);
      try {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(receiver, MethodHandles.lookup());
        MethodHandle twin = lookup.findVirtual(receiver, name + Linker.TWIN_SUFFIX, twinType);
        return twin.asType(type);
      } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
        // no twin: the receiver's class was not rewritten
      }
      Class<?> implementor = implementor(receiver);
      String owner = implementor == null ? "?" : implementor.getName().replace('.', '/');
      if (SafeCalls.isSafe(owner, name, descriptor)) {
        return MethodHandles.dropArguments(original, type.parameterCount() - 1, Txn.class).asType(type);
      }
      return Linker.irrevocableThen(original, type, receiver.getName() + "." + name + " called at " + site).asType(type);
    }

    private Class<?> implementor(Class<?> receiver) {
      for (Class<?> c = receiver; c != null; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          if (m.getName().equals(name) && !Modifier.isAbstract(m.getModifiers()) && descriptor.equals(descriptorOf(m))) {
            return c;
          }
        }
      }
      return null;
    }
  }
}
