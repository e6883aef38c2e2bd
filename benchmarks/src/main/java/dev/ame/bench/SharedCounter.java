package dev.ame.bench;

import dev.ame.Atomic;
import dev.ame.TxCounter;

/**
 * One shared counter, incremented in every way the counter scenario compares: a plain
 * {@code long} field (bare, under the global lock, in an atomic block, where concurrent
 * increments conflict) and a {@link TxCounter} in an atomic block (whose increments commute).
 */
final class SharedCounter {
  private long value;
  private final TxCounter counter = new TxCounter();

  boolean incrementPlain() {
    value++;
    return true;
  }

  boolean incrementLocked() {
    synchronized (GlobalLock.LOCK) {
      value++;
    }
    return true;
  }

  @Atomic
  boolean incrementFieldAtomic() {
    value++;
    return true;
  }

  @Atomic
  boolean incrementTxCounterAtomic() {
    counter.increment();
    return true;
  }

  /** The field plus the TxCounter: only one of them is used in a configuration. */
  long total() {
    return value + counter.get();
  }
}
