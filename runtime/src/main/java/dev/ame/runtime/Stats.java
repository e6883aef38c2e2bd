package dev.ame.runtime;

import java.util.concurrent.atomic.LongAdder;

/** Global counters, striped so that counting costs no contention. */
public final class Stats {
  static final LongAdder COMMITS = new LongAdder();
  static final LongAdder ABORTS = new LongAdder();
  static final LongAdder EXCLUSIVE_RUNS = new LongAdder();
  static final LongAdder IRREVOCABLE_RUNS = new LongAdder();
  static final LongAdder RETRIES = new LongAdder();

  private Stats() {}

  /** @return commits, aborts, exclusive runs, irrevocable runs, retries (in that order) */
  public static long[] snapshot() {
    return new long[] {COMMITS.sum(), ABORTS.sum(), EXCLUSIVE_RUNS.sum(), IRREVOCABLE_RUNS.sum(), RETRIES.sum()};
  }
}
