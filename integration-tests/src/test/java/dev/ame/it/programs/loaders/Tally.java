package dev.ame.it.programs.loaders;

import dev.ame.Atomic;

/** A counter with an atomic increment; {@link LateAttach} loads it before the agent arrives. */
final class Tally {
  long hits;

  @Atomic
  void hit() {
    long h = hits;
    long x = h;
    for (int i = 0; i < 64; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    hits = x == 42 ? h : h + 1;
  }
}
