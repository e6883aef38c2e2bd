package dev.ame.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  private static final int PING_SECONDS = 3;

  /** Looked up once: what is missing, or "" when nothing is. */
  private static volatile String missing;

  private LocalDocker() {}

  /** Returns when the set-up is there; otherwise skips the calling test, or fails it in CI. */
  static void requireSetUp() {
    if (missing == null) {
      String found = missing();
      missing = found == null ? "" : found;
      if (found != null && !"true".equals(System.getenv("CI"))) {
        System.out.println("container tests skipped: " + found + ": run scripts/container-setup.sh as root");
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("container set-up did not run (CI=true): " + missing + "; .ci/run runs scripts/container-setup.sh first");
    }
    Assumptions.abort(missing + ": run scripts/container-setup.sh as root");
  }

  /** What is missing, in one line, or null when nothing is. */
  private static String missing() {
    // Answer in seconds where Testcontainers' probes of a silent socket take minutes.
    if (System.getenv("DOCKER_HOST") == null) {
      if (!Files.exists(DEFAULT_SOCKET)) {
        return "no Docker daemon (no " + DEFAULT_SOCKET + ", DOCKER_HOST unset)";
      }
      if (!pings(DEFAULT_SOCKET)) {
        return "no Docker daemon answers on " + DEFAULT_SOCKET + " within " + PING_SECONDS + " s";
      }
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "no Docker daemon answers";
    }
    for (String image : List.of(DEBIAN_IMAGE, HELPER_IMAGE)) {
      try {
        DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      } catch (NotFoundException e) {
        return "no local image " + image + " (never pulled)";
      }
    }
    return null;
  }

  /** Whether a daemon answers {@code GET /_ping} on the socket with 200 within the time allowed. */
  private static boolean pings(Path socket) {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        Selector selector = Selector.open()) {
      channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ);
      ByteBuffer reply = ByteBuffer.allocate(4096);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PING_SECONDS);
      for (long left; (left = deadline - System.nanoTime()) > 0 && reply.hasRemaining(); ) {
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        selector.selectedKeys().clear();
        if (channel.read(reply) < 0) {
          break; // HTTP/1.0: the daemon closes after its reply
        }
      }
      String text = new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
      return text.startsWith("HTTP/1.") && text.contains(" 200 ");
    } catch (IOException e) {
      return false;
    }
  }
}
