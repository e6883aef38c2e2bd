package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.LostUpdates;
import dev.ame.it.programs.SerializabilityOracle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core guarantees and the bank sample once more, each JDK bind-mounted read-only into a plain
 * Debian container started by Testcontainers: the agent needs nothing of the machine but a JDK,
 * and runs from a read-only ame.jar. The images are local ({@code scripts/container-setup.sh});
 * without them the class is skipped, or fails in CI (see {@link LocalDocker}).
 */
class ContainerMatrixTest {
  /** One container per JDK, started by the first test that needs it. */
  private static final Map<Jvm.Jdk, JdkContainer> CONTAINERS = new ConcurrentHashMap<>();

  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @BeforeEach
  void dockerIsSetUp() {
    LocalDocker.requireSetUp();
  }

  @AfterAll
  static void stopContainers() {
    CONTAINERS.values().forEach(JdkContainer::close);
    CONTAINERS.clear();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void serializability_inDebianContainer_replayMatchesEveryRead(Jvm.Jdk jdk) {
    Jvm.Result r = container(jdk).withAgent(JdkContainer.PROGRAMS, SerializabilityOracle.class.getName(), "4", "25000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK 100000 transactions replayed serially, 0 violations"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void atomicity_inDebianContainer_loseNoUpdate(Jvm.Jdk jdk) {
    Jvm.Result r = container(jdk).withAgent(JdkContainer.PROGRAMS, LostUpdates.class.getName(), "4", "100000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK no update lost"), r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void bankSample_inDebianContainer_keepsTheTotal(Jvm.Jdk jdk) {
    Jvm.Result r = container(jdk).withAgent(JdkContainer.SAMPLES, "dev.ame.samples.bank.BankDemo", "4", "200000");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("OK: no money was created or lost"), r.describe());
  }

  private static JdkContainer container(Jvm.Jdk jdk) {
    return CONTAINERS.computeIfAbsent(jdk, JdkContainer::new);
  }
}
