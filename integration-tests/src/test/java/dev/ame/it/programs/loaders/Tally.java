package dev.ame.it.programs.loaders;

import dev.ame.Atomic;

/** A counter with an atomic increment; {@link LateAttach} loads it before the agent arrives. */
final class Tally {
  long hits;

  @Atomic
  void hit() {
    hits = Race.held(hits) + 1;
  }
}
