package dev.ame.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Whether the Docker daemon and the local images made by {@code scripts/container-setup.sh} are
 * there. Where they are not, container tests are skipped with a one-line reason; in CI
 * ({@code CI=true}) they fail instead, since there the set-up script must have run.
 */
final class LocalDocker {
  /** The base image each JDK is mounted into. */
  static final String DEBIAN_IMAGE = "ame-debian:bookworm";

  /** Testcontainers starts this one itself when it runs inside a container, as it does here. */
  private static final String HELPER_IMAGE = "alpine:3.17";

  private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

  private LocalDocker() {}

  /** Returns when the set-up is there; otherwise skips the calling tests, or fails them in CI. */
  static void requireSetUp() {
    String missing = missing();
    if (missing == null) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("container set-up did not run: " + missing + " (CI=true: .ci/run must run scripts/container-setup.sh)");
    }
    System.out.println("container tests skipped: " + missing);
    Assumptions.abort(missing);
  }

  /** What is missing, in one line, or null when nothing is. */
  private static String missing() {
    // Without a socket or DOCKER_HOST, answer at once rather than after Testcontainers' probes.
    if (System.getenv("DOCKER_HOST") == null && !Files.exists(DEFAULT_SOCKET)) {
      return "no Docker daemon (no " + DEFAULT_SOCKET + ", DOCKER_HOST unset): run scripts/container-setup.sh as root";
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "no Docker daemon answers: run scripts/container-setup.sh as root";
    }
    for (String image : List.of(DEBIAN_IMAGE, HELPER_IMAGE)) {
      try {
        DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      } catch (NotFoundException e) {
        return "no local image " + image + " (never pulled): run scripts/container-setup.sh as root";
      }
    }
    return null;
  }
}
