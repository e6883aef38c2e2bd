package dev.ame.runtime;

/**
 * The runtime's counters. Each thread counts in its own context, with plain increments (no atomic
 * instruction on the commit path); a snapshot sums the contexts. A reader sees another thread's
 * counts completely once it has synchronized with that thread (for example by {@code join}).
 * The counts of contexts whose threads have ended are folded into {@link SerialGate}'s totals.
 */
public final class Stats {
  static final int COMMITS = 0, ABORTS = 1, EXCLUSIVE_RUNS = 2, IRREVOCABLE_RUNS = 3, RETRIES = 4, ALONE_RUNS = 5, KINDS = 6;

  private Stats() {}

  /** @return commits, aborts, exclusive runs, irrevocable runs, retries, alone runs (in that order) */
  public static long[] snapshot() {
    return SerialGate.sumCounts();
  }
}
