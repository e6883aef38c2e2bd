package dev.ame.bench;

/**
 * How long each configuration is measured: warm-up rounds (discarded, they let the JIT compile the
 * drivers and the transactional twins), then timed rounds of which the median is reported.
 */
record Timing(int warmupRounds, int timedRounds, long roundMillis) {
  /** The real measurement: about 3.2 s per configuration (all workloads, ~120 configurations: ~7 min). */
  static final Timing FULL = new Timing(3, 5, 400);
  /** A smoke test of the harness: numbers are not meaningful. */
  static final Timing QUICK = new Timing(1, 2, 100);
}
