package dev.ame.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;

/**
 * Links the calls that transactional twins make. Each call of the original code becomes an
 * {@code invokedynamic} with the original name and the twin's type ({@code Txn} last). At first
 * execution, with the classes really loaded, the linker resolves the original method as the JVM
 * would, then binds the call to:
 * <ol>
 * <li>when the call cannot be overridden (static, {@code invokespecial}, private or final, final
 *     class): the twin declared beside the resolved method, if that class was rewritten, or for a
 *     JDK method its twin or stand-in ({@link JdkCalls});</li>
 * <li>when it can: an inline cache on the receiver's class ({@link Dispatch}) that calls the
 *     twin of the receiver's own implementation, or the original one. So an override in a class
 *     that was not rewritten (a lambda, a JDK class, an excluded class) is never skipped;</li>
 * <li>otherwise the original method: directly when {@link SafeCalls} allows it, else after making
 *     the transaction irrevocable.</li>
 * </ol>
 * A call from an <em>alone twin</em> ({@code m$alone}: the version of a method that runs only in
 * place, in a block alone or irrevocable; its kind carries {@link #ALONE}) binds to the callee's
 * alone twin where there is one, else to its general twin. Each version is compiled by the JIT
 * from its own profile: a block that runs alone keeps code without the speculative paths even
 * after other threads made them hot in the general twin.
 */
public final class Linker {
  /** Kinds of call, as the rewriter encodes them. */
  public static final int STATIC = 0, VIRTUAL = 1, INTERFACE = 2, SPECIAL = 3;
  /** Added to the kind of a call made by an alone twin. */
  public static final int ALONE = 4;
  /** Suffix of every twin's name. */
  public static final String TWIN_SUFFIX = "$ame";
  /** Suffix of an alone twin's name. */
  public static final String ALONE_SUFFIX = "$alone";

  static final MethodHandle IRREVOCABLE;

  static {
    try {
      IRREVOCABLE = MethodHandles.lookup().findStatic(Barriers.class, "irrevocable",
          MethodType.methodType(void.class, Txn.class, String.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Linker() {}

  /**
   * The bootstrap method of every call made by a twin.
   *
   * @param caller lookup of the rewritten class
   * @param name the original method name
   * @param type the twin call's type: receiver first (unless static), {@code Txn} last
   * @param kind {@link #STATIC}, {@link #VIRTUAL}, {@link #INTERFACE} or {@link #SPECIAL}, plus
   *     {@link #ALONE} from an alone twin
   * @param owner the class or interface named by the original instruction
   * @param site where the call is, for diagnostics ({@code Class.method:line})
   */
  public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type, int kind,
      Class<?> owner, String site) throws ReflectiveOperationException {
    boolean alone = (kind & ALONE) != 0;
    kind &= ~ALONE;
    int receiver = kind == STATIC ? 0 : 1;
    MethodType originalType = type.dropParameterTypes(type.parameterCount() - 1, type.parameterCount());
    MethodType lookupType = originalType.dropParameterTypes(0, receiver);
    MethodHandle original = find(caller, kind, owner, name, lookupType);
    if (original == null) {
      throw new NoSuchMethodError(owner.getName() + "." + name + lookupType.toMethodDescriptorString());
    }
    MethodHandleInfo info = reveal(caller, original);
    boolean overridable = (kind == VIRTUAL || kind == INTERFACE)
        && (info == null || !(Modifier.isFinal(info.getModifiers()) || Modifier.isPrivate(info.getModifiers())
            || Modifier.isFinal(info.getDeclaringClass().getModifiers())));
    original = original.asType(originalType);
    String descriptor = lookupType.toMethodDescriptorString();
    if (overridable) {
      return Dispatch.inlineCache(name, descriptor, type, original, site, info == null ? null : info.getDeclaringClass(), alone);
    }
    if (info != null) {
      MethodHandle twin = alone ? twinBeside(caller, kind, owner, name + ALONE_SUFFIX, type, info) : null;
      if (twin == null) {
        twin = twinBeside(caller, kind, owner, name + TWIN_SUFFIX, type, info);
      }
      if (twin != null) {
        return new ConstantCallSite(twin);
      }
      MethodHandle jdk = JdkCalls.bind(info.getDeclaringClass(), null, Modifier.isStatic(info.getModifiers()), name, type, original, alone);
      if (jdk != null) {
        return new ConstantCallSite(jdk);
      }
    }
    String implementor = info == null ? owner.getName() : info.getDeclaringClass().getName();
    return new ConstantCallSite(original(original, type, implementor, name, descriptor, site));
  }

  /** The twin {@code twinName} declared by the class that declares the resolved method, or null. */
  private static MethodHandle twinBeside(MethodHandles.Lookup caller, int kind, Class<?> owner, String twinName,
      MethodType type, MethodHandleInfo resolved) {
    MethodHandle twin = find(caller, kind, owner, twinName, type.dropParameterTypes(0, kind == STATIC ? 0 : 1));
    MethodHandleInfo twinInfo = twin == null ? null : reveal(caller, twin);
    return twinInfo != null && twinInfo.getDeclaringClass() == resolved.getDeclaringClass() ? twin.asType(type) : null;
  }

  /** The original method: directly if safe, else after making the transaction irrevocable. */
  static MethodHandle original(MethodHandle original, MethodType type, String implementor, String name,
      String descriptor, String site) {
    MethodHandle deferred = ConsoleOutput.target(implementor, name, descriptor, type);
    if (deferred != null) {
      return deferred;
    }
    if (SafeCalls.isSafe(implementor.replace('.', '/'), name, descriptor)) {
      return MethodHandles.dropArguments(original, type.parameterCount() - 1, Txn.class).asType(type);
    }
    int txn = type.parameterCount() - 1;
    MethodHandle target = MethodHandles.dropArguments(original, txn, Txn.class);
    MethodHandle hook = MethodHandles.insertArguments(IRREVOCABLE, 1, implementor + "." + name + " called at " + site);
    return MethodHandles.foldArguments(target, txn, hook).asType(type);
  }

  private static MethodHandleInfo reveal(MethodHandles.Lookup caller, MethodHandle mh) {
    try {
      return caller.revealDirect(mh);
    } catch (IllegalArgumentException | SecurityException e) {
      return null; // signature-polymorphic or caller-sensitive: treat as not rewritten
    }
  }

  private static MethodHandle find(MethodHandles.Lookup caller, int kind, Class<?> owner, String name, MethodType type) {
    try {
      switch (kind) {
        case STATIC:
          return caller.findStatic(owner, name, type);
        case SPECIAL:
          return caller.findSpecial(owner, name, type, caller.lookupClass());
        default:
          return caller.findVirtual(owner, name, type);
      }
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
