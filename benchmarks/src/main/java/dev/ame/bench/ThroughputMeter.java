package dev.ame.bench;

import dev.ame.Ame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the throughput of a workload variant on one or more threads: warm-up rounds, then timed
 * rounds of a fixed duration, and their median. Warm-up lasts until the JIT is quiet.
 *
 * <p>The same worker threads (as many as the run's largest thread count) run every round of every
 * configuration: each keeps its one transaction context, and no round pays for starting threads.
 * Each thread times itself from the common start signal to its own last operation; a round's
 * throughput is the sum over threads.
 */
final class ThroughputMeter implements AutoCloseable {
  /**
   * Warm-up goes on, up to {@link #MAX_EXTRA_WARMUPS} more rounds, while the JIT compiled for more
   * than this fraction of a round's time during the last one, or C2 is still compiling at its end:
   * on 2 cores a block that first runs on two threads is recompiled with its speculative paths (its
   * first code never took them), and C2 can spend seconds on a block that inlines JDK twins,
   * running the block's slower code meanwhile (see {@link JitActivity}).
   */
  private static final long JIT_QUIET_FRACTION = 10;
  private static final int MAX_EXTRA_WARMUPS = 15;

  private final ExecutorService workers;
  private final Timing timing;

  /** @param maxThreads the most threads a configuration will run on */
  ThroughputMeter(Timing timing, int maxThreads) {
    this.timing = timing;
    this.workers = Executors.newFixedThreadPool(maxThreads, body -> {
      Thread thread = new Thread(body, "bench-worker");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Measures one variant on {@code threads} threads against fresh data, so no configuration inherits another's state. */
  Measurement measure(Scenario scenario, Scenario.Entry entry, int threads) throws Exception {
    Workload workload = entry.data().get();
    try {
      return measure(scenario, entry, threads, workload);
    } finally {
      workload.release();
    }
  }

  private Measurement measure(Scenario scenario, Scenario.Entry entry, int threads, Workload workload)
      throws Exception {
    ThreadTask task = DriverLoop.forWorkload(workload, threads);
    long operations = 0;
    int warmups = 0;
    for (boolean jitBusy = true; warmups < timing.warmupRounds()
        || jitBusy && warmups < timing.warmupRounds() + MAX_EXTRA_WARMUPS; warmups++) {
      long compiledBefore = JitActivity.compiledMillis();
      operations += round(task, threads, warmups).operations();
      jitBusy = JitActivity.compiledMillis() - compiledBefore > timing.roundMillis() / JIT_QUIET_FRACTION
          || JitActivity.optimizing();
    }
    if (warmups > timing.warmupRounds()) {
      System.err.printf("  warm-up: %d rounds (the JIT was still compiling)%n", warmups);
    }
    double[] rounds = new double[timing.timedRounds()];
    Ame.Statistics before = Ame.statistics();
    for (int round = 0; round < rounds.length; round++) {
      Round timed = round(task, threads, warmups + round);
      rounds[round] = timed.opsPerSecond();
      operations += timed.operations();
    }
    Ame.Statistics during = Ame.statistics().minus(before);
    Arrays.sort(rounds);
    return new Measurement(scenario.key(), scenario.name(), entry.variant(), threads, rounds[rounds.length / 2],
        rounds[0], rounds[rounds.length - 1], during, workload.check(operations));
  }

  /** One round's throughput (the sum of the threads' own rates) and how many operations it ran. */
  private record Round(double opsPerSecond, long operations) {}

  private Round round(ThreadTask task, int threads, int round) throws Exception {
    StopSignal stop = new StopSignal();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> perThread = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      long seed = Rng.seed(round, thread);
      perThread.add(workers.submit(() -> {
        start.await();
        long began = System.nanoTime();
        long ops = task.run(thread, seed, stop);
        return new long[] {ops, System.nanoTime() - began};
      }));
    }
    start.countDown();
    Thread.sleep(timing.roundMillis());
    stop.request();
    double total = 0;
    long operations = 0;
    for (Future<long[]> future : perThread) {
      long[] opsAndNanos = future.get();
      total += opsAndNanos[0] * 1e9 / opsAndNanos[1];
      operations += opsAndNanos[0];
    }
    return new Round(total, operations);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
