package dev.ame.it.programs.loaders;

import dev.ame.Atomic;

/** An atomic block of a rewritten class that calls code the agent may not have rewritten. */
final class Blocks {
  private Blocks() {}

  @Atomic
  static void runInside(Runnable body) {
    body.run();
  }
}
