package dev.ame.bench;

import java.util.function.IntPredicate;

/** Fills a fresh set with half of its keys, drawn by a fixed seed, so that every variant starts alike. */
final class Fill {
  private Fill() {}

  /** Adds random keys of {@code [0, keys)} until {@code keys / 2} of them are present; returns {@code set}. */
  static <S> S half(S set, IntPredicate add, int keys, long seed) {
    long rng = seed;
    for (int added = 0; added < keys / 2; ) {
      rng = Rng.next(rng);
      if (add.test(Rng.below(rng, keys))) {
        added++;
      }
    }
    return set;
  }
}
