package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.jdk.ArraysAndBits;
import dev.ame.it.programs.jdk.CapturedMemory;
import dev.ame.it.programs.jdk.ConsoleOutput;
import dev.ame.it.programs.jdk.HashMaps;
import dev.ame.it.programs.jdk.LinkedMaps;
import dev.ame.it.programs.jdk.Lists;
import dev.ame.it.programs.jdk.Queues;
import dev.ame.it.programs.jdk.Randoms;
import dev.ame.it.programs.jdk.ThreadLocals;
import dev.ame.it.programs.jdk.TreeMaps;
import dev.ame.it.programs.jdk.Utilities;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's corpus: JDK library code used inside atomic blocks by many threads (collections and
 * their views, {@code Random}, {@code ThreadLocal}, objects built inside the block, console
 * output), each program with invariants that blocks which did not appear to run alone would break.
 *
 * <p>With the agent, on every JDK: every check holds, and no block of the program became
 * irrevocable — the program prints {@code Ame.irrevocableCauses()} for its blocks, and the
 * assertion message lists them. The programs about rolled-back attempts (thread locals, console
 * output) also run with the fast path off, so that every block is speculative. Without the agent,
 * once on the JDK running the tests: the checks fail (which proves they can). The programs take
 * {@code threads iterations}; see {@code programs/jdk/Corpus}.
 */
class JdkInBlocksTest {
  private static final String THREADS = "4";
  private static final String ITERATIONS = "2000";
  private static final List<Class<?>> PROGRAMS = List.of(HashMaps.class, LinkedMaps.class, TreeMaps.class, Lists.class,
      Queues.class, ArraysAndBits.class, Utilities.class, Randoms.class, ThreadLocals.class, CapturedMemory.class);

  static Stream<Arguments> programsOnEveryJdk() {
    return PROGRAMS.stream().flatMap(p -> Jvm.jdks().stream().map(jdk -> Arguments.of(p.getSimpleName(), p, jdk)));
  }

  static Stream<Arguments> programs() {
    return PROGRAMS.stream().map(p -> Arguments.of(p.getSimpleName(), p));
  }

  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("programsOnEveryJdk")
  void program_withAgent_checksHoldAndNoBlockIsIrrevocable(String name, Class<?> program, Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgent(jdk, null, program, THREADS, ITERATIONS);
    expectChecksHold(r, name);
    expectNoIrrevocableBlock(r, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void program_withoutAgent_checksFail(String name, Class<?> program) {
    Jvm.Result r = Jvm.withoutAgent(Jvm.jdks().get(0), program, THREADS, ITERATIONS);
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("FAIL " + name), r.describe());
  }

  /** Rolled-back attempts are what these checks are about: here no block runs alone on the fast path. */
  @ParameterizedTest
  @MethodSource("jdks")
  void threadLocals_speculativeOnly_setsOfRolledBackAttemptsAreUndone(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgentSpeculative(jdk, ThreadLocals.class, THREADS, ITERATIONS);
    expectChecksHold(r, "ThreadLocals");
    expectNoIrrevocableBlock(r, "ThreadLocals");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void console_withAgent_linesAppearOncePerBlockInCommitOrder(Jvm.Jdk jdk) {
    expectOneLinePerBlockInCommitOrder(Jvm.withAgent(jdk, null, ConsoleOutput.class, THREADS, ITERATIONS));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void console_speculativeOnly_linesAppearOncePerBlockInCommitOrder(Jvm.Jdk jdk) {
    expectOneLinePerBlockInCommitOrder(Jvm.withAgentSpeculative(jdk, ConsoleOutput.class, THREADS, ITERATIONS));
  }

  /**
   * Output from a block appears when it commits, in commit order, and never from an attempt that
   * rolled back: the numbers printed are exactly 1..N (and the err lines every tenth).
   */
  private static void expectOneLinePerBlockInCommitOrder(Jvm.Result r) {
    expectChecksHold(r, "ConsoleOutput");
    long blocks = Long.parseLong(THREADS) * Long.parseLong(ITERATIONS);
    assertNull(firstDifference(LongStream.rangeClosed(1, blocks), numberLines(r.stdout(), "")),
        "stdout's numbers are not exactly 1.." + blocks + " in order\n" + r.describe());
    assertNull(firstDifference(LongStream.rangeClosed(1, blocks / 10).map(n -> n * 10), numberLines(r.stderr(), "err ")),
        "stderr's err lines are not exactly 10, 20, .., " + blocks + " in order\n" + r.describe());
    assertNull(firstDifference(LongStream.rangeClosed(1, Long.parseLong(ITERATIONS)), numberLines(r.stdout(), "took ")),
        "stdout's took lines are not exactly 1.." + ITERATIONS + " in order (took 0: a rolled-back attempt printed)\n" + r.describe());
    expectNoIrrevocableBlock(r, "ConsoleOutput");
  }

  @Test
  void console_withoutAgent_linesAreNotOneToNInOrder() {
    Jvm.Result r = Jvm.withoutAgent(Jvm.jdks().get(0), ConsoleOutput.class, THREADS, ITERATIONS);
    long blocks = Long.parseLong(THREADS) * Long.parseLong(ITERATIONS);
    assertNotNull(firstDifference(LongStream.rangeClosed(1, blocks), numberLines(r.stdout(), "")), r.describe());
    assertTrue(r.stdout().contains("FAIL ConsoleOutput"), r.describe());
  }

  private static void expectChecksHold(Jvm.Result r, String program) {
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("\nOK " + program + "\n"), r.describe());
  }

  /** The program's {@code irrevocable: ...} lines: the blocks that ran alone, and why. */
  private static void expectNoIrrevocableBlock(Jvm.Result r, String program) {
    List<String> causes = r.stdout().lines().filter(l -> l.startsWith("irrevocable: ")).collect(Collectors.toList());
    assertTrue(r.stdout().contains("irrevocable causes: "), "no causes printed\n" + r.describe());
    assertTrue(causes.isEmpty(), "blocks of " + program + " became irrevocable (each then runs alone):\n  "
        + String.join("\n  ", causes));
  }

  /** Where {@code actual} first differs from {@code expected} (or how their lengths differ), or null. */
  private static String firstDifference(LongStream expected, List<Long> actual) {
    long[] wanted = expected.toArray();
    for (int i = 0; i < Math.min(wanted.length, actual.size()); i++) {
      if (wanted[i] != actual.get(i)) {
        return "line " + (i + 1) + " of " + actual.size() + " is " + actual.get(i) + ", expected " + wanted[i];
      }
    }
    return wanted.length == actual.size() ? null : actual.size() + " lines, expected " + wanted.length;
  }

  /** The numbers of the lines that are {@code prefix} and a number, in order. */
  private static List<Long> numberLines(String output, String prefix) {
    return output.lines().filter(l -> l.startsWith(prefix) && l.substring(prefix.length()).matches("[0-9]+"))
        .map(l -> Long.parseLong(l.substring(prefix.length()))).collect(Collectors.toList());
  }
}
