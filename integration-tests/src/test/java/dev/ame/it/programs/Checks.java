package dev.ame.it.programs;

import java.util.ArrayList;
import java.util.List;

/** Named checks of a test program: each prints "OK name" or "FAIL name: why". */
public final class Checks {
  /** One check; any throwable fails it. */
  interface Check {
    void run() throws Exception;
  }

  private final List<String> failures = new ArrayList<>();

  void check(String name, Check check) {
    try {
      check.run();
      System.out.println("OK " + name);
    } catch (Throwable t) {
      System.out.println("FAIL " + name + ": " + t);
      failures.add(name);
    }
  }

  /** Exits with 1 when a check failed. */
  void exitIfFailed() {
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
