package dev.ame.bench;

import dev.ame.Ame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the measurements as JSON, one object per configuration and per line, then the ratios
 * ({@link Ratios}: one object per AME variant, workload and thread count, each ratio with its bar
 * and verdict), for scripts and later comparison; reads such a file back (only this writer's
 * layout, only the measurements) to redraw its chart.
 */
final class ResultsJson {
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (null|\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE]+)");

  private ResultsJson() {}

  /** The run and the measurements of a file this class wrote. */
  record Contents(RunInfo info, List<Measurement> results) {}

  static Contents read(Path file) throws IOException {
    RunInfo info = null;
    List<Measurement> results = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      Map<String, String> f = fields(line);
      if (line.contains("\"run\":")) {
        info = new RunInfo(f.get("date"), f.get("jdk"), Integer.parseInt(f.get("cores")),
            new Timing(Integer.parseInt(f.get("warmupRounds")), Integer.parseInt(f.get("timedRounds")),
                Long.parseLong(f.get("roundMillis"))), f.get("loadAtStart"), f.get("loadAtEnd"));
      } else if (f.containsKey("opsPerSecond")) { // a measurement, not a ratio
        results.add(new Measurement(f.get("workload"), f.get("name"),
            new Variant(f.get("variant"), Variant.Kind.valueOf(f.get("kind"))), Integer.parseInt(f.get("threads")),
            Double.parseDouble(f.get("opsPerSecond")), Double.parseDouble(f.get("slowestRound")),
            Double.parseDouble(f.get("fastestRound")), new Ame.Statistics(Long.parseLong(f.get("commits")),
                Long.parseLong(f.get("aborts")), Long.parseLong(f.get("exclusiveRuns")),
                Long.parseLong(f.get("irrevocableRuns")), 0, Long.parseLong(f.getOrDefault("aloneRuns", "0"))),
            f.get("problem")));
      }
    }
    if (info == null || results.isEmpty()) {
      throw new IOException(file + " is not a results file of the harness (no \"run\" line or no results)");
    }
    return new Contents(info, results);
  }

  /** The fields of one line: strings unescaped, null as null, numbers as written. */
  private static Map<String, String> fields(String line) {
    Map<String, String> fields = new HashMap<>();
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      String raw = m.group(2);
      fields.put(m.group(1), raw.equals("null") ? null : m.group(3) != null ? unquote(m.group(3)) : raw);
    }
    return fields;
  }

  private static String unquote(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      if (next == 'n') {
        out.append('\n');
      } else if (next == 'u' && i + 4 < text.length()) {
        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        out.append(next);
      }
    }
    return out.toString();
  }

  static void write(Path file, RunInfo info, List<Measurement> results, List<Ratios.Row> ratios)
      throws IOException {
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"run\": {")
        .append("\"date\": ").append(quote(info.date()))
        .append(", \"jdk\": ").append(quote(info.jdk()))
        .append(", \"cores\": ").append(info.cores())
        .append(", \"warmupRounds\": ").append(info.timing().warmupRounds())
        .append(", \"timedRounds\": ").append(info.timing().timedRounds())
        .append(", \"roundMillis\": ").append(info.timing().roundMillis())
        .append(", \"loadAtStart\": ").append(quote(info.loadAtStart()))
        .append(", \"loadAtEnd\": ").append(quote(info.loadAtEnd()))
        .append(", \"threadCounts\": ").append(results.stream().map(Measurement::threads).distinct().sorted().toList())
        .append("},\n  \"results\": [");
    for (int i = 0; i < results.size(); i++) {
      Measurement m = results.get(i);
      json.append(i == 0 ? "\n" : ",\n").append("    {")
          .append("\"workload\": ").append(quote(m.key()))
          .append(", \"name\": ").append(quote(m.workload()))
          .append(", \"variant\": ").append(quote(m.variant().label()))
          .append(", \"kind\": ").append(quote(m.variant().kind().name()))
          .append(", \"threads\": ").append(m.threads())
          .append(", \"opsPerSecond\": ").append(number(m.opsPerSecond()))
          .append(", \"slowestRound\": ").append(number(m.slowest()))
          .append(", \"fastestRound\": ").append(number(m.fastest()))
          .append(", \"nsPerOpPerThread\": ").append(number(m.nanosPerOpPerThread()))
          .append(", \"commits\": ").append(m.transactions().commits())
          .append(", \"aborts\": ").append(m.transactions().aborts())
          .append(", \"exclusiveRuns\": ").append(m.transactions().exclusiveRuns())
          .append(", \"irrevocableRuns\": ").append(m.transactions().irrevocableRuns())
          .append(", \"aloneRuns\": ").append(m.transactions().aloneRuns())
          .append(", \"problem\": ").append(quote(m.problem()))
          .append('}');
    }
    json.append("\n  ],\n  \"ratios\": [");
    for (int i = 0; i < ratios.size(); i++) {
      json.append(i == 0 ? "\n" : ",\n").append("    ").append(ratio(ratios.get(i)));
    }
    json.append("\n  ]\n}\n");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json);
  }

  /** One row of ratios on one line; a missing ratio or bar is null. */
  private static String ratio(Ratios.Row row) {
    StringBuilder json = new StringBuilder("{")
        .append("\"workload\": ").append(quote(row.key()))
        .append(", \"name\": ").append(quote(row.workload()))
        .append(", \"variant\": ").append(quote(row.ame().label()))
        .append(", \"threads\": ").append(row.threads())
        .append(", \"bestLockThreads\": ").append(row.bestLockThreads());
    judged(json, "ameVsBestLock", row.vsBestLock());
    judged(json, "ameVsAme1T", row.vsOneThread());
    json.append(", \"abortsPer1000\": ").append(ratioNumber(row.abortsPer1000()));
    judged(json, "floor", row.floor());
    json.append(", \"peers\": [");
    for (int i = 0; i < row.peers().size(); i++) {
      Ratios.PeerRatio p = row.peers().get(i);
      json.append(i == 0 ? "" : ", ").append("{\"peer\": ").append(quote(p.peer().label()))
          .append(", \"ameVsPeer1T\": ").append(ratioNumber(p.oneThread()))
          .append(", \"ameVsPeer\": ").append(ratioNumber(p.atN()))
          .append(", \"ameVsPeerAt1T\": ").append(ratioNumber(p.atNVsPeerOneThread()))
          .append(", \"verdict\": ").append(quote(Report.verdict(p.met()))).append('}');
    }
    json.append(']');
    judged(json, "singleThreadCost", row.singleThreadCost());
    judged(json, "printCost", row.printCost());
    return json.append('}').toString();
  }

  /** {@code "name": value, "nameBar": bar, "nameVerdict": "PASS"}, nulls where absent. */
  private static void judged(StringBuilder json, String name, Ratios.Judged judged) {
    json.append(", \"").append(name).append("\": ").append(ratioNumber(judged.value()))
        .append(", \"").append(name).append("Bar\": ").append(ratioNumber(judged.bar()))
        .append(", \"").append(name).append("Verdict\": ").append(judged.judged() ? quote(judged.verdict()) : "null");
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A ratio to 4 decimals, or null for NaN (JSON has no NaN). */
  private static String ratioNumber(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** A JSON string, or null. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
