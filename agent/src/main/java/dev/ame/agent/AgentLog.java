package dev.ame.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The agent's messages on stderr, prefixed {@code [ame]}; warnings are said once per subject. */
final class AgentLog {
  private final int level;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  AgentLog(String level) {
    this.level = switch (level) {
      case "debug" -> 2;
      case "info" -> 1;
      default -> 0;
    };
  }

  void warnOnce(String subject, String message) {
    if (warned.add(subject)) {
      System.err.println("[ame] warning: " + message);
    }
  }

  void info(String message) {
    if (level >= 1) {
      System.err.println("[ame] " + message);
    }
  }

  void debug(String message) {
    if (level >= 2) {
      System.err.println("[ame] " + message);
    }
  }

  boolean infoEnabled() {
    return level >= 1;
  }

}
