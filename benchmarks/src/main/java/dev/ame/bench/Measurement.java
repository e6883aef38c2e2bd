package dev.ame.bench;

import dev.ame.Ame;

/**
 * The figures of one configuration: a workload, a variant, a thread count.
 *
 * @param key the scenario's short name
 * @param workload the scenario's name
 * @param opsPerSecond median over the timed rounds of the operations per second of all threads
 * @param slowest the lowest round, to show the spread
 * @param fastest the highest round
 * @param transactions what the runtime counted during the timed rounds
 * @param problem null when the data structure was intact afterwards, else what was wrong
 */
record Measurement(String key, String workload, Variant variant, int threads, double opsPerSecond, double slowest,
    double fastest, Ame.Statistics transactions, String problem) {

  /** Nanoseconds per operation as seen by one thread. */
  double nanosPerOpPerThread() {
    return threads * 1e9 / opsPerSecond;
  }
}
