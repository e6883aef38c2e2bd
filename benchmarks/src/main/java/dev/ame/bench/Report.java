package dev.ame.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the measurements as a table, then the ratios that DESIGN.md §6 and issues 12 and 13 set
 * bars for (see {@link Bars}), one section per kind of ratio; {@link Summary} condenses them.
 */
final class Report {
  private static final List<Variant> PEERS = List.of(Variant.MULTIVERSE, Variant.SCALA_STM, Variant.CLOJURE);

  private final List<Measurement> results;
  private final Ratios calculator;
  private final List<Ratios.Row> rows;

  Report(List<Measurement> results) {
    this.results = results;
    this.calculator = Ratios.over(results);
    this.rows = Ratios.of(results);
  }

  /** The ratios, for the summary and results.json. */
  List<Ratios.Row> rows() {
    return rows;
  }

  void printTable(PrintStream out) {
    String format = "%-18s %-22s %3s %9s %9s %6s %17s %10s %10s %8s %6s %8s%n";
    out.printf(format, "workload", "variant", "thr", "Mops/s", "ns/op/thr", "/lock", "rounds Mops/s", "commits",
        "alone", "aborts", "excl", "irrev");
    for (Measurement m : results) {
      Measurement lock = calculator.find(m.key(), Variant.GLOBAL_LOCK, m.threads());
      out.printf(format, m.workload(), m.variant().label(), m.threads(), mops(m.opsPerSecond()),
          String.format("%.1f", m.nanosPerOpPerThread()),
          lock == null ? "" : String.format("%.2f", m.opsPerSecond() / lock.opsPerSecond()),
          mops(m.slowest()) + ".." + mops(m.fastest()),
          m.transactions().commits(), m.transactions().aloneRuns(), m.transactions().aborts(),
          m.transactions().exclusiveRuns(),
          m.transactions().irrevocableRuns());
    }
  }

  void printRatios(PrintStream out) {
    printSingleThreadCost(out);
    printThreads(out);
    printPeers(out);
    printPrintCost(out);
  }

  /** (d) AME 1 thread ÷ uninstrumented, as time per operation; the lock's and the peers' beside it. */
  private void printSingleThreadCost(PrintStream out) {
    out.println();
    out.printf("Single-thread cost: time per operation / uninstrumented time per operation (bar for AME: <= %.1fx)%n",
        Bars.SINGLE_THREAD_COST);
    int firstCount = rows.stream().mapToInt(Ratios.Row::threads).min().orElse(1);
    for (Ratios.Row row : rows) {
      if (row.threads() != firstCount || Double.isNaN(row.singleThreadCost().value())) {
        continue; // once per variant (every row of a variant has the same), where there is an uninstrumented variant
      }
      Measurement plain = calculator.find(row.key(), Variant.UNINSTRUMENTED, 1);
      StringBuilder others = new StringBuilder();
      for (Variant other : withLock(PEERS)) {
        Measurement m = row.ame().equals(Variant.AME) || other.equals(Variant.GLOBAL_LOCK)
            ? calculator.find(row.key(), other, 1) : null;
        if (m != null) {
          others.append(String.format("   %s %.2fx", other.label(), plain.opsPerSecond() / m.opsPerSecond()));
        }
      }
      out.printf("  %-18s %-16s %6.2fx %-4s%s%n", row.workload(), row.ame().label(), row.singleThreadCost().value(),
          row.singleThreadCost().verdict(), others);
    }
  }

  /**
   * (a) and (b): AME on N threads ÷ the best global lock, ÷ AME on 1 thread with the aborts, and
   * the machine's own scaling.
   */
  private void printThreads(PrintStream out) {
    out.println();
    out.printf("More threads: AME NT / global lock at its best thread count <= N (bar %.1fx on low-conflict "
        + "workloads at 2T, 0.8N above),%n  AME NT / AME 1T (bar %.1fx where aborts < %.0f per 1000 commits, 0.8N "
        + "above 2T; floor %.1fx everywhere)%n", Bars.TWO_THREADS, Bars.TWO_THREADS, Bars.FEW_ABORTS_PER_1000,
        Bars.FLOOR);
    for (Ratios.Row row : rows) {
      if (row.threads() == 1) {
        continue;
      }
      Measurement plain1 = calculator.find(row.key(), Variant.UNINSTRUMENTED, 1);
      Measurement plainN = calculator.find(row.key(), Variant.UNINSTRUMENTED, row.threads());
      String machine = plain1 == null || plainN == null ? ""
          : String.format("   uninstrumented %dT/1T %4.2fx", row.threads(), Ratios.ratio(plainN, plain1));
      String lock = row.bestLockThreads() == 0 ? String.format("%-28s", "   (no locked twin)")
          : String.format("/ lock(%dT) %5.2fx %-10s", row.bestLockThreads(), row.vsBestLock().value(),
              judgement(row.vsBestLock()));
      out.printf("  %-18s %-16s %2dT %s   /1T %5.2fx %-10s floor %-4s   aborts/1000 %7.2f%s%n", row.workload(),
          row.ame().label(), row.threads(), lock, row.vsOneThread().value(), judgement(row.vsOneThread()),
          row.floor().verdict(), row.abortsPer1000(), machine);
    }
  }

  /**
   * (c) AME ÷ each peer: at 1 thread, at N threads (the bar), and AME N threads ÷ the peer on 1
   * thread; the peer ÷ lock beside.
   */
  private void printPeers(PrintStream out) {
    if (rows.stream().allMatch(r -> r.peers().isEmpty())) {
      return;
    }
    out.println();
    out.println("Peers: AME / peer at 1T and at NT (bar: > 1 at every thread count), with AME NT / peer 1T; "
        + "peer / global lock at the same thread count");
    for (String key : scenarioKeys()) {
      List<Ratios.Row> ofKey = rows.stream().filter(r -> r.key().equals(key) && !r.peers().isEmpty()).toList();
      for (int p = 0; !ofKey.isEmpty() && p < ofKey.get(0).peers().size(); p++) {
        Ratios.PeerRatio first = ofKey.get(0).peers().get(p);
        StringBuilder line = new StringBuilder(String.format("  %-18s %-18s 1T %6.2fx %-4s peer/lock %5.2fx",
            ofKey.get(0).workload(), first.peer().label(), first.oneThread(), verdict(first.oneThread() > 1),
            peerVsLock(key, first.peer(), 1)));
        for (Ratios.Row row : ofKey) {
          Ratios.PeerRatio peer = row.peers().get(p);
          line.append(String.format("   %dT %6.2fx %-4s (/ peer 1T %6.2fx) peer/lock %5.2fx", row.threads(),
              peer.atN(), verdict(peer.met()), peer.atNVsPeerOneThread(), peerVsLock(key, peer.peer(), row.threads())));
        }
        out.println(line);
      }
    }
  }

  private double peerVsLock(String key, Variant peer, int threads) {
    return Ratios.ratio(calculator.find(key, peer, threads), calculator.find(key, Variant.GLOBAL_LOCK, threads));
  }

  /** Issue 13: a block that prints costs no more than the block without the print plus the print alone. */
  private void printPrintCost(PrintStream out) {
    List<Integer> counts = results.stream().filter(m -> m.variant().equals(PrintScenario.PRINTING))
        .map(Measurement::threads).toList();
    if (counts.isEmpty()) {
      return;
    }
    out.println();
    out.printf("Printing in a block: time per op of the block that prints / (the block without the print + the "
        + "print alone) (bar <= %.1fx)%n", Bars.PRINT_SUM);
    for (String key : scenarioKeys()) {
      for (int threads : counts) {
        double cost = calculator.printCost(key, threads);
        if (!Double.isNaN(cost)) {
          out.printf("  %-18s %2dT %6.2fx %s%n", calculator.find(key, PrintScenario.PRINTING, threads).workload(),
              threads, cost, verdict(cost <= Bars.PRINT_SUM));
        }
      }
    }
  }

  /** Prints every corrupted data structure; returns whether there was one. */
  boolean printProblems(PrintStream out) {
    boolean any = false;
    for (Measurement m : results) {
      if (m.problem() != null) {
        out.printf("PROBLEM after %s / %s / %d threads: %s%n", m.workload(), m.variant().label(), m.threads(),
            m.problem());
        any = true;
      }
    }
    return any;
  }

  private List<String> scenarioKeys() {
    List<String> keys = new ArrayList<>();
    for (Measurement m : results) {
      if (!keys.contains(m.key())) {
        keys.add(m.key());
      }
    }
    return keys;
  }

  private static List<Variant> withLock(List<Variant> peers) {
    List<Variant> all = new ArrayList<>(peers);
    all.add(0, Variant.GLOBAL_LOCK);
    return all;
  }

  /** {@code ≥1.7 PASS}, or blank where no bar is set. */
  static String judgement(Ratios.Judged judged) {
    return judged.judged() ? judged.barText() + " " + judged.verdict() : "";
  }

  static String verdict(boolean met) {
    return met ? "PASS" : "MISS";
  }

  private static String mops(double opsPerSecond) {
    return String.format("%.2f", opsPerSecond / 1e6);
  }
}
