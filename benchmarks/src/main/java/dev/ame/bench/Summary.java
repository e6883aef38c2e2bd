package dev.ame.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * The last table of a run: one line per AME variant of each workload and thread count N > 1, each
 * ratio beside its bar and PASS or MISS (see {@link Bars}), then how many bars were met.
 */
final class Summary {
  private static final String FORMAT = "%-18s %-16s %3s  %-22s %-22s %9s  %-5s %-30s %s%n";

  private Summary() {}

  static void print(PrintStream out, List<Ratios.Row> rows) {
    out.println();
    out.println("Summary: AME on N threads against its bars (issues 12 and 13, DESIGN.md section 6); "
        + "PASS / MISS, '-' or blank: no bar set or a figure missing");
    out.printf(FORMAT, "workload", "AME variant", "thr", "/ best lock", "/ AME 1T", "aborts/1k", "floor",
        "/ peers at NT (worst) | print", "1T cost");
    int met = 0;
    int judged = 0;
    for (Ratios.Row row : rows) {
      for (Ratios.Judged j : row.judgedBars()) {
        judged++;
        met += j.met() ? 1 : 0;
      }
      Ratios.PeerRatio worst = null;
      for (Ratios.PeerRatio p : row.peers()) {
        judged++;
        met += p.met() ? 1 : 0;
        if (worst == null || !(p.atN() >= worst.atN())) {
          worst = p;
        }
      }
      String other = worst != null
          ? String.format("%.2fx %s %s", worst.atN(), worst.peer().label(), Report.verdict(worst.met()))
          : row.printCost().judged() ? String.format("print %.2fx %s", row.printCost().value(),
              Report.judgement(row.printCost())) : "";
      out.printf(FORMAT, row.workload(), row.ame().label(), row.threads(), cell(row.vsBestLock()),
          cell(row.vsOneThread()), Double.isNaN(row.abortsPer1000()) ? "" : String.format("%.2f", row.abortsPer1000()),
          row.floor().verdict(), other, cell(row.singleThreadCost()));
    }
    out.printf("bars met: %d of %d%n", met, judged);
  }

  /** {@code 0.40x >=1.7 MISS}; the ratio alone where no bar is set; blank without a ratio. */
  private static String cell(Ratios.Judged j) {
    if (Double.isNaN(j.value())) {
      return "";
    }
    return String.format("%.2fx %s", j.value(), Report.judgement(j)).trim();
  }
}
