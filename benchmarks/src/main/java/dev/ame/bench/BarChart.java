package dev.ame.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draws the results as an SVG bar chart, in plain Java: one panel per workload, in each a group of
 * bars per variant (1 thread solid, then each larger thread count of the run hatched, left to
 * right), the throughput divided by the workload's
 * uninstrumented 1-thread throughput, on a log scale shared by all panels (so 1x, the plain code
 * on one core, is the same line everywhere). Hovering a bar shows its figures.
 */
final class BarChart {
  private static final int COLUMNS = 3;
  private static final int PANEL_WIDTH = 440;
  private static final int PANEL_HEIGHT = 330;
  private static final int MARGIN = 20;
  private static final int HEADER = 96;
  private static final int PLOT_TOP = 30;
  private static final int PLOT_HEIGHT = 190;
  private static final int PLOT_LEFT = 72;
  private static final Map<String, String> COLOURS = Map.of(
      Variant.UNINSTRUMENTED.label(), "#8c8c8c",
      Variant.GLOBAL_LOCK.label(), "#d62728",
      Variant.AME.label(), "#1f5fb4",
      Variant.MULTIVERSE.label(), "#2ca02c",
      Variant.SCALA_STM.label(), "#9467bd",
      Variant.CLOJURE.label(), "#17a2b8");
  /** For the other variants, by kind: concurrent ones warm, AME ones blue. */
  private static final String[] CONCURRENT_COLOURS = {"#ff7f0e", "#b8860b", "#8c564b"};
  private static final String[] AME_COLOURS = {"#1f5fb4", "#6baed6", "#08306b"};
  private static final String PART_COLOUR = "#c7c7c7";

  private final StringBuilder svg = new StringBuilder();

  private BarChart() {}

  static void write(Path file, RunInfo info, List<Measurement> results) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, new BarChart().draw(info, results));
  }

  private String draw(RunInfo info, List<Measurement> results) {
    List<String> keys = new ArrayList<>();
    for (Measurement m : results) {
      if (!keys.contains(m.key())) {
        keys.add(m.key());
      }
    }
    double[] range = decades(results);
    List<Integer> threadCounts = results.stream().map(Measurement::threads).distinct().sorted().toList();
    int rows = (keys.size() + COLUMNS - 1) / COLUMNS;
    int width = 2 * MARGIN + COLUMNS * PANEL_WIDTH;
    int height = HEADER + rows * PANEL_HEIGHT + MARGIN;
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\">%n", width, height, width, height));
    svg.append("<defs><pattern id=\"hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" "
        + "patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"white\" fill-opacity=\"0.55\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"white\" stroke-width=\"2.5\"/></pattern></defs>\n");
    svg.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append(String.format("<text x=\"%d\" y=\"30\" font-size=\"20\" font-weight=\"bold\">%s%s</text>%n", MARGIN,
        "AME harness: throughput relative to the uninstrumented code on 1 thread",
        info.underLoad() ? "<tspan dx=\"10\" fill=\"#c0392b\">(under load: figures noisy)</tspan>" : ""));
    text(MARGIN, 52, 13, "normal", "start", info.summary() + "; log scale; higher is better");
    legend(MARGIN, 76, threadCounts);
    for (int i = 0; i < keys.size(); i++) {
      int x = MARGIN + (i % COLUMNS) * PANEL_WIDTH;
      int y = HEADER + (i / COLUMNS) * PANEL_HEIGHT;
      panel(x, y, keys.get(i), results, range, threadCounts);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private void legend(int x, int y, List<Integer> threadCounts) {
    rect(x, y - 11, 22, 12, "#555555", false, null);
    text(x + 28, y, 12, "normal", "start", "1 thread");
    rect(x + 95, y - 11, 22, 12, "#555555", true, null);
    String more = threadCounts.stream().filter(n -> n > 1).map(String::valueOf).collect(Collectors.joining(", "));
    text(x + 123, y, 12, "normal", "start", more + " threads, left to right (absent: the variant would race)");
    text(x + 520, y, 12, "normal", "start", "bar colours: grey plain code (light: a piece alone), red global "
        + "lock, orange/brown locks or java.util.concurrent, blue AME, green/purple/teal the peer STMs");
  }

  private void panel(int x, int y, String key, List<Measurement> results, double[] range,
      List<Integer> threadCounts) {
    List<Measurement> rows = results.stream().filter(m -> m.key().equals(key)).toList();
    double reference = reference(rows);
    List<Variant> variants = new ArrayList<>();
    for (Measurement m : rows) {
      if (!variants.contains(m.variant())) {
        variants.add(m.variant());
      }
    }
    text(x + PANEL_WIDTH / 2, y + 18, 14, "bold", "middle", rows.get(0).workload());
    int left = x + PLOT_LEFT;
    int plotWidth = PANEL_WIDTH - PLOT_LEFT - 16;
    int top = y + PLOT_TOP;
    int bottom = top + PLOT_HEIGHT;
    for (int decade = (int) range[0]; decade <= (int) range[1]; decade++) {
      double gy = yOf(Math.pow(10, decade), range, top);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
          + "stroke-width=\"%s\"/>%n", left, gy, left + plotWidth, gy, decade == 0 ? "#333333" : "#dddddd",
          decade == 0 ? "1.2" : "1"));
      text(left - 4, (int) Math.round(gy) + 4, 10, "normal", "end", decadeLabel(decade));
    }
    svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>%n", left, top, left,
        bottom));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 %d %d)\">÷ uninstrumented 1T</text>%n", x + 12, top + PLOT_HEIGHT / 2, x + 12,
        top + PLOT_HEIGHT / 2));
    double group = (double) plotWidth / variants.size();
    int bars = threadCounts.size();
    double bar = Math.min(16, group * 0.76 / bars);
    int concurrent = 0;
    int ame = 0;
    for (int v = 0; v < variants.size(); v++) {
      Variant variant = variants.get(v);
      String colour = COLOURS.get(variant.label());
      if (colour == null) {
        colour = variant.kind() == Variant.Kind.AME ? AME_COLOURS[ame++ % AME_COLOURS.length]
            : variant.kind() == Variant.Kind.PART ? PART_COLOUR
            : CONCURRENT_COLOURS[concurrent++ % CONCURRENT_COLOURS.length];
      }
      double gx = left + v * group + (group - bars * bar - 2 * (bars - 1)) / 2;
      for (int b = 0; b < bars; b++) {
        int threads = threadCounts.get(b);
        Measurement m = find(rows, variant, threads);
        if (m == null) {
          continue;
        }
        double value = m.opsPerSecond() / reference;
        double by = yOf(value, range, top);
        String tip = String.format(Locale.ROOT, "%s, %s, %d thread(s): %.3f Mops/s, %.3gx uninstrumented 1T%s",
            m.workload(), variant.label(), threads, m.opsPerSecond() / 1e6, value,
            m.problem() == null ? "" : ", PROBLEM: " + m.problem());
        double bx = gx + b * (bar + 2);
        rect(bx, by, bar, bottom - by, colour, threads > 1, tip);
        double vx = bx + bar / 2 + 3;
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#333333\" "
            + "transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n", vx, by - 3, vx, by - 3, ratioLabel(value)));
      }
      double lx = left + v * group + group / 2 + 3;
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" "
          + "transform=\"rotate(-40 %.1f %d)\">%s</text>%n", lx, bottom + 14, lx, bottom + 14, escape(variant.label())));
    }
  }

  /** The uninstrumented 1-thread throughput, or the global lock's where there is none. */
  private static double reference(List<Measurement> rows) {
    Measurement plain = find(rows, Variant.UNINSTRUMENTED, 1);
    Measurement lock = find(rows, Variant.GLOBAL_LOCK, 1);
    return plain != null ? plain.opsPerSecond() : lock != null ? lock.opsPerSecond() : rows.get(0).opsPerSecond();
  }

  /** The smallest and largest power of ten around every ratio, with room for the value labels, always including 1x. */
  private static double[] decades(List<Measurement> results) {
    double low = 0;
    double high = 0;
    for (Measurement m : results) {
      List<Measurement> rows = results.stream().filter(r -> r.key().equals(m.key())).toList();
      double log = Math.log10(m.opsPerSecond() / reference(rows));
      low = Math.min(low, Math.floor(log));
      high = Math.max(high, Math.ceil(log + 0.4));
    }
    return new double[] {low, Math.max(high, 1)};
  }

  private static double yOf(double value, double[] range, int top) {
    double log = Math.max(range[0], Math.log10(value));
    return top + PLOT_HEIGHT * (range[1] - log) / (range[1] - range[0]);
  }

  /** Two significant digits, as in the table's ratios. */
  private static String ratioLabel(double value) {
    return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : new java.math.BigDecimal(value)
        .round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
  }

  private static String decadeLabel(int decade) {
    return decade >= 0 ? String.format("%dx", (long) Math.pow(10, decade))
        : String.format(Locale.ROOT, "%sx", java.math.BigDecimal.ONE.scaleByPowerOfTen(decade).toPlainString());
  }

  private static Measurement find(List<Measurement> rows, Variant variant, int threads) {
    for (Measurement m : rows) {
      if (m.variant().equals(variant) && m.threads() == threads) {
        return m;
      }
    }
    return null;
  }

  private void rect(double x, double y, double w, double h, String colour, boolean hatched, String tip) {
    svg.append(String.format(Locale.ROOT, "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
        x, y, w, h, colour));
    if (hatched) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
          + "fill=\"url(#hatch)\"/>", x, y, w, h));
    }
    if (tip != null) {
      svg.append("<title>").append(escape(tip)).append("</title>");
    }
    svg.append("</g>\n");
  }

  private void text(int x, int y, int size, String weight, String anchor, String content) {
    svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"%s\">%s</text>%n",
        x, y, size, weight, anchor, escape(content)));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
