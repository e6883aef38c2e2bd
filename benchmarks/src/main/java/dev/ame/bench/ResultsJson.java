package dev.ame.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the measurements as JSON, one object per configuration, for scripts and later comparison. */
final class ResultsJson {
  private ResultsJson() {}

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
