package dev.ame.bench;

import java.io.PrintStream;
import java.util.List;

/** Prints the measurements as a table, then the ratios that DESIGN.md §6 sets bars for. */
final class Report {
  private static final double SINGLE_THREAD_BAR = 1.3;
  private static final double TWO_THREAD_BAR = 1.7;

  private final List<Measurement> results;

  Report(List<Measurement> results) {
    this.results = results;
  }

  void printTable(PrintStream out) {
    String format = "%-16s %-15s %3s %10s %9s %17s %10s %8s %6s %6s%n";
    out.printf(format, "workload", "variant", "thr", "Mops/s", "ns/op/thr", "rounds Mops/s", "commits", "aborts",
        "excl", "irrev");
    for (Measurement m : results) {
      out.printf(format, m.workload(), m.variant().label, m.threads(), mops(m.opsPerSecond()),
          String.format("%.1f", m.nanosPerOpPerThread()),
          mops(m.slowest()) + ".." + mops(m.fastest()),
          m.transactions().commits(), m.transactions().aborts(), m.transactions().exclusiveRuns(),
          m.transactions().irrevocableRuns());
    }
  }

  void printRatios(PrintStream out, List<String> workloads) {
    out.println();
    out.printf("Single-thread cost: time per operation / uninstrumented time per operation (bar for AME: <= %.1fx)%n",
        SINGLE_THREAD_BAR);
    for (String workload : workloads) {
      Measurement plain = find(workload, Variant.UNINSTRUMENTED, 1);
      Measurement lock = find(workload, Variant.GLOBAL_LOCK, 1);
      Measurement ame = find(workload, Variant.AME, 1);
      double cost = plain.opsPerSecond() / ame.opsPerSecond();
      out.printf("  %-16s AME %5.2fx %-4s   global lock %5.2fx%n", workload, cost, verdict(cost <= SINGLE_THREAD_BAR),
          plain.opsPerSecond() / lock.opsPerSecond());
    }
    out.println();
    out.printf("Two threads, disjoint data: AME 2T throughput / global lock 2T throughput (bar: >= %.1fx)%n",
        TWO_THREAD_BAR);
    for (String workload : workloads) {
      Measurement lock2 = find(workload, Variant.GLOBAL_LOCK, 2);
      Measurement ame1 = find(workload, Variant.AME, 1);
      Measurement ame2 = find(workload, Variant.AME, 2);
      double speedup = ame2.opsPerSecond() / lock2.opsPerSecond();
      Measurement plain1 = find(workload, Variant.UNINSTRUMENTED, 1);
      Measurement plain2 = find(workload, Variant.UNINSTRUMENTED, 2);
      String machine = plain2 == null ? "" : String.format("   uninstrumented 2T/1T %4.2fx",
          plain2.opsPerSecond() / plain1.opsPerSecond());
      out.printf("  %-16s AME 2T / lock 2T %5.2fx %-4s   AME 2T/1T %4.2fx   aborts per 1000 commits %.2f%s%n",
          workload, speedup, verdict(speedup >= TWO_THREAD_BAR), ame2.opsPerSecond() / ame1.opsPerSecond(),
          1000.0 * ame2.transactions().aborts() / Math.max(1, ame2.transactions().commits()), machine);
    }
  }

  /** Prints every corrupted data structure; returns whether there was one. */
  boolean printProblems(PrintStream out) {
    boolean any = false;
    for (Measurement m : results) {
      if (m.problem() != null) {
        out.printf("PROBLEM after %s / %s / %d threads: %s%n", m.workload(), m.variant().label, m.threads(), m.problem());
        any = true;
      }
    }
    return any;
  }

  private Measurement find(String workload, Variant variant, int threads) {
    for (Measurement m : results) {
      if (m.workload().equals(workload) && m.variant() == variant && m.threads() == threads) {
        return m;
      }
    }
    return null;
  }

  private static String verdict(boolean met) {
    return met ? "ok" : "MISS";
  }

  private static String mops(double opsPerSecond) {
    return String.format("%.2f", opsPerSecond / 1e6);
  }
}
