package dev.ame.bench;

/** Tells the worker threads of a timed round to stop; they poll it between batches of operations. */
final class StopSignal {
  private volatile boolean requested;

  void request() {
    requested = true;
  }

  boolean requested() {
    return requested;
  }
}
