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
      "java/lang/Record.<init>()V",
      // JDK constructors that touch nothing but their new object (JDK 17 and 25; Random's call the
      // overridable setSeed on a subclass, which only an odd override would make unsafe; Random()
      // also draws from a static seed generator, as random as any draw)
      "java/util/ArrayList.<init>()V", "java/util/ArrayList.<init>(I)V", "java/util/LinkedList.<init>()V",
      "java/util/ArrayDeque.<init>()V", "java/util/ArrayDeque.<init>(I)V",
      "java/util/PriorityQueue.<init>()V", "java/util/PriorityQueue.<init>(I)V",
      "java/util/PriorityQueue.<init>(Ljava/util/Comparator;)V", "java/util/PriorityQueue.<init>(ILjava/util/Comparator;)V",
      "java/util/HashMap.<init>()V", "java/util/HashMap.<init>(I)V", "java/util/HashMap.<init>(IF)V",
      "java/util/LinkedHashMap.<init>()V", "java/util/LinkedHashMap.<init>(I)V", "java/util/LinkedHashMap.<init>(IF)V",
      "java/util/LinkedHashMap.<init>(IFZ)V", "java/util/HashSet.<init>()V", "java/util/HashSet.<init>(I)V",
      "java/util/HashSet.<init>(IF)V", "java/util/LinkedHashSet.<init>()V", "java/util/LinkedHashSet.<init>(I)V",
      "java/util/LinkedHashSet.<init>(IF)V", "java/util/TreeMap.<init>()V", "java/util/TreeMap.<init>(Ljava/util/Comparator;)V",
      "java/util/TreeSet.<init>()V", "java/util/TreeSet.<init>(Ljava/util/Comparator;)V",
      "java/util/IdentityHashMap.<init>()V", "java/util/IdentityHashMap.<init>(I)V",
      "java/util/BitSet.<init>()V", "java/util/BitSet.<init>(I)V",
      "java/util/AbstractMap$SimpleEntry.<init>(Ljava/lang/Object;Ljava/lang/Object;)V",
      "java/util/AbstractMap$SimpleImmutableEntry.<init>(Ljava/lang/Object;Ljava/lang/Object;)V",
      "java/lang/StringBuilder.<init>()V", "java/lang/StringBuilder.<init>(I)V",
      "java/util/Random.<init>()V", "java/util/Random.<init>(J)V");

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
