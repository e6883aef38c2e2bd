package dev.ame.it.programs.loaders.webapp;

import dev.ame.Atomic;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * A class of a "webapp": every child-first loader that loads it has its own copy, with its own
 * statics. Its atomic block reads, works, then writes through a lambda of the webapp, so that
 * without atomicity concurrent hits are lost.
 */
public final class Counter implements Runnable, LongSupplier {
  private static final LongUnaryOperator STEP = x -> x + 1;
  private static long hits;

  @Atomic
  static void hit() {
    long h = hits;
    long x = h;
    for (int i = 0; i < 64; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    hits = x == 42 ? h : STEP.applyAsLong(h);
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
