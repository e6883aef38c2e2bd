package dev.ame.it.programs;

import static dev.ame.it.programs.Checks.expect;

import dev.ame.Ame;
import dev.ame.Atomic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One check per rule of DESIGN.md section 3 that the core covers. Each prints "OK name" or
 * "FAIL name: why"; the process exits 1 if any failed.
 *
 * <p>Usage: {@code Semantics threads iterations}.
 */
public final class Semantics {
  private static final Checks CHECKS = new Checks();
  private static int threads;
  private static int iterations;

  public static void main(String[] args) throws Exception {
    threads = Integer.parseInt(args[0]);
    iterations = Integer.parseInt(args[1]);
    CHECKS.check("nesting_isFlattened", Semantics::nestingIsFlattened);
    CHECKS.check("exception_commitsAndIsRethrown", Semantics::exceptionCommitsAndIsRethrown);
    CHECKS.check("catchThrowable_neverSeesAnAbort", Semantics::catchThrowableNeverSeesAnAbort);
    CHECKS.check("monitors_areElidedInsideBlocks", Semantics::monitorsAreElided);
    CHECKS.check("wait_retriesUntilTheStateChanges", Semantics::waitRetries);
    CHECKS.check("jdkCollections_runTransactionallyAndLoseNothing", Semantics::jdkCollectionsRunTransactionally);
    CHECKS.check("jdkCalls_runIrrevocablyAndLoseNothing", Semantics::jdkCallsRunIrrevocably);
    CHECKS.check("ameAtomic_runsAnonymousClassesAndLambdas", Semantics::ameAtomicRunsBodies);
    CHECKS.check("onCommit_runsOnceAfterCommit", Semantics::onCommitRunsOnce);
    CHECKS.check("unrewrittenOverride_isCalled", Semantics::unrewrittenOverrideIsCalled);
    System.out.println("transactions: " + Ame.statistics());
    CHECKS.exitIfFailed();
  }




  static void inThreads(Runnable body) throws InterruptedException {
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      ts[t] = new Thread(body);
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
  }

  // ---- nesting ----

  static final class Nested {
    long outer;
    long inner;

    @Atomic
    void outer() {
      outer++;
      inner();
      if (Ame.inTransaction()) {
        outer++;
      }
    }

    @Atomic
    void inner() {
      inner++;
    }
  }

  static void nestingIsFlattened() throws InterruptedException {
    Nested n = new Nested();
    Ame.Statistics before = Ame.statistics();
    inThreads(() -> {
      for (int i = 0; i < iterations; i++) {
        n.outer();
      }
    });
    long calls = (long) threads * iterations;
    Ame.Statistics delta = Ame.statistics().minus(before);
    expect(n.outer == 2 * calls && n.inner == calls, "outer " + n.outer + " inner " + n.inner + " for " + calls + " calls");
    expect(delta.commits() == calls, "a nested block committed on its own: " + delta.commits() + " commits for " + calls + " outer blocks");
  }

  // ---- exceptions ----

  static final class Thrower {
    long written;

    @Atomic
    void writeThenThrow(IOException e) throws IOException {
      written++;
      throw e;
    }
  }

  static void exceptionCommitsAndIsRethrown() throws InterruptedException {
    Thrower t = new Thrower();
    long[] caughtSame = new long[1];
    inThreads(() -> {
      for (int i = 0; i < iterations; i++) {
        IOException e = new IOException("planned " + i);
        try {
          t.writeThenThrow(e);
        } catch (IOException caught) {
          if (caught == e) {
            synchronized (caughtSame) {
              caughtSame[0]++;
            }
          }
        }
      }
    });
    long calls = (long) threads * iterations;
    expect(t.written == calls, "writes before the throw were lost: " + t.written + " of " + calls);
    expect(caughtSame[0] == calls, "the same exception object was not rethrown every time: " + caughtSame[0]);
  }

  // ---- aborts are invisible ----

  static final AtomicLong SWALLOWED = new AtomicLong();

  static final class Swallower {
    long counter;

    @Atomic
    void incrementCatchingEverything() {
      try {
        long c = counter;
        counter = c + 1;
        long[] more = new long[4];
        more[0] = c;
      } catch (Throwable t) {
        // Would run (and count, irrevocably) if an abort signal reached user code.
        SWALLOWED.incrementAndGet();
      }
    }
  }

  static void catchThrowableNeverSeesAnAbort() throws InterruptedException {
    Swallower s = new Swallower();
    long aborts = 0;
    int rounds = 0;
    // Repeat until conflicts really happened: without aborts the check would prove nothing.
    while (rounds < 20 && (aborts == 0 || rounds < 2)) {
      Ame.Statistics before = Ame.statistics();
      inThreads(() -> {
        for (int i = 0; i < iterations; i++) {
          s.incrementCatchingEverything();
        }
      });
      aborts += Ame.statistics().minus(before).aborts();
      rounds++;
    }
    long calls = (long) threads * iterations * rounds;
    expect(s.counter == calls, "lost updates: " + s.counter + " of " + calls);
    expect(SWALLOWED.get() == 0, "a catch (Throwable) in user code saw " + SWALLOWED.get() + " aborts");
    // With the fast path, blocks of one counter may all run alone (no aborts at all, rightly);
    // the run with -Dame.fastPath=false is the one that must have met aborts.
    boolean speculative = "false".equals(System.getProperty("ame.fastPath"));
    expect(threads == 1 || !speculative || aborts > 0, "no abort happened in " + rounds + " rounds, the check proved nothing");
  }

  // ---- monitors ----

  static final Object LOCK = new Object();

  static final class Locked {
    long counter;

    @Atomic
    void increment() {
      synchronized (LOCK) {
        counter++;
      }
      bump();
    }

    synchronized void bump() {
      counter++;
    }
  }

  static void monitorsAreElided() throws InterruptedException {
    Locked l = new Locked();
    // The main thread holds the lock throughout: blocks that synchronize on it still run.
    synchronized (LOCK) {
      inThreads(() -> {
        for (int i = 0; i < iterations; i++) {
          l.increment();
        }
      });
    }
    long calls = (long) threads * iterations;
    expect(l.counter == 2 * calls, "counter " + l.counter + " for " + calls + " calls");
  }

  // ---- wait = retry ----

  static final class Slot {
    private long item;
    private boolean full;

    @Atomic
    void put(long value) throws InterruptedException {
      while (full) {
        wait();
      }
      item = value;
      full = true;
      notifyAll();
    }

    @Atomic
    long take() throws InterruptedException {
      while (!full) {
        wait();
      }
      full = false;
      notifyAll();
      return item;
    }
  }

  static void waitRetries() throws InterruptedException {
    Slot slot = new Slot();
    int items = Math.min(iterations, 20_000);
    long[] sum = new long[1];
    Thread consumer = new Thread(() -> {
      try {
        for (int i = 0; i < items; i++) {
          sum[0] += slot.take();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    consumer.start();
    for (int i = 1; i <= items; i++) {
      slot.put(i);
    }
    consumer.join(60_000);
    expect(!consumer.isAlive(), "the consumer hangs");
    long expected = (long) items * (items + 1) / 2;
    expect(sum[0] == expected, "sum of items taken " + sum[0] + ", put " + expected);
  }

  // ---- JDK calls ----

  static final class Registry {
    final List<Long> entries = new ArrayList<>();

    @Atomic
    void add(long value) {
      entries.add(value);
    }
  }

  /** A {@code java.util} collection runs in its twin: speculatively, beside other blocks. */
  static void jdkCollectionsRunTransactionally() throws InterruptedException {
    Registry r = new Registry();
    Ame.Statistics before = Ame.statistics();
    inThreads(() -> {
      for (int i = 0; i < iterations; i++) {
        r.add(i);
      }
    });
    long calls = (long) threads * iterations;
    expect(r.entries.size() == calls, "a shared ArrayList lost entries: " + r.entries.size() + " of " + calls);
    expect(Ame.statistics().minus(before).irrevocableRuns() == 0, "the blocks ran irrevocably: " + Ame.irrevocableCauses());
  }

  /** A concurrent collection has no twin (it works with Unsafe): it makes the block irrevocable. */
  static final class Journal {
    final java.util.concurrent.ConcurrentLinkedQueue<Long> entries = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Atomic
    void add(long value) {
      entries.add(value);
    }
  }

  static void jdkCallsRunIrrevocably() throws InterruptedException {
    Journal r = new Journal();
    Ame.Statistics before = Ame.statistics();
    inThreads(() -> {
      for (int i = 0; i < iterations; i++) {
        r.add(i);
      }
    });
    long calls = (long) threads * iterations;
    expect(r.entries.size() == calls, "a shared queue lost entries: " + r.entries.size() + " of " + calls);
    expect(Ame.statistics().minus(before).irrevocableRuns() > 0, "the blocks did not run irrevocably");
    String causes = Ame.irrevocableCauses().toString();
    expect(causes.contains("java.util.concurrent.ConcurrentLinkedQueue.add") && causes.contains("Semantics$Journal.add:"),
        "the cause names neither the call nor the line: " + causes);
  }

  // ---- Ame.atomic ----

  static long sharedCounter;

  static void ameAtomicRunsBodies() throws InterruptedException {
    sharedCounter = 0;
    Runnable anonymous = new Runnable() {
      @Override
      public void run() {
        sharedCounter++;
      }
    };
    Runnable lambda = () -> sharedCounter++;
    inThreads(() -> {
      for (int i = 0; i < iterations; i++) {
        Ame.atomic(anonymous);
        Ame.atomic(lambda);
        long seen = Ame.atomic(() -> sharedCounter);
        if (seen < 0) {
          throw new IllegalStateException();
        }
      }
    });
    long calls = (long) threads * iterations;
    expect(sharedCounter == 2 * calls, "counter " + sharedCounter + " for " + 2 * calls + " increments");
    // Lambdas of rewritten classes run their bodies' twins: no block needs to run alone for them.
    Ame.Statistics before = Ame.statistics();
    long[] captured = {0};
    Runnable capturing = () -> captured[0] += 2;
    inThreads(() -> {
      for (int i = 0; i < iterations; i++) {
        Ame.atomic(capturing);
      }
    });
    expect(captured[0] == 2 * calls, "capturing lambda: " + captured[0] + " for " + 2 * calls);
    expect(Ame.statistics().minus(before).irrevocableRuns() == 0, "lambdas ran irrevocably: " + Ame.statistics().minus(before));
  }

  // ---- onCommit / onAbort ----

  static final class Hooks {
    long value;
    final AtomicLong committed = new AtomicLong();
    final AtomicLong rolledBack = new AtomicLong();

    @Atomic
    void incrementAndAnnounce() {
      Ame.onAbort(rolledBack::incrementAndGet); // registered before the read: every rolled-back attempt has it
      value++;
      Ame.onCommit(committed::incrementAndGet);
    }
  }

  static void onCommitRunsOnce() throws InterruptedException {
    Hooks h = new Hooks();
    Ame.Statistics before = Ame.statistics();
    inThreads(() -> {
      for (int i = 0; i < iterations; i++) {
        h.incrementAndAnnounce();
      }
    });
    long calls = (long) threads * iterations;
    Ame.Statistics delta = Ame.statistics().minus(before);
    expect(h.value == calls && h.committed.get() == calls, "value " + h.value + ", onCommit ran " + h.committed.get() + " times for " + calls);
    expect(h.rolledBack.get() == delta.aborts(), "onAbort ran " + h.rolledBack.get() + " times for " + delta.aborts() + " aborts");
  }

  // ---- virtual dispatch to code that was not rewritten ----

  interface Pricing {
    long price(long base);
  }

  static final class Shop {
    long revenue;

    @Atomic
    void sell(Pricing pricing) {
      revenue += pricing.price(10);
    }
  }

  static void unrewrittenOverrideIsCalled() throws InterruptedException {
    Shop shop = new Shop();
    Pricing doubled = base -> base * 2; // a lambda: a hidden class the agent never rewrites
    Pricing tripled = new Pricing() {
      @Override
      public long price(long base) {
        return base * 3;
      }
    };
    inThreads(() -> {
      for (int i = 0; i < iterations; i++) {
        shop.sell(doubled);
        shop.sell(tripled);
      }
    });
    long calls = (long) threads * iterations;
    expect(shop.revenue == 50 * calls, "revenue " + shop.revenue + ", expected " + 50 * calls);
  }
}
