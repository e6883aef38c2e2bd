package dev.ame.bench;

import dev.ame.Ame;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The macro benchmark: in one JVM started with {@code -javaagent:ame.jar}, measures the throughput
 * of several workloads, each in several variants (uninstrumented, one global lock, fine-grained or
 * java.util.concurrent, {@code @Atomic} blocks, the peer STMs), on one and on two threads (or the
 * thread counts of {@code --threads}), and prints a table and the ratios that DESIGN.md §6 and
 * issues 12 and 13 set bars for ({@link Bars}):
 * <ul>
 * <li>single-thread cost: AME time per operation ÷ uninstrumented time per operation (≤ 1.3x);</li>
 * <li>AME on N threads ÷ one global lock at its better thread count (≥ 1.7x on low-conflict data at
 *     2 threads), and ÷ AME on 1 thread, with the aborts per 1000 commits beside it;</li>
 * <li>AME throughput ÷ each peer STM's, at 1 and N threads (> 1);</li>
 * <li>a block that prints ÷ the block plus the print alone (≤ 1);</li>
 * </ul>
 * then a summary with PASS or MISS per bar. It also writes the results and the ratios as JSON and
 * a bar chart as SVG. The uninstrumented variant runs in the same JVM: code outside atomic blocks
 * is the original, untouched bytecode.
 *
 * <p>Usage: {@code Harness [full|quick] [WORKLOAD,...] [--threads 1,2,...] [--json FILE]
 * [--chart FILE]}; quick rounds only smoke-test the harness. {@code Harness --replot RESULTS.json
 * [--chart FILE]} redraws the chart of an earlier run, {@code Harness --summary R1.json,R2.json,...}
 * prints the ratios and the summary of the median of several runs (issue 12 asks for at least 3),
 * and writes those medians as results JSON and chart ({@code --json}, {@code --chart}).
 */
public final class Harness {
  private Harness() {}

  /**
   * Runs every configuration and prints the table and the ratios; exits with 1 when a data
   * structure was found corrupted or a peer's classes were rewritten, 2 on a usage error or when
   * the agent is missing.
   */
  /** Whether {@code output} is one of the {@code inputs} (the default results file may well be). */
  private static boolean isInput(String output, List<String> inputs) {
    Path out = Path.of(output).toAbsolutePath().normalize();
    return inputs.stream().anyMatch(in -> Path.of(in).toAbsolutePath().normalize().equals(out));
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (!options.summaries().isEmpty()) {
      List<List<Measurement>> runs = new ArrayList<>();
      RunInfo first = null;
      for (String file : options.summaries()) {
        ResultsJson.Contents run = ResultsJson.read(Path.of(file));
        first = first == null ? run.info() : first;
        runs.add(run.results());
      }
      System.out.printf("Median throughput of each configuration over %d runs (%s), counters summed:%n%n",
          runs.size(), String.join(", ", options.summaries()));
      List<Measurement> medians = Medians.of(runs);
      Report report = new Report(medians);
      report.printTable(System.out);
      report.printRatios(System.out);
      if (isInput(options.json(), options.summaries()) || isInput(options.chart(), options.summaries())) {
        System.out.println("medians not written: --json or --chart names one of the runs (give other files)");
      } else {
        ResultsJson.write(Path.of(options.json()), first, medians, report.rows());
        BarChart.write(Path.of(options.chart()), first, medians);
        System.out.println("medians: " + options.json() + "   chart: " + options.chart() + " (run information of the first run)");
      }
      Summary.print(System.out, report.rows());
      return;
    }
    if (options.replot() != null) {
      ResultsJson.Contents earlier = ResultsJson.read(Path.of(options.replot()));
      BarChart.write(Path.of(options.chart()), earlier.info(), earlier.results());
      System.out.println("chart of " + options.replot() + ": " + options.chart());
      return;
    }
    try {
      AgentProbe.requireAgent();
    } catch (IllegalStateException e) {
      System.err.println("Harness: " + e.getMessage());
      System.exit(2);
    }
    List<Scenario> scenarios = Scenarios.select(options.workloads());
    printHeader(options.timing(), options.threads());
    RunInfo info = RunInfo.now(options.timing());

    List<Measurement> results = new ArrayList<>();
    List<Integer> threadCounts = options.threads();
    try (ThroughputMeter meter = new ThroughputMeter(options.timing(), threadCounts.get(threadCounts.size() - 1))) {
      for (Scenario scenario : scenarios) {
        for (int threads : threadCounts) {
          for (Scenario.Entry entry : scenario.entries()) {
            if (threads == 1 || entry.parallel()) {
              System.err.printf("measuring %s, %s, %d thread(s)%n", scenario.name(), entry.variant().label(), threads);
              results.add(meter.measure(scenario, entry, threads));
            }
          }
        }
      }
    }
    List<String> rewrittenPeers = PeerCheck.rewrittenClasses();

    Report report = new Report(results);
    report.printTable(System.out);
    report.printRatios(System.out);
    System.out.println();
    System.out.println("checksum of results (keeps the JIT from dropping the work): " + Sink.checksum());
    System.out.println(loadAverage("at end, this run included"));
    System.out.printf("peer STM and harness classes that harness.conf excludes but the agent rewrote: %s (of %d checked)%n",
        rewrittenPeers.isEmpty() ? "none" : String.join(", ", rewrittenPeers), PeerCheck.checkedClasses());
    RunInfo ended = info.withEnd();
    ResultsJson.write(Path.of(options.json()), ended, results, report.rows());
    BarChart.write(Path.of(options.chart()), ended, results);
    System.out.println("results: " + options.json() + "   chart: " + options.chart());
    Summary.print(System.out, report.rows());
    boolean problems = report.printProblems(System.out);
    if (problems || !rewrittenPeers.isEmpty()) {
      System.exit(1);
    }
  }

  /** Other processes on a 2-core machine skew every figure: say how busy it was. */
  private static String loadAverage(String when) {
    return String.format("system load average (1 min) %s: %.2f", when,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void printHeader(Timing timing, List<Integer> threads) {
    Runtime runtime = Runtime.getRuntime();
    System.out.printf("AME harness, %s, JDK %s (%s), %d cores, agent active%n", LocalDate.now(),
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"), runtime.availableProcessors());
    System.out.printf("JVM arguments: %s%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    System.out.printf("timing: %d warm-up + %d timed rounds of %d ms per configuration, median reported%s%n",
        timing.warmupRounds(), timing.timedRounds(), timing.roundMillis(),
        timing == Timing.QUICK ? " (QUICK: smoke test, figures not meaningful)" : "");
    System.out.printf("thread counts: %s%s%n", threads, threads.get(threads.size() - 1) > runtime.availableProcessors()
        ? " (more threads than cores: those figures measure oversubscription)" : "");
    System.out.println("transactions before the benchmarks (the agent's own start-up): " + Ame.statistics());
    System.out.println(loadAverage("at start"));
    System.out.println();
  }
}
