package dev.ame.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transactional twins of JDK library classes: the registry the linker asks when a block calls
 * into the JDK.
 *
 * <p>The JDK's classes are never rewritten. Instead, the first time a block calls into a JDK
 * class that {@link #isTwinnable may be twinned}, the agent (through the {@link Source} it
 * registered at start-up) reads the class's own class file from the running JDK, writes a
 * <em>twin class</em> beside it and defines it as a hidden nestmate of the JDK class. For every
 * method {@code R m(A...)} with a body, the twin class holds
 * <pre>
 *   static R m$ame(C self, A..., Object txn)      // self only for instance methods
 *   static R m$alone(C self, A..., Object txn)    // the same, for a block that runs in place (see Linker)
 *   static void $init$ame(C self, A..., Object txn) // the body of a constructor C(A...)
 *   static C $new$ame(A..., Object txn)           // only for a constructor that touches nothing but its new object
 * </pre>
 * whose field and array accesses go through the barriers and whose calls are linked here like
 * those of application twins. The transaction crosses as {@code Object}: the boot class loader
 * cannot name {@link Txn}. Being nestmates, twins use the JDK class's private members directly,
 * with its own types.
 *
 * <p>Which classes: {@code java.util} (collections, their iterators, views and wrappers,
 * {@code Arrays}, {@code Objects}, {@code Optional}, {@code Random}...), {@code java.util.random}
 * and the JDK's pure helpers in {@code jdk.internal.util}, and a few classes of {@code java.lang}
 * (strings and their builders, the boxes, {@code ThreadLocal}, {@code Thread}'s plain accessors,
 * {@code Object}'s and {@code Iterable}'s bodies). Native methods, and the few methods that touch
 * memory through {@code Unsafe}, have no twin: {@link JdkSpecials} covers the ones on the common
 * paths, the others make the block irrevocable, as before, and are named in
 * {@code Ame.irrevocableCauses()}.
 *
 * <p>{@code -Dame.jdk=irrevocable} turns all of this off (every JDK call is irrevocable, as before
 * twins existed); {@code -Dame.jdk=unsafe-originals} is for tests only: every JDK call runs its
 * original code without barriers and without irrevocability, which must break the JDK corpus.
 */
public final class JdkTwins {
  /** What the agent provides: twin classes, made on demand. */
  public interface Source {
    /**
     * A lookup with full privilege on the twin class of {@code jdkClass}, generated and defined on
     * first use; null when it could not be made (the reason is logged by the agent).
     */
    MethodHandles.Lookup twinClassOf(Class<?> jdkClass);

    /** A lookup with full privilege in {@code java.base} (for its internal members). */
    MethodHandles.Lookup javaBase();
  }

  /** Suffix of every twin method's name (as for application twins). */
  static final String SUFFIX = Linker.TWIN_SUFFIX;
  /** How JDK calls from blocks run: {@code twins} (default), {@code irrevocable}, {@code unsafe-originals} (tests). */
  static final String MODE = System.getProperty("ame.jdk", "twins");

  private static final Set<String> PACKAGES = Set.of("java.util", "java.util.random", "jdk.internal.util",
      "jdk.internal.util.random");
  private static final Set<String> JAVA_LANG = Set.of("Object", "Iterable", "CharSequence", "Comparable", "String",
      "StringLatin1", "StringUTF16", "AbstractStringBuilder", "StringBuilder", "StringBuffer", "Integer", "Long",
      "Short", "Byte", "Character", "Boolean", "Float", "Double", "Number", "Math", "StrictMath", "ThreadLocal",
      "InheritableThreadLocal", "Thread");

  private static volatile Source source;
  private static final ClassValue<MethodHandles.Lookup> TWINS = new ClassValue<>() {
    @Override
    protected MethodHandles.Lookup computeValue(Class<?> c) {
      Source s = source;
      return s == null || !isTwinnable(c) ? null : s.twinClassOf(c);
    }
  };
  /** Each twin class's JDK class (the class whose members it may use as a nestmate). */
  private static final ConcurrentHashMap<Class<?>, Class<?>> HOSTS = new ConcurrentHashMap<>();

  private JdkTwins() {}

  /** Called by the agent at start-up. */
  public static void install(Source s) {
    source = s;
  }

  /** Whether twins are in use (an agent installed a source, and they are not switched off). */
  static boolean enabled() {
    return source != null && MODE.equals("twins");
  }

  /** For tests: JDK calls run their originals, unprotected. */
  static boolean unsafeOriginals() {
    return MODE.equals("unsafe-originals");
  }

  /** Whether {@code c} is a JDK class whose code twins may run (by package; natives aside). */
  public static boolean isTwinnable(Class<?> c) {
    if (c.isArray() || c.isPrimitive() || c.isHidden() || c.getModule() != Object.class.getModule()) {
      return false;
    }
    String pkg = c.getPackageName();
    if (PACKAGES.contains(pkg)) {
      return true;
    }
    if (!pkg.equals("java.lang")) {
      return false;
    }
    String simple = c.getName().substring("java.lang.".length());
    int nested = simple.indexOf('$');
    return JAVA_LANG.contains(nested < 0 ? simple : simple.substring(0, nested));
  }

  /**
   * Whether the runtime runs a JDK method in a stand-in, or as it is, rather than in its twin
   * (so that twins of its own class must not call its twin directly).
   */
  public static boolean hasStandIn(String internalName, String name, String descriptor) {
    return JdkSpecials.hasStandIn(internalName, name, descriptor);
  }

  /** The twin class's lookup, or null. */
  static MethodHandles.Lookup twinClassOf(Class<?> c) {
    return enabled() ? TWINS.get(c) : null;
  }

  /** Records a twin class as it is defined, before any of its call sites can be linked. */
  public static void registerTwinClass(Class<?> twinClass, Class<?> jdkClass) {
    HOSTS.put(twinClass, jdkClass);
  }

  /** The JDK class of a twin class, or null when {@code c} is not one. */
  static Class<?> jdkClassOf(Class<?> c) {
    return HOSTS.get(c);
  }

  /** A full-privilege lookup in java.base, for the specials' internal handles. */
  static MethodHandles.Lookup javaBase() {
    Source s = source;
    return s == null ? null : s.javaBase();
  }

  /**
   * The twin {@code twinName} ({@code m$ame} or {@code m$alone}) declared by {@code declaring}, of type
   * {@code (declaring self, params..., Object)R} ({@code self} only when not static), or null.
   */
  static MethodHandle method(Class<?> declaring, String twinName, MethodType params, boolean isStatic) {
    MethodHandles.Lookup twins = twinClassOf(declaring);
    if (twins == null) {
      return null;
    }
    MethodType t = (isStatic ? params : params.insertParameterTypes(0, declaring)).appendParameterTypes(Object.class);
    try {
      return twins.findStatic(twins.lookupClass(), twinName, t);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // native, or too large to be twinned
    }
  }

  /** {@code $init$ame(c self, params..., Object)}: the body of constructor {@code c(params)}, or null. */
  static MethodHandle constructorBody(Class<?> c, MethodType params) {
    MethodHandles.Lookup twins = twinClassOf(c);
    if (twins == null) {
      return null;
    }
    try {
      return twins.findStatic(twins.lookupClass(), "$init" + SUFFIX,
          params.insertParameterTypes(0, c).appendParameterTypes(Object.class).changeReturnType(void.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  /** {@code $new$ame(params..., Object)c}: a constructor that touches only its new object, or null. */
  static MethodHandle inertConstructor(Class<?> c, MethodType params) {
    MethodHandles.Lookup twins = twinClassOf(c);
    if (twins == null) {
      return null;
    }
    try {
      return twins.findStatic(twins.lookupClass(), "$new" + SUFFIX, params.appendParameterTypes(Object.class).changeReturnType(c));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
