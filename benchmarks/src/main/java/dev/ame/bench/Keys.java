package dev.ame.bench;

/**
 * The keys (or accounts, or lists) the threads draw from: all {@code total} of them for every
 * thread, or, when {@code disjoint}, a range of their own. Disjoint keys are split into
 * {@code max(2, threads)} equal ranges and thread {@code t} draws from range {@code t}: at 1 and
 * 2 threads thread 0 always has the lower half, so a 1-thread figure means the same whatever
 * thread counts the run measures, and N threads on N ranges never share a key.
 *
 * @param total how many keys there are
 * @param disjoint whether each thread has a range of its own
 */
record Keys(int total, boolean disjoint) {
  /** How many keys a thread draws from when the run has {@code threads} threads. */
  int span(int threads) {
    return disjoint ? total / Math.max(2, threads) : total;
  }

  /** Thread {@code thread}'s first key when the run has {@code threads} threads. */
  int first(int thread, int threads) {
    return disjoint ? thread * span(threads) : 0;
  }
}
