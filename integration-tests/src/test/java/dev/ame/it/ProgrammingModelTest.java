package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.ProgrammingModel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parallel loops, the atomic executor and the commutative counter, in real JVMs. */
class ProgrammingModelTest {
  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void programmingModel_everyCheckHolds(Jvm.Jdk jdk) {
    expectEveryCheck(Jvm.withAgent(jdk, null, ProgrammingModel.class, "10000"));
  }

  /** The conflict checks have teeth only when no block runs alone: the same with the fast path off. */
  @ParameterizedTest
  @MethodSource("jdks")
  void programmingModel_speculativeOnly_everyCheckHolds(Jvm.Jdk jdk) {
    expectEveryCheck(Jvm.withAgentSpeculative(jdk, ProgrammingModel.class, "10000"));
  }

  private static void expectEveryCheck(Jvm.Result r) {
    assertEquals(0, r.exitCode(), r.describe());
    for (String check : List.of("parallelFor_everyIterationOnceAsABlock", "parallelForOrdered_equalsTheSequentialLoop",
        "parallelForOrdered_exceptionStopsLaterIterations", "parallelForOrdered_irrevocableBlocksWaitForTheirTurn",
        "atomicExecutor_tasksAreBlocks", "txCounter_incrementsNeverConflict",
        "txQueue_appendsNeverConflictAndEveryItemIsTakenOnce", "txMap_blocksOnDifferentKeysNeverConflict",
        "txCounter_getInsideBlocksIsSerializable")) {
      assertTrue(r.stdout().contains("OK " + check), check + "\n" + r.describe());
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void wordFrequencySample_everyWayOfCountingAgrees(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.run(jdk, null, true, Jvm.samples().toString(), "dev.ame.samples.words.WordFrequency", "20000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK: every way of counting gave the same 144 counts"), r.describe());
    assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("parallelFor ") && l.contains("TxMap") && l.endsWith("irrevocable 0")),
        "TxMap blocks ran irrevocably:\n" + r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void eventDispatchSample_everyEventOnceNoStockLost(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.run(jdk, null, true, Jvm.samples().toString(), "dev.ame.samples.events.EventDispatch", "20000", "4");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK: every event handled once, no stock lost"), r.describe());
    assertTrue(r.stdout().contains("irrevocableRuns=0"), "event handlers ran irrevocably:\n" + r.describe());
  }
}
