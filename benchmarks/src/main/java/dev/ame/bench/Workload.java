package dev.ame.bench;

/**
 * A data structure with one driver loop per variant. Thread {@code t} works on partition {@code t}
 * of the data (0 or 1), so two threads have disjoint working sets.
 */
interface Workload {
  /** Operations on the original code, no lock, no transaction. */
  long runPlain(int thread, long seed, StopSignal stop);

  /** The same operations, each holding {@link GlobalLock#LOCK}. */
  long runLocked(int thread, long seed, StopSignal stop);

  /** The same operations, each an {@code @Atomic} call. */
  long runAtomic(int thread, long seed, StopSignal stop);

  /** Null when the data is intact after the runs, else what is wrong. */
  String check();
}
