package dev.ame.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A plain Debian container ({@link LocalDocker#DEBIAN_IMAGE}, no JDK of its own) with one JDK,
 * ame.jar, the test programs and the samples jar bind-mounted read-only, in which programs run
 * with {@code -javaagent}. The container only sleeps; each program is one {@code docker exec}.
 */
final class JdkContainer implements AutoCloseable {
  /** Where the test programs ({@link Jvm#programs()}) are inside the container. */
  static final String PROGRAMS = "/ame/programs";

  /** Where the samples jar ({@link Jvm#samples()}) is inside the container. */
  static final String SAMPLES = "/ame/ame-samples.jar";

  private static final String AGENT = "/ame/ame.jar";
  private static final int TIMEOUT_SECONDS = 240;

  private final Path home;
  private final GenericContainer<?> container;

  /** Starts the container for {@code jdk}; the image must exist locally (it is never pulled). */
  JdkContainer(Jvm.Jdk jdk) {
    home = jdk.java().getParent().getParent(); // Jdk.java() is already the real path
    GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(LocalDocker.DEBIAN_IMAGE))
        .withImagePullPolicy(image -> false)
        .withCommand("sleep", "infinity")
        .withFileSystemBind(home.toString(), home.toString(), BindMode.READ_ONLY)
        .withFileSystemBind(Jvm.agentJar().toString(), AGENT, BindMode.READ_ONLY)
        .withFileSystemBind(Jvm.programs().toString(), PROGRAMS, BindMode.READ_ONLY)
        .withFileSystemBind(Jvm.samples().toString(), SAMPLES, BindMode.READ_ONLY);
    for (Path target : outsideTargets(home)) {
      c.withFileSystemBind(target.toString(), target.toString(), BindMode.READ_ONLY);
    }
    container = c;
    container.start();
  }

  /** Runs {@code main} from {@code classPath} (a path inside the container) with the agent. */
  Jvm.Result withAgent(String classPath, String main, String... args) {
    List<String> command = new ArrayList<>(List.of("timeout", "--kill-after=10", String.valueOf(TIMEOUT_SECONDS),
        home.resolve("bin/java").toString(), "-Xmx1g", "-javaagent:" + AGENT, "-cp", classPath, main));
    command.addAll(List.of(args));
    try {
      ExecResult r = container.execInContainer(command.toArray(String[]::new));
      return new Jvm.Result(r.getExitCode(), r.getStdout(), r.getStderr());
    } catch (IOException e) {
      throw new UncheckedIOException("docker exec " + command + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    container.stop();
  }

  /**
   * Files outside the JDK that its symbolic links point to (Debian's JDK links conf/ into
   * /etc/java-17-openjdk, Temurin its cacerts): mounted at the same path, the links resolve.
   */
  private static Set<Path> outsideTargets(Path home) {
    Set<Path> targets = new TreeSet<>();
    try (Stream<Path> files = Files.walk(home)) {
      files.filter(Files::isSymbolicLink).forEach(link -> {
        try {
          Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
          if (!target.startsWith(home) && Files.exists(target)) {
            targets.add(target);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + home, e);
    }
    return targets;
  }
}
