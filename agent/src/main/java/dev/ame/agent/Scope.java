package dev.ame.agent;

import java.util.List;

/**
 * Which classes the agent rewrites. By default: the application's classes, never the JDK's nor
 * the agent's own. The same rule decides, at a call site, whether the callee's constructor has a
 * transactional twin, so it is a pure function of the class name.
 */
final class Scope {
  private static final List<String> NEVER = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.ame.runtime.", "dev.ame.agent.", "dev.ame.shaded.");
  private static final List<String> NEVER_EXACT = List.of("dev.ame.Ame", "dev.ame.Ame$Statistics", "dev.ame.Atomic");

  private Scope() {}

  /** @param name a binary class name ({@code a.b.C$D}) or an internal one ({@code a/b/C$D}) */
  static boolean includes(String name) {
    String binary = name.replace('/', '.');
    if (binary.startsWith("[")) {
      return false;
    }
    for (String prefix : NEVER) {
      if (binary.startsWith(prefix)) {
        return false;
      }
    }
    return !NEVER_EXACT.contains(binary);
  }
}
