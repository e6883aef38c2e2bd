package dev.ame.agent;

import java.util.Set;

/**
 * JDK methods that look at their caller (access checks, class loaders, lookups). A twin keeps a
 * direct call to them, so that the caller they see is the application's class.
 */
final class CallerSensitive {
  private static final Set<String> OWNERS = Set.of(
      "java/lang/Class", "java/lang/ClassLoader", "java/lang/Module", "java/lang/System", "java/lang/Runtime",
      "java/lang/Thread", "java/lang/invoke/MethodHandles", "java/lang/invoke/MethodHandles$Lookup",
      "java/util/ServiceLoader", "java/util/ResourceBundle", "java/util/logging/Logger", "java/lang/StackWalker");

  private CallerSensitive() {}

  static boolean is(String owner, String name) {
    return owner.startsWith("java/lang/reflect/") && !owner.equals("java/lang/reflect/Array")
        || OWNERS.contains(owner) && !isPlainValueMethod(owner, name);
  }

  /** Frequent methods of those classes that do not look at their caller and are safe: keep them linked. */
  private static boolean isPlainValueMethod(String owner, String name) {
    switch (owner + "." + name) {
      case "java/lang/Class.getName":
      case "java/lang/Class.getSimpleName":
      case "java/lang/System.identityHashCode":
      case "java/lang/System.nanoTime":
      case "java/lang/System.currentTimeMillis":
      case "java/lang/System.arraycopy":
      case "java/lang/Thread.currentThread":
      case "java/lang/Thread.onSpinWait":
        return true;
      default:
        return false;
    }
  }
}
