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
 * Writes the measurements as JSON, one object per configuration and per line, for scripts and
 * later comparison; reads such a file back (only this writer's layout) to redraw its chart.
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
      } else if (f.containsKey("workload")) {
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

  static void write(Path file, RunInfo info, List<Measurement> results) throws IOException {
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
    json.append("\n  ]\n}\n");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
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
