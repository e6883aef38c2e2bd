package dev.ame.it.programs.faults;

import java.util.concurrent.ThreadLocalRandom;

/** Small helpers shared by the fault programs: busy work and random picks. */
final class Work {
  private Work() {}

  /**
   * Pure arithmetic that widens the window between a read and the write that depends on it, as
   * real work would; the JIT cannot remove it (the result feeds a branch).
   */
  static long spin(long seed, int steps) {
    long x = seed;
    for (int i = 0; i < steps; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    if (x == 42) {
      Thread.onSpinWait();
    }
    return x;
  }

  /** Arithmetic on locals for about {@code steps} steps: a block that takes long without touching memory. */
  static long grind(long steps) {
    long x = steps;
    for (long i = 0; i < steps; i++) {
      x = x * 6364136223846793005L + i;
    }
    return x;
  }

  static int pick(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }
}
