package dev.ame.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Where a call from a block to a JDK method goes, once the linker (or the inline cache, per
 * receiver class) has resolved the method: to a hand-written transactional version or the
 * original when that is safe ({@link JdkSpecials}), else to the method's twin ({@link JdkTwins}).
 * Null leaves the choice to the linker: the original, safe ({@link SafeCalls}) or irrevocable.
 */
final class JdkCalls {
  private static final Module JAVA_BASE = Object.class.getModule();

  private JdkCalls() {}

  /**
   * @param declaring the class that declares the method that runs (its implementation)
   * @param receiver the receiver's class when the call dispatched on it, else null
   * @param type the call's type: receiver (unless static), arguments, {@code Txn}
   * @param original the original method, of {@code type} without the {@code Txn}
   * @param alone whether the caller is an alone twin (its callee's alone twin is preferred)
   */
  static MethodHandle bind(Class<?> declaring, Class<?> receiver, boolean isStatic, String name, MethodType type,
      MethodHandle original, boolean alone) {
    if (declaring == null || declaring.getModule() != JAVA_BASE) {
      return null;
    }
    int txn = type.parameterCount() - 1;
    if (JdkTwins.unsafeOriginals()) {
      return MethodHandles.dropArguments(original, txn, Txn.class).asType(type);
    }
    if (!JdkTwins.enabled()) {
      return null;
    }
    MethodType params = type.dropParameterTypes(txn, txn + 1).dropParameterTypes(0, isStatic ? 0 : 1);
    if (SafeCalls.isSafe(declaring.getName().replace('.', '/'), name, params.toMethodDescriptorString())) {
      return null;
    }
    MethodHandle special = JdkSpecials.bind(declaring, receiver, name, params, type, original);
    if (special != null) {
      return special;
    }
    MethodHandle twin = alone ? JdkTwins.method(declaring, name + Linker.ALONE_SUFFIX, params, isStatic) : null;
    if (twin == null) {
      twin = JdkTwins.method(declaring, name + Linker.TWIN_SUFFIX, params, isStatic);
    }
    return twin == null ? null : twin.asType(type);
  }
}
