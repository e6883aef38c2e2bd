package dev.ame.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Links the calls that transactional twins make. Each call of the original code becomes an
 * {@code invokedynamic} with the original name and the twin's type ({@code Txn} last). At first
 * execution, with the classes really loaded, the linker binds it to:
 * <ol>
 * <li>the callee's twin ({@code name$ame}), when the resolved callee was rewritten;</li>
 * <li>for virtual and interface calls without a twin on the static owner (a JDK interface, a
 *     method inherited from a JDK class): a per-receiver-class choice ({@link Dispatch});</li>
 * <li>otherwise the original method, directly when {@link SafeCalls} allows it, else after
 *     making the transaction irrevocable.</li>
 * </ol>
 */
public final class Linker {
  /** Kinds of call, as the rewriter encodes them. */
  public static final int STATIC = 0, VIRTUAL = 1, INTERFACE = 2, SPECIAL = 3;
  /** Suffix of every twin's name. */
  public static final String TWIN_SUFFIX = "$ame";

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
   * @param kind {@link #STATIC}, {@link #VIRTUAL}, {@link #INTERFACE} or {@link #SPECIAL}
   * @param owner the class or interface named by the original instruction
   * @param site where the call is, for diagnostics ({@code Class.method:line})
   */
  public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type, int kind,
      Class<?> owner, String site) throws ReflectiveOperationException {
    MethodType withoutTxn = type.dropParameterTypes(type.parameterCount() - 1, type.parameterCount());
    MethodHandle twin = find(caller, kind, owner, name + TWIN_SUFFIX, kind == STATIC ? type : type.dropParameterTypes(0, 1));
    if (twin != null) {
      return new ConstantCallSite(twin.asType(type));
    }
    MethodHandle original = find(caller, kind, owner, name, kind == STATIC ? withoutTxn : withoutTxn.dropParameterTypes(0, 1));
    if (original == null) {
      throw new NoSuchMethodError(owner.getName() + "." + name + withoutTxn.toMethodDescriptorString());
    }
    original = original.asType(withoutTxn);
    String descriptor = withoutTxn.dropParameterTypes(0, kind == STATIC ? 0 : 1).toMethodDescriptorString();
    if (kind == VIRTUAL || kind == INTERFACE) {
      return new ConstantCallSite(Dispatch.byReceiver(name, descriptor, type, original, site));
    }
    String internalOwner = owner.getName().replace('.', '/');
    if (SafeCalls.isSafe(internalOwner, name, descriptor)) {
      return new ConstantCallSite(MethodHandles.dropArguments(original, type.parameterCount() - 1, Txn.class));
    }
    return new ConstantCallSite(irrevocableThen(original, type, owner.getName() + "." + name + " called at " + site));
  }

  /** (args..., Txn) -> { make irrevocable; original(args...) } */
  static MethodHandle irrevocableThen(MethodHandle original, MethodType type, String cause) {
    int txn = type.parameterCount() - 1;
    MethodHandle target = MethodHandles.dropArguments(original, txn, Txn.class);
    MethodHandle hook = MethodHandles.insertArguments(IRREVOCABLE, 1, cause);
    return MethodHandles.foldArguments(target, txn, hook);
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
