package dev.ame.bench;

/**
 * A xorshift generator kept in a local {@code long}: the drivers draw their random operations
 * outside the measured blocks with it, so every variant pays the same, tiny, allocation-free cost
 * and no JDK call ever runs inside a transaction.
 */
final class Rng {
  private Rng() {}

  /** The next state (never 0 when the seed is not 0). */
  static long next(long x) {
    x ^= x << 13;
    x ^= x >>> 7;
    x ^= x << 17;
    return x;
  }

  /** A non-zero seed for one thread in one round; the same for every variant, so they see the same operations. */
  static long seed(int round, int thread) {
    long z = 0x9E3779B97F4A7C15L * (round * 31L + thread + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return z == 0 ? 1 : z;
  }

  /** An int in {@code [0, bound)} from the high bits of a state. */
  static int below(long state, int bound) {
    return (int) (((state >>> 32) * bound) >>> 32);
  }
}
