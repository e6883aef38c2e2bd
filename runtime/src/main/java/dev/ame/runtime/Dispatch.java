package dev.ame.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * Calls whose target depends on the class of the receiver.
 *
 * <p>For each receiver class the choice is made once, by resolving the method as the JVM would
 * (the most specific non-abstract declaration, searching superclasses, then interface defaults):
 * if the declaring class also declares the twin, the twin runs; a JDK method runs its twin or
 * stand-in ({@link JdkCalls}); otherwise the original runs, after making the transaction
 * irrevocable unless {@link SafeCalls} says it is safe. A call site keeps
 * the choices in a small polymorphic inline cache of class tests that the JIT inlines; past
 * {@link #MAX_DEPTH} classes it switches to a per-class table.
 */
public final class Dispatch {
  private static final int MAX_DEPTH = 4;
  private static final MethodHandle RELINK;
  private static final MethodHandle SELECT;
  private static final MethodHandle IS_CLASS;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      RELINK = l.findVirtual(InlineCache.class, "relink", MethodType.methodType(MethodHandle.class, Object.class));
      SELECT = l.findVirtual(Site.class, "select", MethodType.methodType(MethodHandle.class, Object.class));
      IS_CLASS = l.findStatic(Dispatch.class, "isClass", MethodType.methodType(boolean.class, Class.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final Site RUNNABLE = siteOf(Runnable.class, "run", MethodType.methodType(void.class), "Ame.atomic(Runnable)");
  private static final Site SUPPLIER = siteOf(Supplier.class, "get", MethodType.methodType(Object.class), "Ame.atomic(Supplier)");
  private static final Site CALLABLE = siteOf(java.util.concurrent.Callable.class, "call", MethodType.methodType(Object.class), "AtomicExecutor task");
  private static final Site CONSUMER = siteOf(java.util.function.Consumer.class, "accept", MethodType.methodType(void.class, Object.class), "Ame.parallelFor");
  private static final Site INT_CONSUMER = siteOf(java.util.function.IntConsumer.class, "accept", MethodType.methodType(void.class, int.class), "Ame.parallelFor");

  private Dispatch() {}

  static CallSite inlineCache(String name, String descriptor, MethodType type, MethodHandle original, String site,
      Class<?> declaring, boolean alone) {
    return new InlineCache(new Site(name, descriptor, type, original, site, declaring, alone));
  }

  /** Runs a {@code Runnable} inside a transaction: its twin if its class has one. */
  static void run(Runnable r, Txn t) throws Throwable {
    RUNNABLE.select(r).invokeExact((Object) r, t);
  }

  /** Calls a {@code Supplier} inside a transaction: its twin if its class has one. */
  static Object get(Supplier<?> s, Txn t) throws Throwable {
    return (Object) SUPPLIER.select(s).invokeExact((Object) s, t);
  }

  /** Calls a {@code Callable} inside a transaction: its twin if its class has one. */
  static Object call(java.util.concurrent.Callable<?> c, Txn t) throws Throwable {
    return (Object) CALLABLE.select(c).invokeExact((Object) c, t);
  }

  /** Calls a {@code Consumer} inside a transaction: its twin if its class has one. */
  static void accept(java.util.function.Consumer<?> c, Object item, Txn t) throws Throwable {
    CONSUMER.select(c).invokeExact((Object) c, item, t);
  }

  /** Calls an {@code IntConsumer} inside a transaction: its twin if its class has one. */
  static void accept(java.util.function.IntConsumer c, int item, Txn t) throws Throwable {
    INT_CONSUMER.select(c).invokeExact((Object) c, item, t);
  }

  private static Site siteOf(Class<?> itf, String name, MethodType original, String site) {
    try {
      MethodType type = original.insertParameterTypes(0, Object.class);
      MethodHandle m = MethodHandles.publicLookup().findVirtual(itf, name, original).asType(type);
      return new Site(name, original.toMethodDescriptorString(), type.appendParameterTypes(Txn.class), m, site, itf, false);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static boolean isClass(Class<?> expected, Object receiver) {
    return receiver.getClass() == expected; // a null receiver throws NullPointerException, as the call would
  }

  /** The call site: a chain of class tests, each leading to that class's target. */
  static final class InlineCache extends MutableCallSite {
    private final Site site;
    private final MethodHandle relink;
    private int depth;

    InlineCache(Site site) {
      super(site.type);
      this.site = site;
      MethodType selector = MethodType.methodType(MethodHandle.class, site.type.parameterType(0));
      this.relink = MethodHandles.foldArguments(MethodHandles.exactInvoker(site.type), 0, RELINK.bindTo(this).asType(selector));
      setTarget(relink);
    }

    @SuppressWarnings("unused") // called through RELINK
    private synchronized MethodHandle relink(Object receiver) {
      Class<?> c = receiver.getClass();
      MethodHandle target = site.targets.get(c);
      if (depth < MAX_DEPTH) {
        MethodHandle test = IS_CLASS.bindTo(c).asType(MethodType.methodType(boolean.class, site.type.parameterType(0)));
        setTarget(MethodHandles.guardWithTest(test, target, getTarget()));
        depth++;
      } else if (depth == MAX_DEPTH) {
        MethodType selector = MethodType.methodType(MethodHandle.class, site.type.parameterType(0));
        setTarget(MethodHandles.foldArguments(MethodHandles.exactInvoker(site.type), 0, SELECT.bindTo(site).asType(selector)));
        depth++;
      }
      return target;
    }
  }

  /** One call's per-receiver-class choices. */
  static final class Site {
    private final String name;
    private final String descriptor;
    final MethodType type;
    private final MethodHandle original;
    private final String site;
    /** The class of the method the call resolved to (package-private methods override only within its package). */
    private final Class<?> declaring;
    /** Whether the caller is an alone twin: the implementation's alone twin is preferred. */
    private final boolean alone;
    final ClassValue<MethodHandle> targets = new ClassValue<>() {
      @Override
      protected MethodHandle computeValue(Class<?> receiver) {
        return targetFor(receiver);
      }
    };

    Site(String name, String descriptor, MethodType type, MethodHandle original, String site, Class<?> declaring,
        boolean alone) {
      this.name = name;
      this.descriptor = descriptor;
      this.type = type;
      this.original = original;
      this.site = site;
      this.declaring = declaring;
      this.alone = alone;
    }

    MethodHandle select(Object receiver) {
      return targets.get(receiver.getClass());
    }

    private MethodHandle targetFor(Class<?> receiver) {
      Class<?> implementor = implementor(receiver);
      if (implementor == receiver && TransactionAware.class.isAssignableFrom(receiver)) {
        // The method a lambda of a rewritten class implements: its body picks its own twin.
        // (Its interface's default methods are found above, and run their twins.)
        return MethodHandles.dropArguments(original, type.parameterCount() - 1, Txn.class).asType(type);
      }
      MethodHandle twin = alone ? twinIn(implementor, name + Linker.ALONE_SUFFIX) : null;
      if (twin == null) {
        twin = twinIn(implementor, name + Linker.TWIN_SUFFIX);
      }
      if (twin != null) {
        return twin;
      }
      MethodHandle jdk = JdkCalls.bind(implementor, receiver, false, name, type, original, alone);
      if (jdk != null) {
        return jdk;
      }
      String owner = implementor == null ? receiver.getName() : implementor.getName();
      return Linker.original(original, type, owner, name, descriptor, site);
    }

    /** The twin {@code twinName} that {@code c} declares for this method, or null. */
    private MethodHandle twinIn(Class<?> c, String twinName) {
      if (c == null || !declaresTwin(c, twinName)) {
        return null;
      }
      try {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
        return lookup.findVirtual(c, twinName, type.dropParameterTypes(0, 1)).asType(type);
      } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
        return null; // not accessible: the original runs
      }
    }

    private boolean declaresTwin(Class<?> c, String twinName) {
      String twinDescriptor = descriptor.replace(")", "Ldev/ame/runtime/Txn;)");
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(twinName) && twinDescriptor.equals(descriptorOf(m))) {
          return true;
        }
      }
      return false;
    }

    private Class<?> implementor(Class<?> receiver) {
      for (Class<?> c = receiver; c != null; c = c.getSuperclass()) {
        Method m = declared(c);
        if (m != null) {
          return c;
        }
      }
      for (Class<?> c = receiver; c != null; c = c.getSuperclass()) {
        Class<?> found = defaultIn(c.getInterfaces());
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    private Class<?> defaultIn(Class<?>[] interfaces) {
      for (Class<?> i : interfaces) {
        if (declared(i) != null) {
          return i;
        }
        Class<?> deeper = defaultIn(i.getInterfaces());
        if (deeper != null) {
          return deeper;
        }
      }
      return null;
    }

    private Method declared(Class<?> c) {
      for (Method m : c.getDeclaredMethods()) {
        int mod = m.getModifiers();
        if (m.getName().equals(name) && !Modifier.isAbstract(mod) && !Modifier.isStatic(mod)
            && !Modifier.isPrivate(mod) && descriptor.equals(descriptorOf(m)) && overridesAcrossPackages(c, mod)) {
          return m;
        }
      }
      return null;
    }

    /** A package-private method overrides only methods of its own package (JVMS 5.4.5). */
    private boolean overridesAcrossPackages(Class<?> c, int modifiers) {
      boolean packagePrivate = (modifiers & (Modifier.PUBLIC | Modifier.PROTECTED)) == 0;
      return !packagePrivate || declaring == null || c == declaring
          || c.getPackageName().equals(declaring.getPackageName()) && c.getClassLoader() == declaring.getClassLoader();
    }
  }

  static String descriptorOf(Method m) {
    return MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
  }
}
