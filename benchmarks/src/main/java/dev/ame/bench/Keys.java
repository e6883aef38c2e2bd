package dev.ame.bench;

/**
 * The keys (or accounts) a thread draws: {@code span} of them, from {@code t * span} for thread
 * {@code t} when the halves are disjoint, else from 0 for both threads.
 *
 * @param span how many keys a thread draws from
 * @param disjoint whether thread {@code t} has a range of its own
 */
record Keys(int span, boolean disjoint) {
  /** Thread {@code thread}'s first key. */
  int first(int thread) {
    return disjoint ? thread * span : 0;
  }
}
