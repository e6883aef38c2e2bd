package dev.ame.agent;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a class loader resolves the AME runtime to the one copy that the agent uses. A loader
 * that does not (one that does not delegate to the system class loader) cannot run rewritten
 * classes: its classes are left unchanged, and the user is told once.
 */
final class RuntimeVisibility {
  private static final Class<?> TXN = dev.ame.runtime.Txn.class;
  private final Map<ClassLoader, Boolean> known = Collections.synchronizedMap(new WeakHashMap<>());
  private final AgentLog log;

  RuntimeVisibility(AgentLog log) {
    this.log = log;
  }

  boolean isVisibleFrom(ClassLoader loader) {
    return known.computeIfAbsent(loader, this::check);
  }

  private boolean check(ClassLoader loader) {
    boolean visible;
    try {
      visible = Class.forName(TXN.getName(), false, loader) == TXN;
    } catch (ClassNotFoundException | LinkageError e) {
      visible = false;
    }
    if (!visible) {
      log.warnOnce("loader@" + System.identityHashCode(loader), "class loader " + loader
          + " does not delegate to the system class loader, so it cannot see the AME runtime in ame.jar: its classes run unchanged");
    }
    return visible;
  }
}
