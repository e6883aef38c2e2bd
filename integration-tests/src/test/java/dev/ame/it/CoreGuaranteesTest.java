package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.FalseConflicts;
import dev.ame.it.programs.LongTransaction;
import dev.ame.it.programs.LostUpdates;
import dev.ame.it.programs.Opacity;
import dev.ame.it.programs.Privatization;
import dev.ame.it.programs.Semantics;
import dev.ame.it.programs.SerializabilityOracle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guarantees of DESIGN.md section 3, each checked by a program run in a fresh JVM with
 * {@code -javaagent:ame.jar} on every JDK found; where a check is about concurrency, the same
 * program without the agent must fail, which proves that the check can fail. The checks that
 * are about the STM itself (opacity, false conflicts, long blocks against writers) run with the
 * fast path off, where every block is speculative; serializability and atomicity run both ways.
 */
class CoreGuaranteesTest {
  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void serializability_replayMatchesEveryReadAndTheFinalState(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgent(jdk, null, SerializabilityOracle.class, "4", "25000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK 100000 transactions replayed serially, 0 violations"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void serializability_speculativeOnly_replayMatchesEveryReadAndTheFinalState(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgentSpeculative(jdk, SerializabilityOracle.class, "4", "25000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK 100000 transactions replayed serially, 0 violations"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void serializability_withoutAgent_violationsAreFound(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withoutAgent(jdk, SerializabilityOracle.class, "4", "25000");
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("FAIL"), r.describe());
  }

  /** Transactions that also use a HashMap, a TreeMap, an ArrayList and an ArrayDeque per group (issue 13). */
  @ParameterizedTest
  @MethodSource("jdks")
  void serializability_jdkCollections_replayMatchesEveryCallAndTheFinalCollections(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgent(jdk, null, SerializabilityOracle.class, "4", "25000", "collections");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK 100000 transactions replayed serially, 0 violations"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void serializability_jdkCollections_speculativeOnly_replayMatchesEveryCallAndTheFinalCollections(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgentSpeculative(jdk, SerializabilityOracle.class, "4", "25000", "collections");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK 100000 transactions replayed serially, 0 violations"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void serializability_jdkCollections_withoutAgent_violationsAreFound(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withoutAgent(jdk, SerializabilityOracle.class, "4", "25000", "collections");
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("FAIL"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void atomicity_counterStaticAndElement_loseNoUpdate(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgent(jdk, null, LostUpdates.class, "4", "100000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK no update lost"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void atomicity_burstsSwitchingTheFastPathOnAndOff_loseNoUpdate(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgent(jdk, null, LostUpdates.class, "4", "100000", "2000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK no update lost"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void atomicity_speculativeOnly_loseNoUpdate(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgentSpeculative(jdk, LostUpdates.class, "4", "100000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK no update lost"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void atomicity_withoutAgent_updatesAreLost(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withoutAgent(jdk, LostUpdates.class, "4", "1000000");
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("FAIL lost updates"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void opacity_readersNeverSeeATornState(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgentSpeculative(jdk, Opacity.class, "2", "2", "20000", "120");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK every reader saw only consistent snapshots"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void opacity_withoutAgent_readersGetStuck(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withoutAgent(jdk, Opacity.class, "2", "2", "20000", "10");
    assertNotEquals(0, r.exitCode(), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void privatization_objectTakenOutByABlock_isNeverWrittenByALateCommit(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgentSpeculative(jdk, Privatization.class, "3", "300000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK no private write was overwritten"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void privatization_withoutAgent_privateWritesAreOverwritten(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withoutAgent(jdk, Privatization.class, "3", "300000");
    assertNotEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("FAIL"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void falseConflicts_disjointFieldsElementsAndObjects_abortNever(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgentSpeculative(jdk, FalseConflicts.class, "100000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK 0 aborts on disjoint data"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void progress_millionElementBlock_commitsAgainstAStreamOfWriters(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgentSpeculative(jdk, LongTransaction.class, "2", "1000000", "3");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK the long blocks committed with consistent sums"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void semantics_everyRuleHolds(Jvm.Jdk jdk) {
    assertEveryRuleHolds(Jvm.withAgent(jdk, null, Semantics.class, "4", "5000"));
  }

  /** The same rules where every block runs speculatively, so that aborts surely happen. */
  @ParameterizedTest
  @MethodSource("jdks")
  void semantics_everyRuleHolds_speculative(Jvm.Jdk jdk) {
    assertEveryRuleHolds(Jvm.withAgentSpeculative(jdk, Semantics.class, "4", "5000"));
  }

  private static void assertEveryRuleHolds(Jvm.Result r) {
    assertEquals(0, r.exitCode(), r.describe());
    for (String rule : List.of("nesting_isFlattened", "exception_commitsAndIsRethrown",
        "catchThrowable_neverSeesAnAbort", "monitors_areElidedInsideBlocks", "wait_retriesUntilTheStateChanges",
        "jdkCollections_runTransactionallyAndLoseNothing", "jdkCalls_runIrrevocablyAndLoseNothing",
        "ameAtomic_runsAnonymousClassesAndLambdas",
        "onCommit_runsOnceAfterCommit", "unrewrittenOverride_isCalled")) {
      assertTrue(r.stdout().contains("OK " + rule), rule + "\n" + r.describe());
    }
  }
}
