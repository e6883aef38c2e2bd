package dev.ame.it.programs.faults;

/** Thread stacks as text, for the message of a check that found a thread stuck. */
final class Stacks {
  private Stacks() {}

  static String of(Thread t) {
    StringBuilder s = new StringBuilder("\"" + t.getName() + "\" " + t.getState() + "\n");
    for (StackTraceElement e : t.getStackTrace()) {
      s.append("    at ").append(e).append('\n');
    }
    return s.toString();
  }

  static String all() {
    StringBuilder s = new StringBuilder();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      s.append(of(t));
    }
    return s.toString();
  }
}
