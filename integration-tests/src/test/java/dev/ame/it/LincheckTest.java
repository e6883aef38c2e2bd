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
 * <p>Stress mode in CI. Model checking ({@code LincheckChecks model}) runs beside the agent once
 * the agent's exception handlers have a shape Lincheck's bytecode analysis accepts, and it catches
 * a broken runtime within seconds; but on the correct runtime it still reports false failures, so
 * it is not run here: AME's waits (the serial gate, locked lock words) look like livelocks to it,
 * it ends such "hung" runs by throwing into the threads inside the runtime, which can leave a
 * thread's context in a block that the next run then joins; and the runtime's identity hash codes
 * make some replays differ ("Non-determinism found"). See docs/GUARANTEES.md.
 *
 * <p>Teeth: {@link #brokenRuntime_isCaught} (run by hand with {@code -Dame.teeth=true}) breaks
 * the runtime ({@code -Dame.test.break=...}, see the runtime's {@code FaultInjection}) and expects
 * Lincheck to catch it; what each break is caught by, and how often, is in docs/GUARANTEES.md.
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

  /** Scenarios per check, and runs of each, in CI (about 40 s a JDK on the shared 2-core machine). */
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
    for (String name : LincheckChecks.names()) {
      assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("OK " + name + " [stress]:")), name + "\n" + r.describe());
    }
    assertEquals(0, r.exitCode(), r.describe());
  }

  /**
   * Each break of the runtime must make some check fail: {@code novalidate} and {@code nolock} the
   * checks whose blocks run speculatively ({@code TxMap}, {@code TxQueue}, {@code TxCounter},
   * {@code Ledger}), {@code noexclusion} those whose blocks must run alone (the JDK's collections:
   * {@code Cache}, {@code BoundedQueue}, {@code SortedSet}). Speculative only (fast path off), and
   * more runs than in CI; prints which checks failed, for the record.
   */
  @ParameterizedTest
  @EnabledIfSystemProperty(named = "ame.teeth", matches = "true")
  @ValueSource(strings = {"novalidate", "nolock", "noexclusion"})
  void brokenRuntime_isCaught(String broken) throws IOException {
    Jvm.Jdk jdk = Jvm.jdks().get(0);
    Jvm.Result r = run(jdk, dir, List.of("-Dame.test.break=" + broken, "-Dame.fastPath=false",
        "-Dlincheck.iterations=" + Integer.getInteger("teeth.iterations", 20),
        "-Dlincheck.invocations=" + Integer.getInteger("teeth.invocations", 200)), "stress");
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
