package dev.ame.bench;

import dev.ame.Ame;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The macro benchmark: in one JVM started with {@code -javaagent:ame.jar}, measures the throughput
 * of three workloads run uninstrumented, under one global lock, and as {@code @Atomic} blocks, on
 * one and on two threads, and prints the ratios that DESIGN.md §6 sets bars for:
 * <ul>
 * <li>single-thread cost: AME time per operation ÷ uninstrumented time per operation (≤ 1.3x);</li>
 * <li>two threads on disjoint data: AME throughput ÷ global-lock throughput (≥ 1.7x), with AME's own
 *     2-thread ÷ 1-thread scaling beside it.</li>
 * </ul>
 * The uninstrumented variant runs in the same JVM: code outside atomic blocks is the original,
 * untouched bytecode. Usage: {@code Harness [quick]}; quick rounds only smoke-test the harness.
 */
public final class Harness {
  private static final String BANK = "bank transfer";
  private static final String LIST = "linked-list set";
  private static final String SKIP = "skip-list set";

  private Harness() {}

  /**
   * Runs every configuration and prints the table and the ratios; exits with 1 when a data
   * structure was found corrupted, 2 on a usage error or when the agent is missing.
   */
  public static void main(String[] args) throws Exception {
    Timing timing = parse(args);
    try {
      AgentProbe.requireAgent();
    } catch (IllegalStateException e) {
      System.err.println("Harness: " + e.getMessage());
      System.exit(2);
    }
    printHeader(timing);

    List<Measurement> results = new ArrayList<>();
    try (ThroughputMeter meter = new ThroughputMeter(timing)) {
      measure(meter, results, BANK, BankWorkload::new, 1, Variant.values());
      measure(meter, results, LIST, ListSetWorkload::new, 1, Variant.values());
      measure(meter, results, SKIP, SkipListWorkload::new, 1, Variant.values());
      measure(meter, results, BANK, BankWorkload::new, 2, Variant.values());
      measure(meter, results, LIST, ListSetWorkload::new, 2, Variant.values());
      // Uninstrumented code on two threads is race-free only on disjoint data: not on the shared skip list.
      measure(meter, results, SKIP, SkipListWorkload::new, 2, Variant.GLOBAL_LOCK, Variant.AME);
    }

    Report report = new Report(results);
    report.printTable(System.out);
    report.printRatios(System.out, List.of(BANK, LIST, SKIP));
    System.out.println();
    System.out.println("checksum of results (keeps the JIT from dropping the work): " + Sink.checksum());
    System.out.println(loadAverage("at end, this run included"));
    if (report.printProblems(System.out)) {
      System.exit(1);
    }
  }

  private static void measure(ThroughputMeter meter, List<Measurement> results, String name,
      Supplier<Workload> data, int threads, Variant... variants) throws Exception {
    for (Variant variant : variants) {
      System.err.printf("measuring %s, %s, %d thread(s)%n", name, variant.label, threads);
      results.add(meter.measure(name, data, variant, threads));
    }
  }

  private static Timing parse(String[] args) {
    if (args.length == 0) {
      return Timing.FULL;
    }
    if (args.length == 1 && args[0].equals("quick")) {
      return Timing.QUICK;
    }
    System.err.println("usage: Harness [quick]   (got: " + String.join(" ", args) + ")");
    System.exit(2);
    return null;
  }

  /** Other processes on a 2-core machine skew every figure: say how busy it was. */
  private static String loadAverage(String when) {
    return String.format("system load average (1 min) %s: %.2f", when,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void printHeader(Timing timing) {
    Runtime runtime = Runtime.getRuntime();
    System.out.printf("AME harness, %s, JDK %s (%s), %d cores, agent active%n", LocalDate.now(),
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"), runtime.availableProcessors());
    System.out.printf("JVM arguments: %s%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    System.out.printf("timing: %d warm-up + %d timed rounds of %d ms per configuration, median reported%s%n",
        timing.warmupRounds(), timing.timedRounds(), timing.roundMillis(),
        timing == Timing.QUICK ? " (QUICK: smoke test, figures not meaningful)" : "");
    System.out.println("transactions before the benchmarks (the agent's own start-up): " + Ame.statistics());
    System.out.println(loadAverage("at start"));
    System.out.println();
  }
}
