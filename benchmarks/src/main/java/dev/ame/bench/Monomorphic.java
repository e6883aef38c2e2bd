package dev.ame.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh copies of a class, so that each configuration's calls see one receiver.
 *
 * <p>A driver loop or an operation adapter shared by every configuration would see dozens of
 * receiver classes at its call sites, and the JIT would inline none of them (JMH generates one
 * loop per benchmark for this reason). Copying the loops by hand would make a family of
 * near-identical classes; instead {@link #constructor} defines a hidden class from the template's
 * own bytes, once per configuration: each copy has its own profile. Hidden classes are never
 * shown to the agent, and these templates run outside atomic blocks anyway.
 */
final class Monomorphic {
  private static final Map<Class<?>, byte[]> BYTES = new ConcurrentHashMap<>();

  private Monomorphic() {}

  /**
   * The constructor of a new hidden copy of {@code template}, a top-level class of this package
   * whose code uses no lambdas (their call sites would link to the template).
   */
  static MethodHandle constructor(Class<?> template, Class<?>... parameterTypes) {
    try {
      MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(BYTES.computeIfAbsent(template,
          Monomorphic::bytesOf), true);
      return copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class, parameterTypes));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + template.getName(), e);
    }
  }

  /** Calls a constructor from {@link #constructor}; the copy implements {@code type}. */
  static <T> T create(MethodHandle constructor, Class<T> type, Object... arguments) {
    try {
      return type.cast(constructor.invokeWithArguments(arguments));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot instantiate " + constructor, e);
    }
  }

  private static byte[] bytesOf(Class<?> template) {
    try (InputStream in = template.getResourceAsStream(template.getSimpleName() + ".class")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the class file of " + template.getName(), e);
    }
  }
}
