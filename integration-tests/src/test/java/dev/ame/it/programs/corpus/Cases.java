package dev.ame.it.programs.corpus;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The named cases of one corpus program. Each case prints {@code OK name} or {@code FAIL name: why};
 * the program then prints {@code OK program} and exits 0, or {@code FAIL program} and exits 1.
 * Arguments name the cases to run (all when none), so that a test can run a known-bad case apart
 * from the others.
 *
 * <p>Cases that check concurrency run their blocks in {@link #THREADS} threads; a watchdog ends a
 * run that hangs (a deadlock, a livelock) with the stacks of every thread instead of waiting for
 * the test's timeout. The property {@code corpus.watchdogSeconds} changes its delay.
 */
final class Cases {
  static final int THREADS = 4;

  /** One case: returns normally when its checks hold, throws otherwise. */
  interface Case {
    void run() throws Throwable;
  }

  /** One iteration of one worker thread. */
  interface Step {
    void run(int thread, int iteration) throws Exception;
  }

  private final String program;
  private final Map<String, Case> cases = new LinkedHashMap<>();
  private volatile String running = "(starting)";

  Cases(String program) {
    this.program = program;
  }

  Cases add(String name, Case body) {
    if (cases.put(name, body) != null) {
      throw new IllegalArgumentException("duplicate case " + name);
    }
    return this;
  }

  /** Runs the cases named in {@code args} (every case when there are none), then exits. */
  void runAndExit(String[] args) {
    startWatchdog();
    List<String> selected = args.length == 0 ? new ArrayList<>(cases.keySet()) : List.of(args);
    int failures = 0;
    for (String name : selected) {
      Case body = cases.get(name);
      running = name;
      try {
        if (body == null) {
          throw new IllegalArgumentException("no such case in " + program + ": " + cases.keySet());
        }
        Object before = statisticsSnapshot();
        body.run();
        System.out.println("OK " + name);
        System.out.println("  blocks: " + statisticsSince(before));
      } catch (Throwable t) {
        failures++;
        System.out.println("FAIL " + name + ": " + t);
        System.out.println(stackOf(t));
      }
    }
    System.out.println(failures == 0 ? "OK " + program : "FAIL " + program + ": " + failures + " case(s) failed");
    System.out.flush();
    System.exit(failures == 0 ? 0 : 1);
  }

  /**
   * Runs {@code iterations} steps in each of {@link #THREADS} threads started together, and
   * rethrows the first failure of any of them once all have finished.
   */
  static void inThreads(int iterations, Step step) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] workers = new Thread[THREADS];
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      workers[t] = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < iterations; i++) {
            step.run(thread, i);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "corpus-worker-" + t);
      workers[t].start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    if (failure.get() != null) {
      throw new AssertionError("a worker failed: " + failure.get(), failure.get());
    }
  }

  static void expect(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  static void expectEquals(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual);
    }
  }

  /**
   * Pure arithmetic that widens the window between a read and the write that depends on it, as
   * real work would: without atomicity, updates get lost (so the checks can fail).
   */
  static long spin(long seed) {
    long x = seed;
    for (int i = 0; i < 16; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x;
  }

  /**
   * The runtime's counters ({@code Ame.statistics()}), read reflectively so that the programs also
   * run without the agent (where the concurrency checks must fail); null without the agent.
   */
  private static Object statisticsSnapshot() {
    try {
      return Class.forName("dev.ame.Ame").getMethod("statistics").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /** What the blocks of one case did (commits, aborts, irrevocable runs...), for diagnosis. */
  private static String statisticsSince(Object before) {
    Object now = statisticsSnapshot();
    if (before == null || now == null) {
      return "no agent";
    }
    try {
      return String.valueOf(now.getClass().getMethod("minus", now.getClass()).invoke(now, before));
    } catch (ReflectiveOperationException e) {
      return "unknown (" + e + ")";
    }
  }

  /** Whether the caller runs inside an atomic block ({@code Ame.inTransaction()}); false without the agent. */
  static boolean inAtomicBlock() {
    try {
      return (Boolean) Class.forName("dev.ame.Ame").getMethod("inTransaction").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  private void startWatchdog() {
    long seconds = Long.getLong("corpus.watchdogSeconds", 90);
    Thread dog = new Thread(() -> {
      try {
        Thread.sleep(seconds * 1000);
      } catch (InterruptedException e) {
        return;
      }
      StringBuilder dump = new StringBuilder();
      Thread.getAllStackTraces().forEach((t, stack) -> {
        dump.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
        for (StackTraceElement e : stack) {
          dump.append("    at ").append(e).append('\n');
        }
      });
      System.out.println("FAIL " + running + ": still running after " + seconds + " s (deadlock?)\n" + dump);
      System.out.println("FAIL " + program);
      System.out.flush();
      Runtime.getRuntime().halt(2);
    }, "corpus-watchdog");
    dog.setDaemon(true);
    dog.start();
  }

  private static String stackOf(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
