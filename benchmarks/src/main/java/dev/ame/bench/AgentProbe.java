package dev.ame.bench;

import dev.ame.Ame;
import dev.ame.Atomic;

/**
 * Checks that the JVM runs with {@code -javaagent:ame.jar}. Without the agent {@code @Atomic} does
 * nothing, so an "AME" figure would silently be the uninstrumented one.
 */
public final class AgentProbe {
  private AgentProbe() {}

  /**
   * Throws unless {@code @Atomic} methods run as transactions in this JVM.
   *
   * @throws IllegalStateException naming the flag to add
   */
  public static void requireAgent() {
    boolean active;
    try {
      active = insideAtomicBlock();
    } catch (NoClassDefFoundError e) {
      active = false; // dev.ame.Ame comes from ame.jar: absent without the agent
    }
    if (!active) {
      throw new IllegalStateException("@Atomic methods do not run as transactions in this JVM: start it with "
          + "-javaagent:agent/target/ame.jar (benchmarks/run.sh does)");
    }
  }

  @Atomic
  private static boolean insideAtomicBlock() {
    return Ame.inTransaction();
  }
}
