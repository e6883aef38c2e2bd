package dev.ame.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints the measurements as a table, then the ratios that DESIGN.md §6 sets bars for. */
final class Report {
  private static final double SINGLE_THREAD_BAR = 1.3;
  private static final double TWO_THREAD_BAR = 1.7;
  private static final List<Variant> PEERS = List.of(Variant.MULTIVERSE, Variant.SCALA_STM, Variant.CLOJURE);

  private final List<Measurement> results;

  Report(List<Measurement> results) {
    this.results = results;
  }

  void printTable(PrintStream out) {
    String format = "%-18s %-22s %3s %9s %9s %6s %17s %10s %10s %8s %6s %8s%n";
    out.printf(format, "workload", "variant", "thr", "Mops/s", "ns/op/thr", "/lock", "rounds Mops/s", "commits",
        "alone", "aborts", "excl", "irrev");
    for (Measurement m : results) {
      Measurement lock = find(m.key(), Variant.GLOBAL_LOCK, m.threads());
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
    List<String> keys = scenarioKeys();
    out.println();
    out.printf("Single-thread cost: time per operation / uninstrumented time per operation (bar for AME: <= %.1fx)%n",
        SINGLE_THREAD_BAR);
    for (String key : keys) {
      Measurement plain = find(key, Variant.UNINSTRUMENTED, 1);
      Measurement ame = find(key, Variant.AME, 1);
      if (plain == null || ame == null) {
        continue;
      }
      double cost = plain.opsPerSecond() / ame.opsPerSecond();
      StringBuilder others = new StringBuilder();
      for (Variant other : withLock(PEERS)) {
        Measurement m = find(key, other, 1);
        if (m != null) {
          others.append(String.format("   %s %.2fx", other.label(), plain.opsPerSecond() / m.opsPerSecond()));
        }
      }
      out.printf("  %-18s AME %6.2fx %-4s%s%n", plain.workload(), cost, verdict(cost <= SINGLE_THREAD_BAR), others);
    }
    out.println();
    out.printf("Two threads: AME 2T throughput / global lock 2T throughput (bar on low-conflict data: >= %.1fx)%n",
        TWO_THREAD_BAR);
    for (String key : keys) {
      Measurement lock2 = find(key, Variant.GLOBAL_LOCK, 2);
      Measurement ame1 = find(key, Variant.AME, 1);
      Measurement ame2 = find(key, Variant.AME, 2);
      if (lock2 == null || ame1 == null || ame2 == null) {
        continue;
      }
      double speedup = ame2.opsPerSecond() / lock2.opsPerSecond();
      Measurement plain1 = find(key, Variant.UNINSTRUMENTED, 1);
      Measurement plain2 = find(key, Variant.UNINSTRUMENTED, 2);
      String machine = plain1 == null || plain2 == null ? "" : String.format("   uninstrumented 2T/1T %4.2fx",
          plain2.opsPerSecond() / plain1.opsPerSecond());
      out.printf("  %-18s AME 2T / lock 2T %5.2fx %-4s   AME 2T/1T %4.2fx   aborts per 1000 commits %.2f%s%n",
          ame2.workload(), speedup, verdict(speedup >= TWO_THREAD_BAR), ame2.opsPerSecond() / ame1.opsPerSecond(),
          1000.0 * ame2.transactions().aborts() / Math.max(1, ame2.transactions().commits()), machine);
    }
    out.println();
    out.println("Peers: AME throughput / peer throughput, 1T and 2T (bar: > 1 everywhere); peer / global lock beside it");
    for (String key : keys) {
      for (Variant peer : PEERS) {
        String line = peerLine(key, peer);
        if (line != null) {
          out.println(line);
        }
      }
    }
  }

  private String peerLine(String key, Variant peer) {
    StringBuilder line = new StringBuilder();
    for (int threads = 1; threads <= ThroughputMeter.MAX_THREADS; threads++) {
      Measurement p = find(key, peer, threads);
      Measurement ame = find(key, Variant.AME, threads);
      Measurement lock = find(key, Variant.GLOBAL_LOCK, threads);
      if (p == null || ame == null) {
        return null;
      }
      line.append(String.format("   %dT: AME/peer %6.2fx %-4s peer/lock %5.2fx", threads,
          ame.opsPerSecond() / p.opsPerSecond(), verdict(ame.opsPerSecond() > p.opsPerSecond()),
          lock == null ? Double.NaN : p.opsPerSecond() / lock.opsPerSecond()));
    }
    return String.format("  %-18s %-18s%s", find(key, peer, 1).workload(), peer.label(), line);
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

  private Measurement find(String key, Variant variant, int threads) {
    for (Measurement m : results) {
      if (m.key().equals(key) && m.variant().equals(variant) && m.threads() == threads) {
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
