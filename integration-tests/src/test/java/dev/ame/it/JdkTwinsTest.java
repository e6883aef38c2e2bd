package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.JdkCollections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JDK collections used inside blocks run in their transactional twins: on every JDK, the
 * program's invariants hold and none of its blocks becomes irrevocable, with the fast path and
 * with every block speculative. The checks have teeth: without the agent they fail, and so they do
 * when JDK calls run their original code unprotected ({@code -Dame.jdk=unsafe-originals}, what a
 * runtime that skipped the twins' barriers would do).
 */
class JdkTwinsTest {
  private static final String THREADS = "4";
  private static final String ITERATIONS = "3000";

  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void collections_withAgent_invariantsHoldAndNoBlockIsIrrevocable(Jvm.Jdk jdk) {
    expectCorrectAndSpeculative(Jvm.withAgent(jdk, null, JdkCollections.class, THREADS, ITERATIONS));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void collections_speculativeOnly_invariantsHoldAndNoBlockIsIrrevocable(Jvm.Jdk jdk) {
    expectCorrectAndSpeculative(Jvm.withAgentSpeculative(jdk, JdkCollections.class, THREADS, ITERATIONS));
  }

  @Test
  void collections_jdkCallsIrrevocable_invariantsHoldButBlocksRunAlone() {
    Jvm.Result r = run(List.of("-Dame.jdk=irrevocable"));
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("irrevocable: block " + JdkCollections.class.getName()), r.describe());
  }

  @Test
  void collections_twinsSkippingTheirBarriers_invariantsFail() {
    Jvm.Result r = run(List.of("-Dame.fastPath=false", "-Dame.jdk=unsafe-originals"));
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("FAIL "), r.describe());
  }

  /**
   * Objects an attempt allocated are written in place (the runtime's {@code CapturedObjects}): a
   * runtime that takes shared objects for its own ({@code captureall}), or keeps taking them so
   * after they were published ({@code capturekept}), breaks the invariants.
   */
  @ParameterizedTest
  @ValueSource(strings = {"captureall", "capturekept"})
  void collections_sharedObjectsWrittenAsCaptured_invariantsFail(String broken) {
    Jvm.Result r = run(List.of("-Dame.fastPath=false", "-Dame.test.break=" + broken));
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("FAIL "), r.describe());
  }

  @Test
  void collections_withoutAgent_invariantsFail() {
    Jvm.Result r = Jvm.withoutAgent(Jvm.jdks().get(0), JdkCollections.class, THREADS, ITERATIONS);
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("FAIL "), r.describe());
  }

  private static Jvm.Result run(List<String> jvmOptions) {
    return Jvm.run(Jvm.jdks().get(0), jvmOptions, null, true, Jvm.programs().toString(), JdkCollections.class.getName(),
        THREADS, ITERATIONS);
  }

  private static void expectCorrectAndSpeculative(Jvm.Result r) {
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("irrevocable causes: 0"), "blocks became irrevocable:\n" + r.describe());
  }
}
