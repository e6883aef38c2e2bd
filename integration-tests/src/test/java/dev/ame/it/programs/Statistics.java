package dev.ame.it.programs;

/**
 * The runtime's counters when the agent is present, read reflectively so that the programs also
 * run without the agent (to show that their checks fail there).
 */
public final class Statistics {
  private Statistics() {}

  /** The counters as text, or "no agent". */
  public static String describe() {
    Object s = snapshot();
    return s == null ? "no agent" : s.toString();
  }

  /** Whether the calling thread is inside an atomic block ({@code Ame.inTransaction()}); false without the agent. */
  public static boolean inTransaction() {
    try {
      return (Boolean) Class.forName("dev.ame.Ame").getMethod("inTransaction").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  /** The {@code dev.ame.Ame.Statistics} record, or null without the agent. */
  public static Object snapshot() {
    try {
      return Class.forName("dev.ame.Ame").getMethod("statistics").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /** One counter of the snapshot by name (commits, aborts, ...), or -1 without the agent. */
  public static long counter(Object snapshot, String name) {
    if (snapshot == null) {
      return -1;
    }
    try {
      return (long) snapshot.getClass().getMethod(name).invoke(snapshot);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
