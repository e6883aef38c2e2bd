package dev.ame.it.programs.loaders.webapp;

import dev.ame.Atomic;
import dev.ame.it.programs.loaders.Race;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * A class of a "webapp": every child-first loader that loads it has its own copy, with its own
 * statics. Its atomic block reads, works (in a class of the container), then writes through a
 * lambda of the webapp, so that without atomicity concurrent hits are lost.
 */
public final class Counter implements Runnable, LongSupplier {
  private static final LongUnaryOperator STEP = x -> x + 1;
  private static long hits;

  @Atomic
  static void hit() {
    hits = STEP.applyAsLong(Race.held(hits));
  }

  @Override
  public void run() {
    hit();
  }

  @Override
  public long getAsLong() {
    return hits;
  }
}
