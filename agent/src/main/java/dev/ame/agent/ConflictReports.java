package dev.ame.agent;

import dev.ame.runtime.ConflictProfiler;
import dev.ame.runtime.ConflictReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code report=FILE}: turns the profiler on and writes its report when the JVM exits. */
final class ConflictReports {
  private ConflictReports() {}

  static void install(String file, AgentLog log) {
    ConflictProfiler.enable();
    Path path = Path.of(file).toAbsolutePath();
    boolean html = file.endsWith(".html") || file.endsWith(".htm");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.writeString(path, html ? ConflictReport.html() : ConflictReport.text(), StandardCharsets.UTF_8);
        System.err.println("[ame] conflict report written to " + path);
      } catch (IOException e) {
        System.err.println("[ame] error: could not write the conflict report to " + path + ": " + e.getMessage());
      }
    }, "ame-conflict-report"));
    log.info("profiling conflicts; the report goes to " + path + " at exit");
  }
}
