package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.litmus.Litmus;
import dev.ame.it.programs.litmus.Privatization;
import dev.ame.it.programs.litmus.TornLongDoubleInBlock;
import dev.ame.it.programs.litmus.WriteSkew;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Memory-model litmus tests in the jcstress style (issue 14), written with jcstress's annotations
 * and run by {@link Litmus} in JVMs with {@code -javaagent:ame.jar} on every JDK, with the fast
 * path on and off: publication, privatization, no torn {@code long}/{@code double}, no value out
 * of thin air, write skew, a {@code volatile} field written in a block. Each case runs 1 s; the
 * first round of each is slow (its blocks are rewritten and interpreted), so in CI on the shared
 * 2-core machine a case counts from a few thousand to a few hundred thousand runs, and millions
 * when given longer ({@code -Dlitmus.millis}). A forbidden outcome seen once fails it.
 *
 * <p>Teeth: without the agent the concurrency cases fail (asserted below). With a broken runtime
 * ({@link #brokenRuntime_isCaught}, by hand: {@code -Dame.test.break=...}, speculative, 3 s a
 * case), JDK 17: {@code nofence} fails {@code Privatization} (55 forbidden of 374,784 runs);
 * {@code novalidate} fails {@code Privatization} (171,718 of 522,240) and {@code WriteSkew}
 * (157,781 of 2,174,976); {@code nolock} fails {@code Privatization} (96,162 of 401,408),
 * {@code WriteSkew} (345,360 of 5,357,568) and {@code TornLongDoubleInBlock} (100 mixed of
 * 3,039,232). The other cases are about code outside blocks and the write-back's order, which
 * none of these breaks changes.
 */
class LitmusTest {
  /** Only the cases' own classes are rewritten: jcstress's result classes stay plain. */
  static final String CONFIG = "instrument dev.ame.it.programs.litmus.**\n";
  static final long MILLIS_PER_CASE = 1000;

  @TempDir
  Path dir;

  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void litmus_fastPathOn_noForbiddenOutcome(Jvm.Jdk jdk) throws IOException {
    expectAllPass("fast path on, " + jdk, run(jdk, dir, List.of(), true));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void litmus_speculative_noForbiddenOutcome(Jvm.Jdk jdk) throws IOException {
    expectAllPass("speculative, " + jdk, run(jdk, dir, List.of("-Dame.fastPath=false"), true));
  }

  /**
   * Without the agent the blocks are plain code: the cases about concurrency must see forbidden
   * outcomes. Which of them does in a second varies with the machine's timing (each does about
   * one run in two here), so it is enough that one of them does.
   */
  @ParameterizedTest
  @MethodSource("jdks")
  void litmus_withoutAgent_concurrencyCasesFail(Jvm.Jdk jdk) throws IOException {
    List<String> cases = List.of(Privatization.class.getSimpleName(), WriteSkew.class.getSimpleName(),
        TornLongDoubleInBlock.class.getSimpleName());
    Jvm.Result r = run(jdk, dir, List.of(), false, cases.toArray(String[]::new));
    assertNotEquals(0, r.exitCode(), "every concurrency case passed without the agent: they prove nothing\n" + r.describe());
    assertTrue(r.stdout().lines().anyMatch(l -> cases.stream().anyMatch(c -> l.startsWith("FAIL " + c + ":"))), r.describe());
  }

  /**
   * Each break of the runtime is caught by the case about it: the privatization fence removed
   * ({@code nofence}) by {@code Privatization}; commits that skip validation or locking by
   * {@code WriteSkew}. Run by hand ({@code -Dame.teeth=true}), speculative, 3 s a case.
   */
  @ParameterizedTest
  @EnabledIfSystemProperty(named = "ame.teeth", matches = "true")
  @CsvSource({"nofence, Privatization", "novalidate, WriteSkew", "nolock, WriteSkew", "nolock, TornLongDoubleInBlock"})
  void brokenRuntime_isCaught(String broken, String caughtBy) throws IOException {
    Jvm.Result r = run(Jvm.jdks().get(0), dir, List.of("-Dame.test.break=" + broken, "-Dame.fastPath=false",
        "-Dlitmus.millis=" + Long.getLong("teeth.millis", 3000)), true);
    System.out.println("ame.test.break=" + broken + ":\n" + r.stdout());
    assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("FAIL " + caughtBy + ":")), r.describe());
  }

  private static void expectAllPass(String label, Jvm.Result r) {
    System.out.println("Litmus, " + label + ":\n" + r.stdout().strip()); // the outcomes counted, for the record
    for (String name : Litmus.names()) {
      assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("OK " + name + ":")), name + "\n" + r.describe());
    }
    assertEquals(0, r.exitCode(), r.describe());
  }

  /** Runs {@link Litmus} (with the agent and the config above, or without the agent). */
  static Jvm.Result run(Jvm.Jdk jdk, Path dir, List<String> options, boolean agent, String... cases) throws IOException {
    Path config = Files.writeString(dir.resolve("litmus.conf"), CONFIG);
    List<String> jvm = new ArrayList<>(options);
    if (options.stream().noneMatch(o -> o.startsWith("-Dlitmus.millis"))) {
      jvm.add("-Dlitmus.millis=" + Long.getLong("litmus.millis", MILLIS_PER_CASE));
    }
    String classPath = Jvm.programs() + File.pathSeparator + jcstressJars() + File.separator + "*";
    return Jvm.run(jdk, jvm, agent ? "config=" + config : null, agent, classPath, Litmus.class.getName(), cases);
  }

  static Path jcstressJars() {
    Path jars = Path.of(System.getProperty("ame.jcstress", "target/jcstress")).toAbsolutePath();
    if (!Files.isDirectory(jars)) {
      throw new IllegalStateException("jcstress-core not found at " + jars + ": run mvn generate-test-resources");
    }
    return jars;
  }
}
