package dev.ame.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line: {@code [full|quick] [WORKLOAD,...] [--json FILE] [--chart FILE]}, or
 * {@code --replot RESULTS.json [--chart FILE]} to redraw the chart of an earlier run.
 *
 * @param timing the rounds per configuration
 * @param workloads the scenario keys to run; empty for all
 * @param json where the results file goes
 * @param chart where the SVG chart goes
 * @param replot a results file to draw instead of measuring, or null
 */
record Options(Timing timing, List<String> workloads, String json, String chart, String replot) {
  static final String DEFAULT_JSON = "benchmarks/target/results.json";
  static final String DEFAULT_CHART = "benchmarks/target/chart.svg";

  /** Parses the arguments; on a usage error prints the usage and exits with 2. */
  static Options parse(String[] args) {
    Timing timing = Timing.FULL;
    List<String> workloads = new ArrayList<>();
    String json = DEFAULT_JSON;
    String chart = DEFAULT_CHART;
    String replot = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("full") && i == 0) {
        timing = Timing.FULL;
      } else if (arg.equals("quick") && i == 0) {
        timing = Timing.QUICK;
      } else if ((arg.equals("--json") || arg.equals("--chart") || arg.equals("--replot")) && i + 1 < args.length) {
        String value = args[++i];
        switch (arg) {
          case "--json" -> json = value;
          case "--chart" -> chart = value;
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
    return new Options(timing, List.copyOf(workloads), json, chart, replot);
  }

  private static void usage(String problem) {
    System.err.println("Harness: " + problem);
    System.err.println("usage: Harness [full|quick] [WORKLOAD,...] [--json FILE] [--chart FILE]");
    System.err.println("       Harness --replot RESULTS.json [--chart FILE]   (redraws the chart of an earlier run)");
    System.err.println("  workloads: " + String.join(",", Scenarios.keys()) + " (default: all);");
    System.err.println("    rbtree or hash alone: all their update percentages; rbtree-N, hash-N: N% updates");
    System.err.println("  defaults: --json " + DEFAULT_JSON + " --chart " + DEFAULT_CHART);
    System.exit(2);
  }
}
