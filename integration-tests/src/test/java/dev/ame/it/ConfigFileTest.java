package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.legacy.BufferMain;
import dev.ame.it.programs.legacy.LegacyMain;
import dev.ame.it.programs.legacy.PlainCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The config file (DESIGN.md section 2), and legacy synchronized code made atomic without edits. */
class ConfigFileTest {
  @TempDir
  Path dir;

  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  private Jvm.Result runWithConfig(Jvm.Jdk jdk, String config, Class<?> main, String... args) {
    return Jvm.withAgent(jdk, "config=" + config, main, args);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void synchronizedDirective_legacyLockCodeStaysCorrectAndRunsAsBlocks(Jvm.Jdk jdk) throws IOException {
    String config = write("legacy.conf", "# the legacy package\nsynchronized dev.ame.it.programs.legacy.**\n");
    Jvm.Result r = runWithConfig(jdk, config, LegacyMain.class, "2", "50000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK legacy synchronized code stayed correct"), r.describe());
    assertTrue(r.stdout().contains("commits=10"), "the blocks did not run as transactions:\n" + r.describe());
    assertFalse(r.stderr().contains("warning"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void synchronizedDirective_waitNotifyBufferTransfersEveryItemOnceAndHonoursInterrupt(Jvm.Jdk jdk) throws IOException {
    String config = write("legacy.conf", "synchronized dev.ame.it.programs.legacy.**\n");
    Jvm.Result r = runWithConfig(jdk, config, BufferMain.class, "2", "2", "10000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK 20000 items each arrived exactly once"), r.describe());
    assertTrue(r.stdout().contains("OK an interrupted waiting block left with InterruptedException"), r.describe());
    assertTrue(r.stdout().contains("OK wait(timeout) honoured its timeout"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void atomicDirective_makesAnUnannotatedMethodAtomic(Jvm.Jdk jdk) throws IOException {
    String config = write("atomic.conf", "atomic dev.ame.it.programs.legacy.PlainCounter#increment()\n");
    Jvm.Result r = runWithConfig(jdk, config, PlainCounter.class, "4", "100000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK no update lost"), r.describe());
    Jvm.Result without = Jvm.withoutAgent(jdk, PlainCounter.class, "4", "1000000");
    assertNotEquals(0, without.exitCode(), "the racy counter should lose updates without the agent:\n" + without.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void patternMatchingNothing_isReportedAtExit(Jvm.Jdk jdk) throws IOException {
    String config = write("typo.conf", "atomic dev.ame.it.programs.legacy.PlainCounter#increment\n"
        + "instrument dev.ame.it.programs.**\nexclude dev.ame.it.progams.**\n");
    Jvm.Result r = runWithConfig(jdk, config, PlainCounter.class, "1", "10");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("[ame] warning: " + config + ":3: 'exclude dev.ame.it.progams.**' matched no class"),
        r.describe());
    assertFalse(r.stderr().contains(config + ":1:") || r.stderr().contains(config + ":2:"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void badConfig_stopsTheJvmBeforeMainWithFileLineAndWhatWasExpected(Jvm.Jdk jdk) throws IOException {
    assertRejected(jdk, dir.resolve("missing.conf").toString(), "config file not found");
    assertRejected(jdk, write("unknown.conf", "instrument a.**\n\ninstrumnet b.**\n"), ":3: unknown directive 'instrumnet'");
    assertRejected(jdk, write("pattern.conf", "exclude com..example\n"), ":1: 'com..example' has an empty name segment");
    assertRejected(jdk, write("atomic.conf", "# ok\natomic com.example.Bank\n"), ":2: 'atomic' takes Class#method");
    assertRejected(jdk, write("words.conf", "instrument a.** b.**\n"), ":1: expected '<directive> <pattern>'");
    assertRejected(jdk, write("stars.conf", "instrument a.***\n"), ":1: 'a.***' has '***'");
  }

  private void assertRejected(Jvm.Jdk jdk, String config, String expected) {
    Jvm.Result r = runWithConfig(jdk, config, PlainCounter.class, "1", "10");
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("[ame] error: " + config) && r.stderr().contains(expected),
        "expected '" + expected + "' naming " + config + "\n" + r.describe());
    assertFalse(r.stdout().contains("value"), "main ran:\n" + r.describe());
    assertEquals(1, r.stderr().strip().lines().count(), "more than one line:\n" + r.describe());
  }
}
