package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.MBeanProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The conflict report (report=FILE), JFR events and the MBean, on the hot-spot sample. */
class ConflictReportTest {
  private static final String DEMO = "dev.ame.samples.hotspot.HotSpotDemo";

  @TempDir
  Path dir;

  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  /** The line of the planted hot spot, read from the sample's source so that the test follows edits. */
  private static int hotSpotLine() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(System.getProperty("ame.samples.sources",
        "../samples/src/main/java")).resolve("dev/ame/samples/hotspot/OrderDesk.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("processedOrders++")) {
        return i + 1;
      }
    }
    throw new IllegalStateException("the hot spot is gone from OrderDesk.java");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void report_namesThePlantedHotSpotFieldAndItsLine(Jvm.Jdk jdk) throws IOException {
    Path report = dir.resolve("report.txt");
    Jvm.Result r = Jvm.run(jdk, "report=" + report, true, Jvm.samples().toString(), DEMO, "naive", "4", "100000");
    assertEquals(0, r.exitCode(), r.describe());
    String text = Files.readString(report);
    String top = text.lines().filter(l -> l.contains(" ms ")).filter(l -> l.matches("\\s+[0-9.]+ ms\\s+[0-9]+\\s.*"))
        .findFirst().orElse("");
    assertTrue(top.contains("dev.ame.samples.hotspot.OrderDesk.processedOrders"), "top conflict:\n" + text);
    assertTrue(text.contains("dev.ame.samples.hotspot.OrderDesk.process:" + hotSpotLine()), "the read's line:\n" + text);
    assertTrue(text.contains("dev.ame.samples.hotspot.OrderDesk#process"), "the aborted block:\n" + text);
    assertTrue(r.stderr().contains("[ame] conflict report written to " + report), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void report_ofTheFixedDesk_hasNoHotSpot(Jvm.Jdk jdk) throws IOException {
    Path report = dir.resolve("report.html");
    Jvm.Result r = Jvm.run(jdk, "report=" + report, true, Jvm.samples().toString(), DEMO, "fixed", "4", "100000");
    assertEquals(0, r.exitCode(), r.describe());
    String html = Files.readString(report);
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("OrderDeskFixed#process"), html);
    assertFalse(html.contains("OrderDesk.processedOrders"), "the fixed desk still conflicts on the counter:\n" + html);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void htmlReport_drawsTheConflicts(Jvm.Jdk jdk) throws IOException {
    Path report = dir.resolve("report.html");
    Jvm.Result r = Jvm.run(jdk, "report=" + report, true, Jvm.samples().toString(), DEMO, "naive", "4", "100000");
    assertEquals(0, r.exitCode(), r.describe());
    String html = Files.readString(report);
    assertTrue(html.contains("<svg") && html.contains("<rect") && html.contains("OrderDesk.processedOrders"), html);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void jfr_recordsAbortEventsWithTheLocation(Jvm.Jdk jdk) {
    Path recording = dir.resolve("ame.jfr");
    Jvm.Result r = Jvm.run(jdk, List.of("-XX:StartFlightRecording=filename=" + recording), null, true,
        Jvm.samples().toString(), DEMO, "naive", "4", "100000");
    assertEquals(0, r.exitCode(), r.describe());
    Path jfr = jdk.java().resolveSibling("jfr");
    Jvm.Result printed = Jvm.exec(List.of(jfr.toString(), "print", "--events", "dev.ame.Abort", recording.toString()), 120);
    assertEquals(0, printed.exitCode(), printed.describe());
    assertTrue(printed.stdout().contains("dev.ame.Abort") && printed.stdout().contains("OrderDesk.processedOrders"),
        printed.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void mbean_showsLiveCounters(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgent(jdk, null, MBeanProbe.class);
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("Commits=1000"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void badReportPath_stopsTheJvmWithOneLine(Jvm.Jdk jdk) {
    Path missing = dir.resolve("no-such-dir").resolve("report.txt");
    Jvm.Result r = Jvm.run(jdk, "report=" + missing, true, Jvm.samples().toString(), DEMO, "naive", "1", "10");
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("[ame] error: agent option report=" + missing + ": directory " + missing.getParent()
        + " does not exist"), r.describe());
    assertEquals(1, r.stderr().strip().lines().count(), r.describe());
    Jvm.Result onDirectory = Jvm.run(jdk, "report=" + dir, true, Jvm.samples().toString(), DEMO, "naive", "1", "10");
    assertNotEquals(0, onDirectory.exitCode(), onDirectory.describe());
    assertTrue(onDirectory.stderr().contains("names a directory"), onDirectory.describe());
  }
}
