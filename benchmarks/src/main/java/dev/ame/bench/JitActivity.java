package dev.ame.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Whether the JIT is still at work. The compilation time of {@link CompilationMXBean} counts a
 * compilation only once it ends, so a C2 compilation that takes seconds (a block that inlines JDK
 * twins, recompiled with its speculative paths when a second thread first runs it) looks like a
 * quiet JIT while the block runs its slow code; HotSpot's {@code Compiler.queue} diagnostic
 * command also shows the compilations in progress and waiting.
 */
final class JitActivity {
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
  private static final ObjectName DIAGNOSTICS = diagnostics();

  private JitActivity() {}

  /** The JIT's total compilation time so far, of compilations that have ended. */
  static long compiledMillis() {
    return JIT.getTotalCompilationTime();
  }

  /** Whether C2 is compiling now or has compilations waiting; false where the JVM cannot tell. */
  static boolean optimizing() {
    if (DIAGNOSTICS == null) {
      return false;
    }
    String queue;
    try {
      queue = (String) SERVER.invoke(DIAGNOSTICS, "compilerQueue", null, null);
    } catch (JMException | RuntimeException e) {
      return false;
    }
    String section = "";
    for (String line : queue.lines().map(String::strip).toList()) {
      if (line.endsWith(":")) {
        section = line;
      } else if (line.startsWith("C2 CompilerThread") || section.startsWith("C2 compile queue") && !line.isEmpty() && !line.equals("Empty")) {
        return true;
      }
    }
    return false;
  }

  private static ObjectName diagnostics() {
    try {
      ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
      return SERVER.isRegistered(name) ? name : null;
    } catch (JMException e) {
      return null;
    }
  }
}
