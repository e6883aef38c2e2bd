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
    Jvm.Result r = Jvm.withAgent(jdk, null, ProgrammingModel.class, "10000");
    assertEquals(0, r.exitCode(), r.describe());
    for (String check : List.of("parallelFor_everyIterationOnceAsABlock", "parallelForOrdered_equalsTheSequentialLoop",
        "parallelForOrdered_exceptionStopsLaterIterations", "atomicExecutor_tasksAreBlocks", "txCounter_incrementsNeverConflict")) {
      assertTrue(r.stdout().contains("OK " + check), check + "\n" + r.describe());
    }
  }
}
