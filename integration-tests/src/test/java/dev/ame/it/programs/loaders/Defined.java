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
    hits = Race.held(hits) + 1;
  }

  @Override
  public long getAsLong() {
    return hits;
  }
}
