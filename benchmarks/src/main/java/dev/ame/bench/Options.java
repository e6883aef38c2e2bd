package dev.ame.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The harness's command line: {@code [full|quick] [WORKLOAD,...] [--threads 1,2,...] [--json FILE]
 * [--chart FILE]}; or {@code --replot RESULTS.json [--chart FILE]} to redraw the chart of an
 * earlier run; or {@code --summary R1.json,R2.json,...} to print the ratios and the summary of the
 * median of several runs (and, with {@code --json}/{@code --chart}, to write them).
 *
 * @param timing the rounds per configuration
 * @param workloads the scenario keys to run; empty for all
 * @param threads the thread counts, ascending, 1 among them (every ratio divides by a 1-thread figure)
 * @param json where the results file goes
 * @param chart where the SVG chart goes
 * @param replot a results file to draw instead of measuring, or null
 * @param summaries results files whose medians to summarize instead of measuring; empty to measure
 */
record Options(Timing timing, List<String> workloads, List<Integer> threads, String json, String chart,
    String replot, List<String> summaries) {
  static final String DEFAULT_JSON = "benchmarks/target/results.json";
  static final String DEFAULT_CHART = "benchmarks/target/chart.svg";
  static final List<Integer> DEFAULT_THREADS = List.of(1, 2);
  /** The most threads a configuration may use: the smallest workload has 64 ranges of keys (arraylist). */
  static final int MAX_THREADS = 64;

  /** Parses the arguments; on a usage error prints the usage and exits with 2. */
  static Options parse(String[] args) {
    Timing timing = Timing.FULL;
    List<String> workloads = new ArrayList<>();
    List<Integer> threads = DEFAULT_THREADS;
    String json = DEFAULT_JSON;
    String chart = DEFAULT_CHART;
    String replot = null;
    List<String> summaries = List.of();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("full") && i == 0) {
        timing = Timing.FULL;
      } else if (arg.equals("quick") && i == 0) {
        timing = Timing.QUICK;
      } else if ((arg.equals("--json") || arg.equals("--chart") || arg.equals("--replot") || arg.equals("--threads")
          || arg.equals("--summary"))
          && i + 1 < args.length) {
        String value = args[++i];
        switch (arg) {
          case "--json" -> json = value;
          case "--chart" -> chart = value;
          case "--threads" -> threads = threadCounts(value);
          case "--summary" -> summaries = List.of(value.split(","));
          default -> replot = value;
        }
      } else if (!arg.startsWith("-") && workloads.isEmpty()) {
        workloads.addAll(Arrays.asList(arg.split(",")));
      } else {
        usage("unexpected argument '" + arg + "'");
      }
    }
    for (String key : workloads) {
      if (!Scenarios.known(key)) {
        usage("unknown workload '" + key + "'");
      }
    }
    return new Options(timing, List.copyOf(workloads), threads, json, chart, replot, summaries);
  }

  /** {@code 1,2,4}: distinct counts in [1, MAX_THREADS], 1 among them; sorted. */
  private static List<Integer> threadCounts(String list) {
    TreeSet<Integer> counts = new TreeSet<>();
    for (String item : list.split(",")) {
      int count;
      try {
        count = Integer.parseInt(item.trim());
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 1 || count > MAX_THREADS) {
        usage("--threads takes thread counts from 1 to " + MAX_THREADS + " separated by commas, not '" + item + "'");
      }
      counts.add(count);
    }
    if (!counts.contains(1)) {
      usage("--threads " + list + " lacks 1: every ratio divides by a 1-thread figure (try --threads 1," + list + ")");
    }
    return List.copyOf(counts);
  }

  private static void usage(String problem) {
    System.err.println("Harness: " + problem);
    System.err.println("usage: Harness [full|quick] [WORKLOAD,...] [--threads 1,2,...] [--json FILE] [--chart FILE]");
    System.err.println("       Harness --replot RESULTS.json [--chart FILE]   (redraws the chart of an earlier run)");
    System.err.println("       Harness --summary R1.json,R2.json,... [--json FILE] [--chart FILE]   (the ratios, summary, JSON and chart of several runs' medians)");
    System.err.println("  workloads: " + String.join(",", Scenarios.keys()) + " (default: all);");
    System.err.println("    rbtree or hash alone: all their update percentages; rbtree-N, hash-N: N% updates");
    System.err.println("  defaults: --threads 1,2 --json " + DEFAULT_JSON + " --chart " + DEFAULT_CHART);
    System.exit(2);
  }
}
