package dev.ame.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether blocks run one at a time (<em>serial</em>: each takes the {@link SerialGate} and runs
 * alone, the fast path) or side by side (<em>speculative</em>), decided by measurement.
 *
 * <ul>
 * <li>Serial is where every program starts, and where it returns whenever one thread has been the
 *     only one to commit blocks for 20 ms: a single thread then pays no speculation.</li>
 * <li>The first time a thread finds the gate taken by another, blocks turn speculative.</li>
 * <li>While more than one thread runs blocks, the throughput (commits per second, all threads) of
 *     the regime in force is measured in windows of {@link #WINDOW_NANOS}, and now and then the
 *     other regime is tried for {@link #PROBE_WINDOWS} windows ({@link #probeInterval}, doubling while
 *     the probes lose clearly, see {@link #nextProbeInterval}).
 *     When serial wins by more than {@link #MARGIN} (conflict-heavy blocks, blocks that all run
 *     irrevocably), blocks run one at a time until a probe says speculation pays again: so more
 *     threads never make blocks much slower than one thread would.</li>
 * </ul>
 * With {@code -Dame.fastPath=false} blocks are always speculative (for tests of the STM itself).
 *
 * <p>All of it is heuristics on racy counters: a wrong decision costs speed, never correctness.
 */
final class Regime {
  /** {@code -Dame.fastPath=false}: never serial (tests of the STM itself set it too). */
  private static volatile boolean alwaysSpeculative = "false".equals(System.getProperty("ame.fastPath"));
  /** Commits of a thread between two of its looks at the regime. */
  static final int LOOK_PERIOD = 256;
  private static final long WINDOW_NANOS = 4_000_000;
  /**
   * How long the other threads must have run no block before blocks turn serial again: longer than
   * a scheduler's time slice, since a thread preempted outside a block (by a compiler thread, or
   * another process) is not a thread that has stopped running blocks.
   */
  private static final long ALONE_NANOS = 20_000_000;
  private static final long ALONE_COMMITS = 16 * LOOK_PERIOD;
  static final long FIRST_PROBE_INTERVAL = 40_000_000;
  static final long MAX_PROBE_INTERVAL = 1_280_000_000;
  private static final double MARGIN = 1.1;
  /** Windows a probe measures (after the one that absorbs the switch): one 4 ms window is too noisy to decide on. */
  private static final int PROBE_WINDOWS = 3;
  /**
   * A probe that lost by less than this (its rate over the incumbent's) was a close call: it is
   * repeated soon rather than after a doubled interval, since a decision taken while the JIT was
   * still compiling one regime's code, or on a noisy window, must not stand for seconds.
   */
  private static final double CLOSE_CALL = 0.8;
  /** {@code -Dame.regime.trace=true}: each change of regime on stderr, with the rates that made it. */
  private static final boolean TRACE = Boolean.getBoolean("ame.regime.trace");

  private static volatile boolean speculative = alwaysSpeculative;
  /** Whether a probe found serial faster: contention then no longer turns blocks speculative. */
  private static volatile boolean serialWins;
  /** A thread waited for the gate in this window: more than one thread runs blocks. */
  private static volatile boolean contentionSeen;

  private static final AtomicBoolean EVALUATING = new AtomicBoolean();
  // Guarded by EVALUATING:
  private static long windowStart = System.nanoTime();
  private static long windowCommits;
  private static boolean warmingUp;
  private static boolean probing;
  private static int probeWindowsLeft;
  private static long probeCommits;
  private static long probeNanos;
  private static double serialRate;
  private static double speculativeRate;
  private static long probeInterval = FIRST_PROBE_INTERVAL;
  private static long nextProbe;
  /** Windows in which several threads ran blocks, by the regime in force (for the conflict report). */
  private static volatile long serialWindows;
  private static volatile long speculativeWindows;

  private Regime() {}

  static boolean serial() {
    return !speculative;
  }

  static boolean speculating() {
    return speculative;
  }

  /** For tests: {@code false} makes every block speculative, {@code true} starts over serial. */
  static void setFastPath(boolean on) {
    alwaysSpeculative = !on;
    speculative = !on;
    serialWins = false;
  }

  /** A thread waits for the gate outside the serial regime (an exclusive or irrevocable holder). */
  static void noteWaiting() {
    if (!contentionSeen) {
      contentionSeen = true;
    }
  }

  /** A thread waits for the gate to run alone: unless serial was measured faster, blocks turn speculative. */
  static void noteContention() {
    noteWaiting();
    if (!speculative && !serialWins && !probing) {
      switchTo(true);
      restartWindow(System.nanoTime());
    }
  }

  /** For tests: flips the regime as contention or a probe would. */
  static void flipForTest(boolean toSpeculative) {
    switchTo(toSpeculative);
  }

  private static void switchTo(boolean toSpeculative) {
    if (speculative != toSpeculative && !alwaysSpeculative) {
      speculative = toSpeculative;
      if (TRACE) {
        System.err.printf("[ame] %d ms: regime %s (serial %.0f, speculative %.0f commits/ms, probing %s, serial wins %s, probe interval %d ms)%n",
            System.nanoTime() / 1_000_000 % 100_000, toSpeculative ? "speculative" : "serial", serialRate * 1e6,
            speculativeRate * 1e6, probing, serialWins, probeInterval / 1_000_000);
      }
    }
  }

  /** Called by each thread every {@link #LOOK_PERIOD} commits. */
  static void look(Txn t) {
    if (alwaysSpeculative) {
      return;
    }
    long now = System.nanoTime();
    if (speculative && othersIdle(t, now)) {
      if (TRACE) {
        StringBuilder others = new StringBuilder();
        for (SerialGate.Registration r : SerialGate.registrations()) {
          if (r.counts != t.counts && r.thread.isAlive()) {
            others.append(' ').append(r.thread.getName()).append('/').append(r.thread.getState());
          }
        }
        System.err.printf("[ame] %s: no other thread ran a block for %d us; %s; others:%s%n", t.thread.getName(),
            (now - t.othersChanged) / 1000, SerialGate.describe(), others);
      }
      // What was learned stays (threads that pause together, between rounds of work, come back to
      // the same blocks); the next contention only probes the other regime sooner.
      switchTo(false);
      restartWindow(now);
      return;
    }
    if (now - windowStart >= WINDOW_NANOS && EVALUATING.compareAndSet(false, true)) {
      try {
        evaluate(now);
      } finally {
        EVALUATING.set(false);
      }
    }
  }

  /**
   * Whether no other thread is inside a block (or waiting to start one) nor has committed one for
   * {@link #ALONE_NANOS} while this one committed at least {@link #ALONE_COMMITS}: a pause of the
   * whole process (a collection, a safepoint) stops every thread and must not look like the others
   * having left.
   */
  private static boolean othersIdle(Txn t, long now) {
    long others = 0;
    for (SerialGate.Registration r : SerialGate.registrations()) {
      if (r.counts != t.counts) {
        if (r.published.inBlock) {
          t.othersCommits = -1; // inside a block, or waiting to start one: not idle, whatever its count
          return false;
        }
        others += r.counts[Stats.COMMITS];
      }
    }
    long mine = t.counts[Stats.COMMITS];
    if (others != t.othersCommits) {
      t.othersCommits = others;
      t.othersChanged = now;
      t.ownCommitsAtChange = mine;
      return false;
    }
    return now - t.othersChanged > ALONE_NANOS && mine - t.ownCommitsAtChange >= ALONE_COMMITS;
  }

  private static void restartWindow(long now) {
    if (EVALUATING.compareAndSet(false, true)) {
      try {
        windowStart = now;
        windowCommits = totalCommits();
        warmingUp = true;
        probing = false;
        contentionSeen = false;
        probeInterval = FIRST_PROBE_INTERVAL;
        nextProbe = now + probeInterval;
      } finally {
        EVALUATING.set(false);
      }
    }
  }

  private static void evaluate(long now) {
    long total = totalCommits();
    boolean wasSpeculative = speculative;
    boolean contended = wasSpeculative || contentionSeen;
    long start = windowStart;
    long startCommits = windowCommits;
    double rate = (total - startCommits) / (double) (now - start);
    windowStart = now;
    windowCommits = total;
    contentionSeen = false;
    if (warmingUp || !contended) {
      warmingUp = false; // the first window after a switch measures the switch, not the regime
      return;
    }
    if (wasSpeculative) {
      speculativeWindows++;
    } else {
      serialWindows++;
    }
    if (probing) {
      probeCommits += total - startCommits;
      probeNanos += now - start;
      if (--probeWindowsLeft > 0) {
        return;
      }
      probing = false;
      double probeRate = probeCommits / (double) probeNanos;
      double incumbentRate = wasSpeculative ? serialRate : speculativeRate;
      setRate(wasSpeculative, probeRate);
      boolean probeWon = probeWins(probeRate, incumbentRate);
      if (probeWon) {
        serialWins = !wasSpeculative;
      } else {
        switchTo(!wasSpeculative);
        warmingUp = true;
      }
      probeInterval = nextProbeInterval(probeRate, incumbentRate, probeInterval);
      nextProbe = now + probeInterval;
      return;
    }
    setRate(wasSpeculative, rate);
    if (now - nextProbe >= 0) {
      probing = true;
      probeWindowsLeft = PROBE_WINDOWS;
      probeCommits = 0;
      probeNanos = 0;
      warmingUp = true;
      switchTo(!wasSpeculative);
    }
  }

  /** Whether a probe's rate beats the incumbent regime's by the margin that a switch needs. */
  static boolean probeWins(double probeRate, double incumbentRate) {
    return probeRate > incumbentRate * MARGIN;
  }

  /**
   * How long until the next probe: soon after a probe that won or lost a close call, twice as long
   * as the last time (at most {@link #MAX_PROBE_INTERVAL}) after a clear loss.
   */
  static long nextProbeInterval(double probeRate, double incumbentRate, long interval) {
    if (probeWins(probeRate, incumbentRate) || probeRate > incumbentRate * CLOSE_CALL) {
      return FIRST_PROBE_INTERVAL;
    }
    return Math.min(MAX_PROBE_INTERVAL, interval * 2);
  }

  private static void setRate(boolean ofSpeculative, double rate) {
    if (ofSpeculative) {
      speculativeRate = rate;
    } else {
      serialRate = rate;
    }
  }

  /** For the conflict report: how often contended blocks ran one at a time, and why. */
  static String describe() {
    long serial = serialWindows;
    long all = serial + speculativeWindows;
    if (alwaysSpeculative) {
      return "blocks always ran speculatively (-Dame.fastPath=false)";
    }
    if (all == 0) {
      return "blocks never ran beside each other for long (each ran alone, on the fast path)";
    }
    return String.format(java.util.Locale.ROOT, "while several threads ran blocks, they took turns (serial) %.0f%% of the time: "
        + "there, speculation was measured %s", 100.0 * serial / all,
        serial == 0 ? "faster" : "slower (last: %.0f serial vs %.0f speculative commits/ms)".formatted(serialRate * 1e6, speculativeRate * 1e6));
  }

  private static long totalCommits() {
    long sum = 0;
    for (SerialGate.Registration r : SerialGate.registrations()) {
      sum += r.counts[Stats.COMMITS];
    }
    return sum;
  }
}
