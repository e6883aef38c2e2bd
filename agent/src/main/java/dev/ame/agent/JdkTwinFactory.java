package dev.ame.agent;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import dev.ame.runtime.JdkTwins;

/**
 * Makes twin classes of JDK classes for the runtime, one the first time a block calls into the
 * class (never at start-up: the first call opens the door, see {@link JdkBridge}). A class that
 * cannot be twinned is reported once and left to run irrevocably. {@code log=info} reports at exit
 * how many classes were twinned and what it cost; {@code -Dame.jdk.dump=DIR} writes the twin
 * classes there (for {@code javap}).
 */
final class JdkTwinFactory implements JdkTwins.Source {
  private final Instrumentation inst;
  private final AgentLog log;
  private final Path dump;
  private final Map<Class<?>, MethodHandles.Lookup> made = new HashMap<>();
  private JdkBridge bridge;
  private JdkTwinClass generator;
  private boolean closed;
  private long nanos;
  private long cpuNanos;

  JdkTwinFactory(Instrumentation inst, AgentLog log) {
    this.inst = inst;
    this.log = log;
    String dir = System.getProperty("ame.jdk.dump");
    this.dump = dir == null ? null : Path.of(dir);
    if (log.infoEnabled()) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::report, "ame-jdk-twins-report"));
    }
  }

  @Override
  public synchronized MethodHandles.Lookup twinClassOf(Class<?> c) {
    if (made.containsKey(c)) {
      return made.get(c);
    }
    long start = System.nanoTime();
    long cpuStart = Cpu.now();
    MethodHandles.Lookup twin = null;
    try {
      if (open()) {
        byte[] bytes = generator.generate(c.getName().replace('.', '/'));
        if (bytes != null) {
          if (dump != null) {
            Files.createDirectories(dump);
            Files.write(dump.resolve(c.getName() + JdkTwinClass.SUFFIX + ".class"), bytes);
          }
          twin = bridge.lookupIn(c).defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
          JdkTwins.registerTwinClass(twin.lookupClass(), c);
        }
      }
    } catch (Exception | LinkageError e) {
      log.warnOnce("jdk-twin:" + c.getName(), "could not make the transactional twin of " + c.getName() + " (" + e
          + "); blocks that call into it run irrevocably");
    }
    made.put(c, twin);
    long spent = System.nanoTime() - start;
    long cpu = Cpu.now() - cpuStart;
    nanos += spent;
    cpuNanos += cpu;
    log.debug(String.format("twinned %s in %.2f ms (%.2f ms of CPU)", c.getName(), spent / 1e6, cpu / 1e6));
    return twin;
  }

  @Override
  public synchronized MethodHandles.Lookup javaBase() {
    return open() ? bridge.javaBase() : null;
  }

  /** Opens java.base to the agent, once; false if that failed (then JDK calls stay irrevocable). */
  private boolean open() {
    if (bridge != null || closed) {
      return !closed;
    }
    try {
      bridge = JdkBridge.open(inst);
      generator = new JdkTwinClass(new JdkClassFiles(), log);
      return true;
    } catch (Throwable e) {
      closed = true;
      log.warnOnce("jdk-bridge", "could not open java.base to the agent (" + e
          + "); blocks that call JDK library code run irrevocably");
      return false;
    }
  }

  /** The thread's CPU time; loaded on the first twin, not at start-up. */
  private static final class Cpu {
    private static final java.lang.management.ThreadMXBean BEAN = java.lang.management.ManagementFactory.getThreadMXBean();

    static long now() {
      return BEAN.isCurrentThreadCpuTimeSupported() ? BEAN.getCurrentThreadCpuTime() : 0;
    }
  }

  private synchronized void report() {
    long twinned = made.values().stream().filter(l -> l != null).count();
    log.info(String.format("twinned %d JDK classes in %.1f ms (%.1f ms of CPU; %d could not be twinned)", twinned,
        nanos / 1e6, cpuNanos / 1e6, made.size() - twinned));
  }
}
