package dev.ame.it.programs;

import java.util.ArrayList;
import java.util.List;

/** Named checks of a test program: each prints "OK name" or "FAIL name: why". */
public final class Checks {
  /** One check; any throwable fails it. */
  public interface Check {
    void run() throws Exception;
  }

  private final List<String> failures = new ArrayList<>();

  /** Runs one named check and prints its outcome. */
  public void check(String name, Check check) {
    try {
      check.run();
      System.out.println("OK " + name);
    } catch (Throwable t) {
      System.out.println("FAIL " + name + ": " + t);
      if (!(t instanceof AssertionError)) {
        t.printStackTrace(System.out); // an unexpected throwable: where it came from
      }
      failures.add(name);
    }
  }

  /** Exits with 1 when a check failed. */
  public void exitIfFailed() {
    if (!failures.isEmpty()) {
      System.exit(1);
    }
  }

  /** Throws an {@link AssertionError} with {@code message} unless {@code condition} holds. */
  public static void expect(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
