package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.lincheck.LincheckChecks;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lincheck, JetBrains' linearizability checker (issue 14), run inside JVMs started with
 * {@code -javaagent:ame.jar} on every JDK: {@code TxMap}, {@code TxQueue}, {@code TxCounter} and
 * four ordinary sequential classes made atomic three ways (see {@link LincheckChecks}) must
 * behave, under random concurrent scenarios, as their sequential specifications do.
 *
 * <p>Stress mode in CI, 5 scenarios of 50 invocations per check (15 checks: 75 scenarios, 3,750
 * invocations a JDK). Model checking ({@code LincheckChecks model}) does not run beside the
 * agent, and is not run here: in a JVM with the agent, Lincheck 3.7's model checker ends its first
 * check after about 45 s with a bare {@code java.lang.NullPointerException} (TxMap, or TxCounter
 * when run first), and every later check with {@code LincheckAssertionError: = The execution has
 * hung =}, the hung threads waiting in {@code Txn.start -> Regime.serial(): true ->
 * SerialGate.acquireWhileSerial} (TxCounter, Cache/synchronized, Ledger@Atomic alike): the
 * runtime's gate waits (a spin, then a sleep until the holder hands the gate over) are not
 * something its scheduler can drive. Stress mode runs the same scenarios on real threads.
 *
 * <p>Teeth ({@link #brokenRuntime_isCaught}, by hand: {@code -Dame.teeth=true}; speculative,
 * 10 scenarios x 100 invocations): it failed 3 runs of 3 with {@code novalidate} and 3 of 3
 * with {@code nolock}. Which checks caught each (JDK 17; counts in docs/GUARANTEES.md):
 * <ul>
 *   <li>{@code novalidate}: TxMap, TxQueue, BoundedQueue x3 every run; Ledger, TxCounter,
 *       Cache, SortedSet some runs (see docs/GUARANTEES.md for the counts);
 *   <li>{@code nolock}: TxMap, TxQueue, BoundedQueue x3, Ledger/atomic, SortedSet/atomic and
 *       /synchronized every run; the others some runs.
 * </ul>
 * {@code noexclusion} and {@code nofence} are not Lincheck's to catch: no block here runs alone
 * (the runtime counts 0 irrevocable and 0 exclusive runs: the JDK's collections run speculatively
 * through their twins), and every access is inside a block (privatization is {@link LitmusTest}'s).
 */
class LincheckTest {
  /**
   * The agent rewrites only the checks' own classes: Lincheck, Kotlin and coroutines stay out of
   * AME's scope. The nested {@code Listed} classes' methods become atomic by directive, the
   * {@code Legacy} classes' synchronized methods by the {@code synchronized} directive.
   */
  static final String CONFIG = """
      instrument   dev.ame.it.programs.lincheck.**
      atomic       dev.ame.it.programs.lincheck.*$Listed#*
      synchronized dev.ame.it.programs.lincheck.*$Legacy
      """;

  /** Scenarios per check, and runs of each, in CI (40-50 s a JDK on the shared 2-core machine). */
  static final int ITERATIONS = 5;
  static final int INVOCATIONS = 50;

  @TempDir
  Path dir;

  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void stress_everyCheck_isLinearizable(Jvm.Jdk jdk) throws IOException {
    Jvm.Result r = run(jdk, dir, List.of(), "stress");
    System.out.println("Lincheck on " + jdk + ":\n" + r.stdout().strip()); // the scenarios run, for the record
    for (String name : LincheckChecks.names()) {
      assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("OK " + name + " [stress]:")), name + "\n" + r.describe());
    }
    assertEquals(0, r.exitCode(), r.describe());
  }

  /**
   * Each break of the commit ({@code novalidate}, {@code nolock}) must make some check fail.
   * Speculative only (fast path off: else most blocks run alone), and more runs than in CI;
   * prints which checks failed, for the record.
   */
  @ParameterizedTest
  @EnabledIfSystemProperty(named = "ame.teeth", matches = "true")
  @ValueSource(strings = {"novalidate", "nolock"})
  void brokenRuntime_isCaught(String broken) throws IOException {
    Jvm.Jdk jdk = Jvm.jdks().get(0);
    Jvm.Result r = run(jdk, dir, List.of("-Dame.test.break=" + broken, "-Dame.fastPath=false",
        "-Dlincheck.iterations=" + Integer.getInteger("teeth.iterations", 10),
        "-Dlincheck.invocations=" + Integer.getInteger("teeth.invocations", 100)), "stress");
    System.out.println("ame.test.break=" + broken + ": " + r.stdout().lines().filter(l -> l.startsWith("FAIL ") || l.startsWith("OK "))
        .map(l -> l.substring(0, l.indexOf(':'))).toList());
    assertNotEquals(0, r.exitCode(), "nothing caught ame.test.break=" + broken + "\n" + r.describe());
  }

  /** Runs {@link LincheckChecks} with the agent and the config above; {@code options} go to the JVM. */
  static Jvm.Result run(Jvm.Jdk jdk, Path dir, List<String> options, String... args) throws IOException {
    Path config = Files.writeString(dir.resolve("lincheck.conf"), CONFIG);
    List<String> jvm = new ArrayList<>(options);
    if (options.stream().noneMatch(o -> o.startsWith("-Dlincheck."))) {
      jvm.add("-Dlincheck.iterations=" + Integer.getInteger("lincheck.iterations", ITERATIONS));
      jvm.add("-Dlincheck.invocations=" + Integer.getInteger("lincheck.invocations", INVOCATIONS));
    }
    jvm.add("-Djdk.attach.allowAttachSelf=true"); // Lincheck attaches its own agent: in process, not by a helper JVM
    if (AsyncExceptionsTest.featureVersion(jdk) >= 21) {
      jvm.add("-XX:+EnableDynamicAgentLoading"); // else JDK 21+ warns about Lincheck's agent on stderr
    }
    String classPath = Jvm.programs() + File.pathSeparator + lincheckJars() + File.separator + "*";
    return Jvm.run(jdk, jvm, "config=" + config, true, classPath, LincheckChecks.class.getName(), args);
  }

  static Path lincheckJars() {
    Path jars = Path.of(System.getProperty("ame.lincheck", "target/lincheck")).toAbsolutePath();
    if (!Files.isDirectory(jars)) {
      throw new IllegalStateException("Lincheck's jars not found at " + jars + ": run mvn generate-test-resources");
    }
    return jars;
  }
}
