package dev.ame.bench;

import dev.ame.Ame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several runs' results as one: for each configuration (workload, variant, thread count) the
 * median of its throughputs over the runs, the slowest and fastest round of all of them, and its
 * runtime counters summed (so that aborts per 1000 commits weigh every run). The ratios of the
 * merged results are those of the median figures: what {@code --summary} prints, for bars that
 * ask for the median of several runs.
 */
final class Medians {
  private Medians() {}

  static List<Measurement> of(List<List<Measurement>> runs) {
    Map<String, List<Measurement>> byConfiguration = new LinkedHashMap<>();
    for (List<Measurement> run : runs) {
      for (Measurement m : run) {
        byConfiguration.computeIfAbsent(m.key() + "\u0000" + m.variant().label() + "\u0000" + m.threads(),
            k -> new ArrayList<>()).add(m);
      }
    }
    List<Measurement> merged = new ArrayList<>();
    for (List<Measurement> same : byConfiguration.values()) {
      merged.add(merge(same));
    }
    return merged;
  }

  private static Measurement merge(List<Measurement> same) {
    double[] throughputs = same.stream().mapToDouble(Measurement::opsPerSecond).sorted().toArray();
    int n = throughputs.length;
    double median = n % 2 == 1 ? throughputs[n / 2] : (throughputs[n / 2 - 1] + throughputs[n / 2]) / 2;
    Ame.Statistics counters = new Ame.Statistics(0, 0, 0, 0, 0, 0);
    List<String> problems = new ArrayList<>();
    for (Measurement m : same) {
      Ame.Statistics t = m.transactions();
      counters = new Ame.Statistics(counters.commits() + t.commits(), counters.aborts() + t.aborts(),
          counters.exclusiveRuns() + t.exclusiveRuns(), counters.irrevocableRuns() + t.irrevocableRuns(),
          counters.retries() + t.retries(), counters.aloneRuns() + t.aloneRuns());
      if (m.problem() != null) {
        problems.add(m.problem());
      }
    }
    Measurement first = same.get(0);
    return new Measurement(first.key(), first.workload(), first.variant(), first.threads(), median,
        same.stream().mapToDouble(Measurement::slowest).min().orElse(median),
        same.stream().mapToDouble(Measurement::fastest).max().orElse(median), counters,
        problems.isEmpty() ? null : String.join("; ", problems));
  }

}
