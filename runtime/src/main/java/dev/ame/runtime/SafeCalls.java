package dev.ame.runtime;

import java.util.Set;

/**
 * JDK methods that a transaction may call directly, without becoming irrevocable.
 *
 * <p>The rule: a method is safe when it can neither call back into application code (no
 * parameter of an interface or {@code Object} type that it would invoke methods on) nor read or
 * write mutable shared state (no array or mutable-object parameters, no static state). That is true
 * of the immutable value classes' methods whose parameters are primitives, strings or boxed
 * values, of {@code Math}, and of a few identity/time helpers. Everything else (collections, I/O,
 * reflection) makes the block irrevocable: correct first, parallel where proven safe.
 */
public final class SafeCalls {
  private static final Set<String> VALUE_CLASSES = Set.of(
      "java/lang/String", "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte",
      "java/lang/Character", "java/lang/Boolean", "java/lang/Float", "java/lang/Double",
      "java/lang/Math", "java/lang/StrictMath");
  private static final Set<String> VALUE_PARAMETERS = Set.of(
      "Ljava/lang/String;", "Ljava/lang/Integer;", "Ljava/lang/Long;", "Ljava/lang/Short;", "Ljava/lang/Byte;",
      "Ljava/lang/Character;", "Ljava/lang/Boolean;", "Ljava/lang/Float;", "Ljava/lang/Double;");
  private static final Set<String> HELPERS = Set.of(
      "java/lang/Object.<init>()V",
      "java/lang/Object.getClass()Ljava/lang/Class;",
      "java/lang/Class.getName()Ljava/lang/String;",
      "java/lang/Class.getSimpleName()Ljava/lang/String;",
      "java/lang/Thread.currentThread()Ljava/lang/Thread;",
      "java/lang/Thread.onSpinWait()V",
      "java/lang/System.identityHashCode(Ljava/lang/Object;)I",
      "java/lang/System.nanoTime()J",
      "java/lang/System.currentTimeMillis()J",
      "java/lang/System.lineSeparator()Ljava/lang/String;",
      "java/lang/Enum.ordinal()I",
      "java/lang/Enum.name()Ljava/lang/String;",
      "java/util/Objects.requireNonNull(Ljava/lang/Object;)Ljava/lang/Object;",
      "java/util/Objects.requireNonNull(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;",
      "java/util/Objects.checkIndex(II)I",
      "java/util/Objects.isNull(Ljava/lang/Object;)Z",
      "java/util/Objects.nonNull(Ljava/lang/Object;)Z",
      "java/lang/Throwable.<init>()V",
      "java/lang/Throwable.<init>(Ljava/lang/String;)V",
      "java/lang/Exception.<init>()V",
      "java/lang/Exception.<init>(Ljava/lang/String;)V",
      "java/lang/RuntimeException.<init>()V",
      "java/lang/RuntimeException.<init>(Ljava/lang/String;)V",
      "java/lang/IllegalStateException.<init>(Ljava/lang/String;)V",
      "java/lang/IllegalArgumentException.<init>(Ljava/lang/String;)V",
      "java/lang/UnsupportedOperationException.<init>(Ljava/lang/String;)V",
      "java/lang/ArithmeticException.<init>(Ljava/lang/String;)V",
      "java/lang/Error.<init>(Ljava/lang/String;)V",
      "java/lang/AssertionError.<init>(Ljava/lang/Object;)V",
      "java/lang/AssertionError.<init>()V",
      "java/util/NoSuchElementException.<init>()V",
      "java/util/NoSuchElementException.<init>(Ljava/lang/String;)V",
      "java/lang/Number.<init>()V",
      "java/lang/Enum.<init>(Ljava/lang/String;I)V",
      "java/lang/Record.<init>()V");

  private SafeCalls() {}

  /**
   * @param owner internal name of the class that implements (or declares) the method
   * @param name method name ({@code <init>} for constructors)
   * @param descriptor method descriptor
   */
  public static boolean isSafe(String owner, String name, String descriptor) {
    if (owner.equals("dev/ame/Ame") || owner.equals("dev/ame/TxCounter") || owner.equals("dev/ame/TxQueue")) {
      return true; // the public API is transaction-aware
    }
    if (HELPERS.contains(owner + "." + name + descriptor)) {
      return true;
    }
    if (!VALUE_CLASSES.contains(owner)) {
      return false;
    }
    if (name.equals("equals") && descriptor.equals("(Ljava/lang/Object;)Z")
        || name.equals("compareTo") && descriptor.equals("(Ljava/lang/Object;)I")) {
      return true;
    }
    return onlyValueParameters(descriptor);
  }

  /** Whether a class is an immutable value type whose methods never call back into user code. */
  public static boolean isValueType(String internalName) {
    return VALUE_PARAMETERS.contains("L" + internalName + ";");
  }

  private static boolean onlyValueParameters(String descriptor) {
    int i = 1;
    while (descriptor.charAt(i) != ')') {
      char c = descriptor.charAt(i);
      if (c == 'L') {
        int end = descriptor.indexOf(';', i) + 1;
        if (!VALUE_PARAMETERS.contains(descriptor.substring(i, end))) {
          return false;
        }
        i = end;
      } else if (c == '[') {
        return false;
      } else {
        i++;
      }
    }
    return true;
  }
}
