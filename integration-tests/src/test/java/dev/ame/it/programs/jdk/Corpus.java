package dev.ame.it.programs.jdk;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the programs of the JDK corpus share: named cases run by several worker threads, the
 * runtime's counters per case, and at the end the irrevocable causes of this package's blocks.
 *
 * <p>Usage of every program: {@code Program threads iterations [case...]} (every case when none is
 * named). Each case prints {@code OK name} (then what its blocks did and how long it took) or
 * {@code FAIL name: why}. At the end the program prints one {@code irrevocable: CAUSE = COUNT} line
 * per cause that made one of this package's blocks irrevocable, then {@code irrevocable causes: N}
 * ({@code no agent} without the agent), then {@code OK program} and exits 0, or {@code FAIL program}
 * and exits 1.
 *
 * <p>Without the agent the shared structures are raced on, so a worker may throw (a
 * {@code ConcurrentModificationException}, an index out of bounds) or loop forever in a corrupted
 * structure: a worker that throws fails its case at once, and workers still running after
 * {@link #DEADLINE_SECONDS} fail it too (workers are daemons, so the program still ends).
 */
final class Corpus {
  static final long DEADLINE_SECONDS = Long.getLong("corpus.deadlineSeconds", 90);
  private static final String PACKAGE_BLOCKS = "block " + Corpus.class.getPackageName() + ".";

  /** One case: returns normally when its checks hold, throws otherwise. */
  interface Case {
    void run() throws Throwable;
  }

  /** One iteration of one worker; {@code random} is the worker's own, for use outside blocks. */
  interface Step {
    void run(int thread, int iteration, SplittableRandom random) throws Exception;
  }

  final int threads;
  final int iterations;
  private final String program;
  private final List<String> selected;
  private final Map<String, Case> cases = new LinkedHashMap<>();

  Corpus(Class<?> program, String[] args) {
    this.program = program.getSimpleName();
    this.threads = Integer.parseInt(args[0]);
    this.iterations = Integer.parseInt(args[1]);
    this.selected = List.of(args).subList(2, args.length);
  }

  Corpus add(String name, Case body) {
    if (cases.put(name, body) != null) {
      throw new IllegalArgumentException("duplicate case " + name);
    }
    return this;
  }

  /** Runs the selected cases, prints the causes of irrevocability, and exits. */
  void runAndExit() {
    List<String> names = selected.isEmpty() ? new ArrayList<>(cases.keySet()) : selected;
    int failures = 0;
    for (String name : names) {
      Case body = cases.get(name);
      try {
        if (body == null) {
          throw new IllegalArgumentException("no such case in " + program + ": " + cases.keySet());
        }
        Object before = Agent.statistics();
        long start = System.nanoTime();
        body.run();
        System.out.println("OK " + name);
        System.out.printf("  %d ms, blocks: %s%n", (System.nanoTime() - start) / 1_000_000, Agent.since(before));
      } catch (Throwable t) {
        failures++;
        System.out.println("FAIL " + name + ": " + t);
        System.out.println(stackOf(t));
      }
    }
    printCauses();
    System.out.println(failures == 0 ? "OK " + program : "FAIL " + program + ": " + failures + " case(s) failed");
    System.out.flush();
    System.exit(failures == 0 ? 0 : 1);
  }

  /**
   * Runs {@code iterations} steps in each of {@link #threads} threads started together; throws
   * the first failure of any of them, or when some are still running after the deadline.
   */
  void inThreads(Step step) throws InterruptedException {
    inThreads(threads, iterations, step);
  }

  /** {@link #inThreads(Step)} with another number of threads or iterations. */
  void inThreads(int threadCount, int iterationCount, Step step) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threadCount);
    for (int t = 0; t < threadCount; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(0x5EED + thread);
        try {
          start.await();
          for (int i = 0; i < iterationCount; i++) {
            step.run(thread, i, random);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }, program + "-worker-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    start.countDown();
    // A failed worker ends the wait at once: its partners may wait forever for what it owed them.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (!done.await(50, TimeUnit.MILLISECONDS) && failure.get() == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(done.getCount() + " workers still running after " + DEADLINE_SECONDS
            + " s (a corrupted structure looping, or a lost wake-up); the threads:\n" + threadDump());
      }
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

  /** Throws when an audit run inside a block found something wrong (it returns null when not). */
  static void expectClean(String audit) {
    if (audit != null) {
      throw new AssertionError("an audit inside a block saw " + audit);
    }
  }

  /**
   * Widens the window between a read and the write that depends on it, as real work would:
   * without atomicity, updates get lost (so the checks can fail). {@code Thread.onSpinWait} needs
   * no irrevocability inside a block, and the JIT does not remove it.
   */
  static void spin(long seed) {
    for (int i = 0; i < 16 + (seed & 7); i++) {
      Thread.onSpinWait();
    }
  }

  private static void printCauses() {
    Map<String, Long> causes = Agent.irrevocableCauses();
    if (causes == null) {
      System.out.println("irrevocable causes: no agent");
      return;
    }
    int count = 0;
    for (Map.Entry<String, Long> e : causes.entrySet()) {
      if (e.getKey().startsWith(PACKAGE_BLOCKS)) {
        System.out.println("irrevocable: " + e.getKey() + " = " + e.getValue());
        count++;
      }
    }
    System.out.println("irrevocable causes: " + count);
  }

  private static String threadDump() {
    StringBuilder dump = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, stack) -> {
      dump.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
      for (StackTraceElement e : stack) {
        dump.append("    at ").append(e).append('\n');
      }
    });
    return dump.toString();
  }

  private static String stackOf(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /**
   * {@code dev.ame.Ame}, read reflectively so that the programs also run without the agent (where
   * their concurrency checks must fail).
   */
  static final class Agent {
    private Agent() {}

    /** {@code Ame.statistics()}, or null without the agent. */
    static Object statistics() {
      return call("statistics");
    }

    /** What the blocks did since {@code before} (commits, aborts, irrevocable runs...). */
    static String since(Object before) {
      Object now = statistics();
      if (before == null || now == null) {
        return "no agent";
      }
      try {
        return String.valueOf(now.getClass().getMethod("minus", now.getClass()).invoke(now, before));
      } catch (ReflectiveOperationException e) {
        return "unknown (" + e + ")";
      }
    }

    /** One counter (commits, aborts, retries...) of what the blocks did since {@code before}; -1 without the agent. */
    static long counterSince(Object before, String name) {
      Object now = statistics();
      if (before == null || now == null) {
        return -1;
      }
      try {
        return (long) now.getClass().getMethod(name).invoke(now) - (long) before.getClass().getMethod(name).invoke(before);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** {@code Ame.irrevocableCauses()}, or null without the agent. */
    @SuppressWarnings("unchecked")
    static Map<String, Long> irrevocableCauses() {
      return (Map<String, Long>) call("irrevocableCauses");
    }

    private static Object call(String method) {
      try {
        return Class.forName("dev.ame.Ame").getMethod(method).invoke(null);
      } catch (ReflectiveOperationException | LinkageError e) {
        return null;
      }
    }
  }
}
