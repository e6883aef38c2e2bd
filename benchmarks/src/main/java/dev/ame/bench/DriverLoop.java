package dev.ame.bench;

import java.lang.invoke.MethodHandle;

/**
 * The loop a worker thread runs: operations in batches of 64 until stopped. Each configuration
 * runs a {@link Monomorphic} copy of it, so the JIT inlines that configuration's operation.
 */
final class DriverLoop implements ThreadTask {
  private static final int BATCH = 64;

  private final Operation[] operations;

  DriverLoop(Operation[] operations) {
    this.operations = operations;
  }

  /** A loop of its own, for the threads of one configuration. */
  static ThreadTask forWorkload(Workload workload, int threads) {
    Operation[] operations = new Operation[threads];
    for (int t = 0; t < threads; t++) {
      operations[t] = workload.operation(t, threads);
    }
    MethodHandle constructor = Monomorphic.constructor(DriverLoop.class, Operation[].class);
    return Monomorphic.create(constructor, ThreadTask.class, (Object) operations);
  }

  /** Operations of thread {@code thread} until {@code stop} is requested; returns how many. */
  @Override
  public long run(int thread, long seed, StopSignal stop) {
    Operation operation = operations[thread];
    long rng = seed;
    long ops = 0;
    long hits = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (operation.apply(rng)) {
          hits++;
        }
      }
      ops += BATCH;
    } while (!stop.requested());
    Sink.consume(hits);
    return ops;
  }
}
