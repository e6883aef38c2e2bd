package dev.ame.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap methods of JDK twins, and of {@code new X(...)} of a JDK class in application twins.
 *
 * <p>A twin of a JDK class lives in {@code java.base}, whose class loader cannot see the runtime.
 * So everything a twin asks of the runtime is an {@code invokedynamic} whose bootstrap is in the
 * small bridge class that the agent injects into {@code java.util}; the bridge forwards to
 * {@link #link}, which binds the call site once to the
 * runtime's code, typed with {@code Object} for the transaction. The first static argument says
 * what the site is:
 * <ul>
 * <li>{@code barrier D}: a call of {@code Barriers.<name>} of descriptor {@code D};</li>
 * <li>{@code call kind owner site}: a call of the JDK code, linked by {@link Linker#link};</li>
 * <li>{@code new owner site}: {@code new owner(args)}, see {@link #construct};</li>
 * <li>{@code init owner}: the super (or {@code this}) constructor call in a constructor's body;</li>
 * <li>{@code putFinal owner}: a constructor body's store into a final field of its new object;</li>
 * <li>{@code signal}: whether a caught throwable is the runtime's abort or retry (the handlers of
 *     twins that catch {@code Throwable} rethrow it first: user code must never see one);</li>
 * <li>{@code fieldId owner name static}: a field's id ({@link Fields#idCall}).</li>
 * </ul>
 * Sites are linked with a lookup on the JDK class itself (not on its hidden twin class), so that
 * access checks and {@code invokespecial} behave as for the original code.
 */
public final class JdkLinks {
  private static final MethodHandle IS_SIGNAL;
  private static final MethodHandle CAPTURED;

  static {
    try {
      IS_SIGNAL = MethodHandles.lookup().findStatic(JdkLinks.class, "isSignal", MethodType.methodType(boolean.class, Throwable.class));
      CAPTURED = MethodHandles.lookup().findStatic(Barriers.class, "captured", MethodType.methodType(void.class, Object.class, Txn.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private JdkLinks() {}

  /** The bridge's {@code invokedynamic} bootstrap (see the class comment). */
  public static CallSite link(MethodHandles.Lookup twin, String name, MethodType type, Object[] args)
      throws ReflectiveOperationException {
    MethodHandles.Lookup host = jdkLookup(twin);
    String op = (String) args[0];
    switch (op) {
      case "barrier": {
        MethodType real = MethodType.fromMethodDescriptorString((String) args[1], JdkLinks.class.getClassLoader());
        return new ConstantCallSite(MethodHandles.lookup().findStatic(Barriers.class, name, real).asType(type));
      }
      case "call": {
        int txn = type.parameterCount() - 1;
        CallSite site = Linker.link(host, name, type.changeParameterType(txn, Txn.class), (Integer) args[1],
            (Class<?>) args[2], (String) args[3]);
        MethodHandle target = site instanceof ConstantCallSite ? site.getTarget() : site.dynamicInvoker();
        return new ConstantCallSite(target.asType(type));
      }
      case "new":
        return new ConstantCallSite(constructor(host, type, (Class<?>) args[1], (String) args[2]));
      case "init":
        return new ConstantCallSite(constructorBody((Class<?>) args[1], type));
      case "putFinal":
        return new ConstantCallSite(JdkUnsafe.finalSetter((Class<?>) args[1], name, type.parameterType(1)).asType(type));
      case "fieldId":
        return Fields.idCall(host, name, type, (Class<?>) args[1], (String) args[2], (Integer) args[3]);
      case "signal":
        return new ConstantCallSite(IS_SIGNAL.asType(type));
      default:
        throw new IllegalArgumentException("unknown JDK twin call site " + op);
    }
  }

  /**
   * Bootstrap of {@code new c(args)} in an application twin, for a JDK class {@code c} whose
   * constructor is not known to be safe: type {@code (args..., Txn)c}.
   */
  public static CallSite construct(MethodHandles.Lookup caller, String name, MethodType type, Class<?> c, String site)
      throws ReflectiveOperationException {
    return new ConstantCallSite(constructor(caller, type, c, site));
  }

  /**
   * {@code new c(args)} inside a block: a constructor that touches only its new object runs as it
   * is (through the twin class, which knows); any other runs its body's twin on an object
   * allocated without a constructor; one without a twin runs irrevocably (unless safe).
   */
  private static MethodHandle constructor(MethodHandles.Lookup caller, MethodType type, Class<?> c, String site)
      throws ReflectiveOperationException {
    int txn = type.parameterCount() - 1;
    MethodType params = type.dropParameterTypes(txn, txn + 1).changeReturnType(void.class);
    MethodHandle original = caller.findConstructor(c, params);
    if (JdkTwins.unsafeOriginals() || JdkSpecials.isSafeConstructor(c, params)) {
      return captured(MethodHandles.dropArguments(original, txn, type.parameterType(txn)).asType(type));
    }
    if (c == String.class && JdkTwins.enabled()) {
      MethodHandle string = JdkSpecials.stringConstructor(original, type);
      if (string != null) {
        return string;
      }
    }
    MethodHandle inert = JdkTwins.inertConstructor(c, params);
    if (inert != null) {
      return captured(inert.asType(type));
    }
    MethodHandle body = JdkTwins.constructorBody(c, params);
    if (body != null && JdkUnsafe.available()) {
      // the body twin adds the object to the attempt's captured ones itself, once its super body has run
      // (self, args..., txn) -> body(self, args..., txn); self
      MethodHandle returnSelf = MethodHandles.dropArguments(MethodHandles.identity(c), 1, body.type().parameterList().subList(1, body.type().parameterCount()));
      MethodHandle initialized = MethodHandles.foldArguments(returnSelf, body);
      return MethodHandles.foldArguments(initialized, JdkUnsafe.allocator(c)).asType(type);
    }
    MethodType txnType = type.changeParameterType(txn, Txn.class);
    return Linker.original(original, txnType, c.getName(), "<init>", params.toMethodDescriptorString(), site).asType(type);
  }

  /**
   * {@code (args..., txn) -> c} of a constructor run as it is: the new object, added to the
   * attempt's captured objects ({@link Barriers#captured}) before it is returned.
   */
  private static MethodHandle captured(MethodHandle make) {
    MethodType type = make.type();
    int txn = type.parameterCount() - 1;
    MethodHandle add = CAPTURED.asType(MethodType.methodType(void.class, type.returnType(), type.parameterType(txn)));
    MethodHandle addObject = MethodHandles.dropArguments(add, 1, type.parameterList().subList(0, txn)); // (obj, args..., txn)
    MethodHandle returnObject = MethodHandles.dropArguments(MethodHandles.identity(type.returnType()), 1, type.parameterList());
    return MethodHandles.foldArguments(MethodHandles.foldArguments(returnObject, addObject), make);
  }

  /** The body of the constructor {@code c(params)} that a constructor body calls (super or this). */
  private static MethodHandle constructorBody(Class<?> c, MethodType type) {
    int txn = type.parameterCount() - 1;
    MethodType params = type.dropParameterTypes(txn, txn + 1).dropParameterTypes(0, 1).changeReturnType(void.class);
    MethodHandle body = JdkTwins.constructorBody(c, params);
    if (body == null) {
      // The agent twins a constructor only when every constructor it calls has a body twin.
      throw new IllegalStateException("AME internal error: no transactional body for " + c.getName() + params);
    }
    return body.asType(type);
  }

  /** The JDK class's own lookup, for a call site of its twin class (nothing else may link here). */
  private static MethodHandles.Lookup jdkLookup(MethodHandles.Lookup twin) throws IllegalAccessException {
    Class<?> jdk = JdkTwins.jdkClassOf(twin.lookupClass());
    if (jdk == null || (twin.lookupModes() & MethodHandles.Lookup.PRIVATE) == 0) {
      throw new IllegalCallerException(twin.lookupClass() + " is not a transactional twin of a JDK class");
    }
    return MethodHandles.privateLookupIn(jdk, twin);
  }

  private static boolean isSignal(Throwable t) {
    return t instanceof ControlSignal;
  }
}
