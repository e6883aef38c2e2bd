package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public contract of ame.jar (DESIGN.md section 2): packaging, options, the bank sample. */
class AgentContractTest {
  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @Test
  void jar_holdsOnlyRelocatedClassesAndTheManifest() throws IOException {
    try (JarFile jar = new JarFile(Jvm.agentJar().toFile())) {
      assertEquals("dev.ame.agent.AmeAgent", jar.getManifest().getMainAttributes().getValue("Premain-Class"));
      assertEquals("dev.ame.agent.AmeAgent", jar.getManifest().getMainAttributes().getValue("Agent-Class"));
      boolean hasRuntime = false;
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        assertTrue(name.startsWith("dev/ame/") || name.startsWith("META-INF/") || name.equals("dev/"),
            "entry outside dev/ame/ and META-INF/: " + name);
        hasRuntime |= name.equals("dev/ame/runtime/Txn.class");
      }
      assertTrue(hasRuntime, "the runtime is missing from ame.jar");
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void bankSample_keepsTheTotalAndPrintsNoWarning(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.run(jdk, null, true, Jvm.samples().toString(), "dev.ame.samples.bank.BankDemo", "4", "50000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK: no money was created or lost"), r.describe());
    assertFalse(r.stdout().contains("WARNING") || r.stderr().contains("WARNING") || r.stdout().contains("warning"),
        "the JVM or the agent printed a warning:\n" + r.describe());
  }

  /**
   * Twins must be compiled by the JIT like any method: a constant form that a JDK's compilers
   * reject keeps them interpreted, ten times slower (JDK 17 rejects primitive dynamic constants).
   */
  @ParameterizedTest
  @MethodSource("jdks")
  void twins_areCompiledByTheJit(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.run(jdk, List.of("-XX:+PrintCompilation"), null, true, Jvm.samples().toString(),
        "dev.ame.samples.bank.BankDemo", "2", "300000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().lines().anyMatch(l -> (l.contains("Bank::transfer$ame") || l.contains("Bank::transfer$alone"))
        && !l.contains("made not entrant") && !l.contains("COMPILE SKIPPED")), "the twin was never compiled:\n" + r.describe());
    assertFalse(r.stdout().lines().anyMatch(l -> (l.contains("$ame") || l.contains("$alone")) && l.contains("COMPILE SKIPPED")),
        "the JIT gave up on a twin:\n" + r.stdout().lines().filter(l -> l.contains("SKIPPED")).toList());
  }

  /**
   * A twin with field accesses on paths that never run (a JDK {@code HashMap} only looked up) is
   * compiled too: the JIT compilers give up on a method that holds a dynamic constant no executed
   * path has resolved, so field ids and VarHandles must not be such constants.
   */
  @ParameterizedTest
  @MethodSource("jdks")
  void twinsWithColdPaths_areCompiledByTheJit(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.run(jdk, List.of("-XX:+PrintCompilation"), null, true, Jvm.programs().toString(),
        dev.ame.it.programs.jdk.ColdPaths.class.getName(), "400000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK sum"), r.describe());
    assertTrue(r.stdout().lines().anyMatch(l -> l.contains("HashMap$$AmeTwin") && l.contains("::getNode$")
        && !l.contains("COMPILE SKIPPED")), "HashMap.getNode's twin was never compiled:\n" + r.describe());
    assertFalse(r.stdout().lines().anyMatch(l -> (l.contains("$ame") || l.contains("$alone")) && l.contains("COMPILE SKIPPED")),
        "the JIT gave up on a twin:\n" + r.stdout().lines().filter(l -> l.contains("SKIPPED")).toList());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void unknownOption_stopsTheJvmWithOneLine(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.run(jdk, "colour=blue", true, Jvm.samples().toString(), "dev.ame.samples.bank.BankDemo", "1", "10");
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("[ame] error: unknown agent option 'colour'"), r.describe());
    assertFalse(r.stdout().contains("transfers"), "main ran:\n" + r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void malformedOption_namesTheEntry(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.run(jdk, "log", true, Jvm.samples().toString(), "dev.ame.samples.bank.BankDemo", "1", "10");
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("agent option 'log' is not key=value"), r.describe());
  }
}
