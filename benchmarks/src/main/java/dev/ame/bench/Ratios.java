package dev.ame.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The ratios of one run, computed once for the report, the summary and results.json. For each AME
 * variant of each workload and each thread count N > 1 of the run: AME on N threads ÷ one global
 * lock at its better thread count (the best of its figures at ≤ N threads: a user can always run
 * fewer threads), ÷ AME on 1 thread (with the aborts per 1000 commits at N), ÷ each peer STM; and
 * the variant's single-thread cost, AME 1 thread ÷ uninstrumented, as time per operation.
 */
final class Ratios {
  private final List<Measurement> results;

  private Ratios(List<Measurement> results) {
    this.results = results;
  }

  /**
   * A ratio and its bar.
   *
   * @param value the ratio; NaN when a figure it needs was not measured
   * @param bar the bar; NaN when none is set
   * @param atMost whether the ratio must stay at or below the bar (a cost) rather than reach it
   */
  record Judged(double value, double bar, boolean atMost) {
    static final Judged NONE = new Judged(Double.NaN, Double.NaN, false);

    static Judged atLeast(double value, OptionalDouble bar) {
      return new Judged(value, bar.orElse(Double.NaN), false);
    }

    static Judged atMost(double value, double bar) {
      return new Judged(value, bar, true);
    }

    boolean judged() {
      return !Double.isNaN(value) && !Double.isNaN(bar);
    }

    boolean met() {
      return judged() && (atMost ? value <= bar : value >= bar);
    }

    /** PASS, MISS, or "-" where there is no bar or no value. */
    String verdict() {
      return !judged() ? "-" : met() ? "PASS" : "MISS";
    }

    /** The bar as the summary shows it, in ASCII (any console encoding): {@code >=1.7}, {@code <=1.3}. */
    String barText() {
      return Double.isNaN(bar) ? "" : String.format("%s%.1f", atMost ? "<=" : ">=", bar);
    }
  }

  /**
   * AME against one peer STM on the same workload.
   *
   * @param oneThread AME 1 thread ÷ peer 1 thread
   * @param atN AME N threads ÷ peer N threads: the bar (> 1)
   * @param atNVsPeerOneThread AME N threads ÷ peer 1 thread (the peer at a thread count it may prefer)
   */
  record PeerRatio(Variant peer, double oneThread, double atN, double atNVsPeerOneThread) {
    boolean met() {
      return atN > 1;
    }
  }

  /**
   * The ratios of one AME variant of one workload at N threads.
   *
   * @param bestLockThreads the thread count of the lock's best figure (≤ N); 0 when no lock variant runs the same code
   * @param abortsPer1000 aborts per 1000 commits of the AME variant at N threads
   * @param printCost the print workload's block that prints, time ÷ (the block without the print + the print alone); else NONE
   */
  record Row(String key, String workload, Variant ame, int threads, int bestLockThreads, Judged vsBestLock,
      Judged vsOneThread, double abortsPer1000, Judged floor, List<PeerRatio> peers, Judged singleThreadCost,
      Judged printCost) {
    /** The ratios of the row that have a bar and a value (the peers apart). */
    List<Judged> judgedBars() {
      List<Judged> bars = new ArrayList<>();
      for (Judged j : List.of(vsBestLock, vsOneThread, floor, singleThreadCost, printCost)) {
        if (j.judged()) {
          bars.add(j);
        }
      }
      return bars;
    }
  }

  /** The rows of a run: per workload, per AME variant, per thread count above 1 (1 alone when the run had no other). */
  static List<Row> of(List<Measurement> results) {
    return new Ratios(results).rows();
  }

  private List<Row> rows() {
    TreeSet<Integer> counts = new TreeSet<>();
    results.forEach(m -> counts.add(m.threads()));
    List<Integer> many = counts.stream().filter(n -> n > 1).toList();
    List<Integer> threadCounts = many.isEmpty() ? List.of(1) : many;
    List<Row> rows = new ArrayList<>();
    for (Measurement m : results) {
      if (m.variant().kind() == Variant.Kind.AME && m.threads() == 1) {
        for (int n : threadCounts) {
          if (n == 1 || find(m.key(), m.variant(), n) != null) { // merged runs may lack a count for some workloads
            rows.add(row(m, n));
          }
        }
      }
    }
    return rows;
  }

  private Row row(Measurement ame1, int n) {
    String key = ame1.key();
    Variant ame = ame1.variant();
    Measurement ameN = find(key, ame, n);
    // The print workload's plain and locked code print: they are twins of the printing block, not of the silent one.
    boolean twinless = ame.equals(PrintScenario.BLOCK);
    Measurement best = twinless ? null : bestLock(key, n);
    double aborts = ameN == null ? Double.NaN
        : 1000.0 * ameN.transactions().aborts() / Math.max(1, ameN.transactions().commits());
    double scaling = ratio(ameN, ame1);
    Judged vsLock = Judged.atLeast(ratio(ameN, best), Bars.vsBestLock(key, ame, n));
    Judged vsOne = n == 1 ? Judged.NONE : Judged.atLeast(scaling, Bars.vsOneThread(key, ame, n, aborts));
    Judged floor = n == 1 ? Judged.NONE : Judged.atLeast(scaling, OptionalDouble.of(Bars.FLOOR));
    Measurement plain1 = twinless ? null : find(key, Variant.UNINSTRUMENTED, 1);
    Judged cost = Judged.atMost(ratio(plain1, ame1), Bars.SINGLE_THREAD_COST);
    return new Row(key, ame1.workload(), ame, n, best == null ? 0 : best.threads(), vsLock, vsOne, aborts, floor,
        peers(key, ame, n), cost, printCost(key, ame, n));
  }

  private List<PeerRatio> peers(String key, Variant ame, int n) {
    List<PeerRatio> peers = new ArrayList<>();
    if (!ame.equals(Variant.AME)) {
      return peers; // the peers port the "AME @Atomic" algorithm only
    }
    for (Variant peer : List.of(Variant.MULTIVERSE, Variant.SCALA_STM, Variant.CLOJURE)) {
      Measurement p1 = find(key, peer, 1);
      if (p1 != null) {
        peers.add(new PeerRatio(peer, ratio(find(key, ame, 1), p1), ratio(find(key, ame, n), find(key, peer, n)),
            ratio(find(key, ame, n), p1)));
      }
    }
    return peers;
  }

  /** Issue 13's print bar, on the variant whose block prints: time of it ÷ (time of the block + time of the print alone). */
  private Judged printCost(String key, Variant ame, int n) {
    if (!ame.equals(PrintScenario.PRINTING)) {
      return Judged.NONE;
    }
    return Judged.atMost(printCost(key, n), Bars.PRINT_SUM);
  }

  /** The print ratio at {@code threads} threads, per thread's time per operation; NaN when a figure is missing. */
  double printCost(String key, int threads) {
    Measurement printing = find(key, PrintScenario.PRINTING, threads);
    Measurement block = find(key, PrintScenario.BLOCK, threads);
    Measurement print = find(key, PrintScenario.PRINT_ALONE, threads);
    if (printing == null || block == null || print == null) {
      return Double.NaN;
    }
    return printing.nanosPerOpPerThread() / (block.nanosPerOpPerThread() + print.nanosPerOpPerThread());
  }

  /** A calculator over the run's results, for the report's own lines. */
  static Ratios over(List<Measurement> results) {
    return new Ratios(results);
  }

  /** The global lock's best figure at 1..n threads, or null when the workload has no lock variant. */
  Measurement bestLock(String key, int n) {
    Measurement best = null;
    for (Measurement m : results) {
      if (m.key().equals(key) && m.variant().equals(Variant.GLOBAL_LOCK) && m.threads() <= n
          && (best == null || m.opsPerSecond() > best.opsPerSecond())) {
        best = m;
      }
    }
    return best;
  }

  Measurement find(String key, Variant variant, int threads) {
    for (Measurement m : results) {
      if (m.key().equals(key) && m.variant().equals(variant) && m.threads() == threads) {
        return m;
      }
    }
    return null;
  }

  /** Throughput of {@code a} ÷ throughput of {@code b}; NaN when either is missing. */
  static double ratio(Measurement a, Measurement b) {
    return a == null || b == null ? Double.NaN : a.opsPerSecond() / b.opsPerSecond();
  }
}
