package dev.ame.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The conflict report, for a person first: where the time went, ranked, with the lines to fix.
 * Plain text, or a self-contained HTML page with bar charts (no scripts, no external files).
 */
public final class ConflictReport {
  private static final int TOP = 20;

  private ConflictReport() {}

  /** The report as plain text. */
  public static String text() {
    long[] s = Stats.snapshot();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "AME conflict report: %d commits, %d aborts (%.1f%% of attempts), %d exclusive runs, "
        + "%d irrevocable runs, %d retries; %.1f ms wasted in aborted attempts and lock waits, %.1f ms spent waiting for blocks that ran alone%n%n",
        s[Stats.COMMITS], s[Stats.ABORTS], percent(s[Stats.ABORTS], s[Stats.ABORTS] + s[Stats.COMMITS]),
        s[Stats.EXCLUSIVE_RUNS], s[Stats.IRREVOCABLE_RUNS], s[Stats.RETRIES], totalWastedNanos() / 1e6,
        ConflictProfiler.waitedNanos() / 1e6));
    out.append("Regime: ").append(Regime.describe()).append("\n\n");
    out.append("Top conflicts, by time wasted in aborts and in waits for another commit writing back a location read "
        + "(fix the first: make the block read that location less, or not at all)\n");
    out.append(String.format(Locale.ROOT, "  %10s  %8s  %-44s  %-40s  %s%n", "wasted", "aborts", "contended location", "read at", "last written by block"));
    List<ConflictProfiler.Conflict> conflicts = ConflictProfiler.conflicts();
    if (conflicts.isEmpty()) {
      out.append("  (no conflicts)\n");
    }
    for (ConflictProfiler.Conflict c : conflicts.subList(0, Math.min(TOP, conflicts.size()))) {
      out.append(String.format(Locale.ROOT, "  %8.2f ms  %8d  %-44s  %-40s  %s%n", c.wastedNanos.sum() / 1e6, c.aborts.sum(),
          c.location, c.readAt, c.writtenBy));
    }
    out.append("\nIrrevocable runs, by block and cause (move the call out of the block, or defer it with Ame.onCommit)\n");
    Map<String, Long> causes = Txn.irrevocableCauses();
    if (causes.isEmpty()) {
      out.append("  (none)\n");
    }
    causes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
        .forEach(e -> out.append(String.format(Locale.ROOT, "  %8d  %s%n", e.getValue(), e.getKey())));
    out.append("\nBlocks\n");
    out.append(String.format(Locale.ROOT, "  %-48s  %10s  %8s  %s  %12s%n", "block", "commits", "aborts",
        "commits by attempts: 1 / 2 / 3-4 / 5-8 / 9+", "mean time"));
    for (ConflictProfiler.Block b : ConflictProfiler.blocks()) {
      long commits = b.commits;
      out.append(String.format(Locale.ROOT, "  %-48s  %10d  %8d  %8d / %d / %d / %d / %d  %10.1f us%n", b.name, commits,
          b.aborts, b.attempts[0], b.attempts[1], b.attempts[2], b.attempts[3],
          b.attempts[4], commits == 0 ? 0 : b.nanos / 1e3 / commits));
    }
    return out.toString();
  }

  /** The report as a self-contained HTML page. */
  public static String html() {
    long[] s = Stats.snapshot();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AME conflict report</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left;font-size:14px}th{background:#f3f3f3}")
        .append("td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}code{font-size:13px;word-break:break-all}")
        .append(".bar{fill:#d9534f}svg{width:100%;font-family:system-ui,sans-serif}")
        .append("</style></head><body><h1>AME conflict report</h1>");
    h.append(String.format(Locale.ROOT, "<p><b>%d</b> commits, <b>%d</b> aborts (%.1f%% of attempts), %d exclusive runs, "
        + "%d irrevocable runs, %d retries. <b>%.1f ms</b> wasted in aborted attempts and lock waits; %.1f ms spent waiting for blocks that ran alone.</p>",
        s[Stats.COMMITS], s[Stats.ABORTS], percent(s[Stats.ABORTS], s[Stats.ABORTS] + s[Stats.COMMITS]),
        s[Stats.EXCLUSIVE_RUNS], s[Stats.IRREVOCABLE_RUNS], s[Stats.RETRIES], totalWastedNanos() / 1e6,
        ConflictProfiler.waitedNanos() / 1e6));
    h.append("<p>Regime: ").append(escape(Regime.describe())).append(".</p>");
    List<ConflictProfiler.Conflict> conflicts = ConflictProfiler.conflicts();
    List<ConflictProfiler.Conflict> top = conflicts.subList(0, Math.min(TOP, conflicts.size()));
    h.append("<h2>Where the time went: top conflicts (aborts, and waits for a location another commit held)</h2>");
    if (top.isEmpty()) {
      h.append("<p>No conflicts.</p>");
    } else {
      long max = Math.max(1, top.get(0).wastedNanos.sum());
      int rowHeight = 26;
      h.append("<svg role=\"img\" aria-label=\"time wasted per contended location\" height=\"")
          .append(top.size() * rowHeight + 10).append("\">");
      for (int i = 0; i < top.size(); i++) {
        ConflictProfiler.Conflict c = top.get(i);
        double percent = Math.max(0.3, 30.0 * c.wastedNanos.sum() / max); // bars take up to 30% of the width
        int y = i * rowHeight + 4;
        h.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"0\" y=\"%d\" width=\"%.2f%%\" height=\"%d\"/>", y, percent, rowHeight - 8));
        h.append(String.format(Locale.ROOT, "<text x=\"%.2f%%\" y=\"%d\" font-size=\"13\">%.2f ms: %s, read at %s</text>",
            percent + 0.8, y + rowHeight - 12, c.wastedNanos.sum() / 1e6, escape(shortName(c.location)), escape(shortName(c.readAt))));
      }
      h.append("</svg>");
      h.append("<table><tr><th>wasted</th><th>aborts</th><th>contended location</th><th>read at</th><th>last written by block</th><th>aborted block</th></tr>");
      for (ConflictProfiler.Conflict c : top) {
        h.append(String.format(Locale.ROOT, "<tr><td class=\"n\">%.2f ms</td><td class=\"n\">%d</td><td><code>%s</code></td><td><code>%s</code></td><td><code>%s</code></td><td><code>%s</code></td></tr>",
            c.wastedNanos.sum() / 1e6, c.aborts.sum(), escape(c.location), escape(c.readAt), escape(c.writtenBy), escape(c.block)));
      }
      h.append("</table>");
    }
    h.append("<h2>Irrevocable runs</h2>");
    Map<String, Long> causes = Txn.irrevocableCauses();
    if (causes.isEmpty()) {
      h.append("<p>None.</p>");
    } else {
      h.append("<table><tr><th>runs</th><th>block and cause</th></tr>");
      causes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP).forEach(e ->
          h.append("<tr><td class=\"n\">").append(e.getValue()).append("</td><td><code>").append(escape(e.getKey())).append("</code></td></tr>"));
      h.append("</table>");
    }
    h.append("<h2>Blocks</h2><table><tr><th>block</th><th>commits</th><th>aborts</th><th>commits by attempts 1 / 2 / 3-4 / 5-8 / 9+</th><th>mean time</th></tr>");
    for (ConflictProfiler.Block b : ConflictProfiler.blocks()) {
      long commits = b.commits;
      h.append(String.format(Locale.ROOT, "<tr><td><code>%s</code></td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d / %d / %d / %d / %d</td><td class=\"n\">%.1f &micro;s</td></tr>",
          escape(b.name), commits, b.aborts, b.attempts[0], b.attempts[1], b.attempts[2],
          b.attempts[3], b.attempts[4], commits == 0 ? 0 : b.nanos / 1e3 / commits));
    }
    h.append("</table></body></html>\n");
    return h.toString();
  }

  private static long totalWastedNanos() {
    long sum = 0;
    for (ConflictProfiler.Conflict c : ConflictProfiler.conflicts()) {
      sum += c.wastedNanos.sum();
    }
    return sum;
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  /** {@code com.example.Bank.balance} as {@code Bank.balance}: the chart's labels stay short. */
  private static String shortName(String qualified) {
    int paren = qualified.indexOf('(');
    String head = paren < 0 ? qualified : qualified.substring(0, paren);
    int dot = head.lastIndexOf('.', head.lastIndexOf('.') - 1);
    return dot < 0 || head.indexOf(' ') >= 0 ? qualified : qualified.substring(dot + 1);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
