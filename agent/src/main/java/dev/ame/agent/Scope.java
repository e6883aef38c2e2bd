package dev.ame.agent;

import java.util.List;

/**
 * Which classes the agent rewrites. Never the JDK's nor the agent's own. Without a config file:
 * every class of the application's class loaders. With one: classes matched by an
 * {@code instrument}, {@code atomic} or {@code synchronized} directive (all classes if there is no
 * {@code instrument} line), less those matched by {@code exclude}.
 *
 * <p>The same rule decides, at a call site, whether the callee's constructor has a transactional
 * twin, so it is a pure function of the class name.
 */
final class Scope {
  private static final List<String> NEVER = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.ame.runtime.", "dev.ame.agent.", "dev.ame.shaded.");

  private final AgentConfig config;
  private final boolean hasInstrument;

  Scope(AgentConfig config) {
    this.config = config;
    this.hasInstrument = config.directives().stream().anyMatch(d -> d.keyword.equals("instrument"));
  }

  /** @param name a binary class name ({@code a.b.C$D}) or an internal one ({@code a/b/C$D}) */
  boolean includes(String name) {
    return decide(name, false);
  }

  /** {@link #includes} for a class being loaded: records which directives matched it. */
  boolean includesLoaded(String name) {
    return decide(name, true);
  }

  private boolean decide(String name, boolean record) {
    String binary = name.replace('/', '.');
    if (binary.startsWith("[") || binary.endsWith("package-info") || binary.endsWith("module-info") || isNever(binary)) {
      return false;
    }
    boolean included = !hasInstrument || binary.startsWith("dev.ame.collections."); // AME's own TM structures

    boolean excluded = false;
    for (AgentConfig.Directive d : config.directives()) {
      if (!d.classes.matches(binary)) {
        continue;
      }
      switch (d.keyword) {
        case "exclude":
          excluded = true;
          if (record) {
            d.matched.set(true);
          }
          break;
        case "instrument":
          included = true;
          if (record) {
            d.matched.set(true);
          }
          break;
        default: // atomic and synchronized name classes that must be rewritten too
          included = true;
          break;
      }
    }
    return included && !excluded;
  }

  private static boolean isNever(String binary) {
    if (binary.startsWith("dev.ame.") && binary.indexOf('.', "dev.ame.".length()) < 0) {
      return true; // the API package (Ame, Atomic, TxCounter, ...): transaction-aware already
    }
    for (String prefix : NEVER) {
      if (binary.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
