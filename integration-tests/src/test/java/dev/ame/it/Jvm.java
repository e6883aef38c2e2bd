package dev.ame.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts test programs in fresh JVMs, with or without {@code -javaagent:ame.jar}, on each JDK
 * found here: the one running the tests, and every JDK under {@code /usr/lib/jvm} (or the
 * directories listed in the environment variable {@code AME_JDKS}, separated by the path separator).
 */
public final class Jvm {
  /** One installed JDK. */
  public record Jdk(String name, Path java) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What a finished JVM left behind. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** A one-paragraph summary for assertion messages. */
    public String describe() {
      return "exit " + exitCode + "\n--- stdout ---\n" + tail(stdout) + "\n--- stderr ---\n" + tail(stderr);
    }

    private static String tail(String s) {
      return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
    }
  }

  private static final List<Jdk> JDKS = discover();

  private Jvm() {}

  /** Every JDK to test on (at least the current one). */
  public static List<Jdk> jdks() {
    return JDKS;
  }

  public static Path agentJar() {
    Path jar = Path.of(System.getProperty("ame.jar", "../agent/target/ame.jar")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("ame.jar not found at " + jar + ": run mvn package first");
    }
    return jar;
  }

  public static Path programs() {
    return Path.of(System.getProperty("ame.programs", "target/test-classes")).toAbsolutePath();
  }

  public static Path samples() {
    return Path.of(System.getProperty("ame.samples", "../samples/target/ame-samples.jar")).toAbsolutePath();
  }

  /** Runs a test program class with the agent (options may be null). */
  public static Result withAgent(Jdk jdk, String agentOptions, Class<?> main, String... args) {
    return run(jdk, agentOptions, true, programs().toString(), main.getName(), args);
  }

  /**
   * Runs a test program class with the agent and its fast path off, so that every block runs
   * speculatively: the concurrency checks then test the STM itself, not blocks that ran alone.
   */
  public static Result withAgentSpeculative(Jdk jdk, Class<?> main, String... args) {
    return run(jdk, List.of("-Dame.fastPath=false"), null, true, programs().toString(), main.getName(), args);
  }

  /** Runs a test program class without the agent. */
  public static Result withoutAgent(Jdk jdk, Class<?> main, String... args) {
    return run(jdk, null, false, programs().toString(), main.getName(), args);
  }

  public static Result run(Jdk jdk, String agentOptions, boolean agent, String classPath, String main, String... args) {
    return run(jdk, List.of(), agentOptions, agent, classPath, main, args);
  }

  /** {@link #run} with extra options for the JVM (before the agent). */
  public static Result run(Jdk jdk, List<String> jvmOptions, String agentOptions, boolean agent, String classPath,
      String main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(jdk.java().toString());
    command.add("-Xmx1g");
    command.addAll(jvmOptions);
    if (agent) {
      command.add("-javaagent:" + agentJar() + (agentOptions == null ? "" : "=" + agentOptions));
    }
    command.add("-cp");
    command.add(classPath);
    command.add(main);
    command.addAll(List.of(args));
    return exec(command, 240);
  }

  public static Result exec(List<String> command, int timeoutSeconds) {
    try {
      Path out = Files.createTempFile("ame-it", ".out");
      Path err = Files.createTempFile("ame-it", ".err");
      try {
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          p.waitFor();
          return new Result(-1, read(out), read(err) + "\n[killed after " + timeoutSeconds + " s: " + command + "]");
        }
        return new Result(p.exitValue(), read(out), read(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static List<Jdk> discover() {
    Map<Path, Jdk> found = new LinkedHashMap<>();
    add(found, Path.of(System.getProperty("java.home")));
    String listed = System.getenv("AME_JDKS");
    Stream<Path> candidates;
    if (listed != null && !listed.isBlank()) {
      candidates = Stream.of(listed.split(File.pathSeparator)).map(Path::of);
    } else {
      try {
        candidates = Files.isDirectory(Path.of("/usr/lib/jvm")) ? Files.list(Path.of("/usr/lib/jvm")).sorted() : Stream.empty();
      } catch (IOException e) {
        candidates = Stream.empty();
      }
    }
    candidates.forEach(home -> add(found, home));
    return List.copyOf(found.values());
  }

  private static void add(Map<Path, Jdk> found, Path home) {
    Path java = home.resolve("bin/java");
    if (!Files.isExecutable(java)) {
      return;
    }
    try {
      Path real = java.toRealPath();
      if (found.containsKey(real)) {
        return;
      }
      for (Jdk known : found.values()) {
        if (Files.isSameFile(known.java(), real)) {
          return;
        }
      }
      String version = exec(List.of(real.toString(), "-version"), 30).stderr().lines().findFirst().orElse("?");
      found.put(real, new Jdk(version.replaceAll("^[a-z]+ version \"([^\"]+)\".*", "$1") + " (" + home.getFileName() + ")", real));
    } catch (IOException e) {
      // unusable entry: skip it
    }
  }
}
