package dev.ame.bench;

import java.time.LocalDate;

/**
 * What the results file and the chart say about the run: when, on what, with which rounds.
 *
 * @param date the day of the run
 * @param jdk the runtime version and VM name
 * @param cores available processors
 * @param timing the rounds per configuration
 * @param loadAtStart the 1-minute load average when the run began
 * @param loadAtEnd the same at the end; null until {@link #withEnd}
 */
record RunInfo(String date, String jdk, int cores, Timing timing, String loadAtStart, String loadAtEnd) {
  static RunInfo now(Timing timing) {
    return new RunInfo(LocalDate.now().toString(), System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vm.name") + ")", Runtime.getRuntime().availableProcessors(), timing,
        load(), null);
  }

  /** This record with the load average now as the end's. */
  RunInfo withEnd() {
    return new RunInfo(date, jdk, cores, timing, loadAtStart, load());
  }

  private static String load() {
    return String.format(java.util.Locale.ROOT, "%.2f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Whether other work competed for the cores: a load average, at start or end, above the core count. */
  boolean underLoad() {
    return exceedsCores(loadAtStart) || exceedsCores(loadAtEnd);
  }

  private boolean exceedsCores(String load) {
    try {
      return load != null && Double.parseDouble(load) > cores;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** One line for a chart's subtitle. */
  String summary() {
    return String.format("%s, JDK %s, %d cores, load average %s -> %s; %d warm-up + %d timed rounds of %d ms, median",
        date, jdk, cores, loadAtStart, loadAtEnd, timing.warmupRounds(), timing.timedRounds(), timing.roundMillis());
  }
}
