package dev.ame.bench;

/** The one lock of the "global lock" variants: every locked operation of every workload takes it. */
final class GlobalLock {
  static final Object LOCK = new Object();

  private GlobalLock() {}
}
