package dev.ame.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options after {@code -javaagent:ame.jar=}: a comma-separated list of {@code key=value}.
 * Immutable; every bad entry is rejected with the offending text and what was expected.
 *
 * <ul>
 * <li>{@code log=warn|info|debug}: how much the agent prints on stderr (default warn)</li>
 * <li>{@code config=FILE}: the config file (see the README)</li>
 * <li>{@code report=FILE}: profile conflicts and write the report there at exit (HTML when the
 *     name ends with {@code .html})</li>
 * </ul>
 */
final class AgentOptions {
  private static final Set<String> KEYS = Set.of("log", "config", "report");
  private static final Set<String> LOG_LEVELS = Set.of("warn", "info", "debug");

  final String log;
  final String config;
  final String report;

  private AgentOptions(String log, String config, String report) {
    this.log = log;
    this.config = config;
    this.report = report;
  }

  static AgentOptions parse(String args) {
    Map<String, String> values = new LinkedHashMap<>();
    if (args != null && !args.isBlank()) {
      for (String entry : args.split(",")) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("agent option '" + entry + "' is not key=value (options are "
              + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
        }
        String key = entry.substring(0, eq).trim();
        String value = entry.substring(eq + 1).trim();
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("unknown agent option '" + key + "' in '" + entry + "' (options are "
              + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
        }
        if (values.put(key, value) != null) {
          throw new IllegalArgumentException("agent option '" + key + "' is given twice");
        }
      }
    }
    String log = values.getOrDefault("log", "warn");
    if (!LOG_LEVELS.contains(log)) {
      throw new IllegalArgumentException("agent option log=" + log + " is not one of warn, info, debug");
    }
    String config = values.get("config");
    if (config != null && config.isEmpty()) {
      throw new IllegalArgumentException("agent option config= needs a file name");
    }
    String report = values.get("report");
    if (report != null) {
      checkWritable(report);
    }
    return new AgentOptions(log, config, report);
  }

  /** A report that could not be written at exit would be lost work: refuse the path now. */
  private static void checkWritable(String report) {
    if (report.isEmpty()) {
      throw new IllegalArgumentException("agent option report= needs a file name");
    }
    java.nio.file.Path path = java.nio.file.Path.of(report).toAbsolutePath();
    java.nio.file.Path dir = path.getParent();
    if (java.nio.file.Files.isDirectory(path)) {
      throw new IllegalArgumentException("agent option report=" + report + " names a directory; give a file such as "
          + path.resolve("ame-report.html"));
    }
    if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
      throw new IllegalArgumentException("agent option report=" + report + ": directory " + dir + " does not exist");
    }
    if (!java.nio.file.Files.isWritable(dir) || java.nio.file.Files.exists(path) && !java.nio.file.Files.isWritable(path)) {
      throw new IllegalArgumentException("agent option report=" + report + ": cannot write there (permission denied)");
    }
  }
}
