package dev.ame.it.programs.loaders;

import dev.ame.Atomic;

/** Loaded only after the agent attached: rewritten, its blocks atomic, including calls into {@link Tally}. */
final class LateTally {
  long hits;

  @Atomic
  void hitBoth(Tally early) {
    hits++;
    early.hit();
  }
}
