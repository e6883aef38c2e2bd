package dev.ame.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the drivers put a checksum of the results they computed, printed at the end of the run, so
 * the JIT cannot drop the work as dead code. Each worker adds once per round, outside the timing.
 */
final class Sink {
  private static final AtomicLong CHECKSUM = new AtomicLong();

  private Sink() {}

  static void consume(long value) {
    CHECKSUM.addAndGet(value);
  }

  static long checksum() {
    return CHECKSUM.get();
  }
}
