package dev.ame.it.programs.loaders;

import dev.ame.Atomic;
import java.util.function.LongSupplier;

/**
 * A class that {@link ClassLoaders} defines at run time from its bytes, with
 * {@code Lookup.defineClass} or as a hidden class: no code names it, so the class loader never
 * loads it on its own.
 */
public final class Defined implements Runnable, LongSupplier {
  private long hits;

  @Atomic
  @Override
  public void run() {
    long h = hits;
    long x = h;
    for (int i = 0; i < 64; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    hits = x == 42 ? h : h + 1;
  }

  @Override
  public long getAsLong() {
    return hits;
  }
}
