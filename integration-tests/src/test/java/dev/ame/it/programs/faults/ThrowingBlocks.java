package dev.ame.it.programs.faults;

import static dev.ame.it.programs.Checks.expect;

import dev.ame.Atomic;
import dev.ame.it.programs.Statistics;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Blocks left by a throwable: planned exceptions at random points of a transfer (after none,
 * one or both of its writes, from nested calls), stack overflow in deep recursion, and running
 * out of memory. An escaping exception commits the writes made before it, exactly as leaving a
 * {@code synchronized} block keeps them (DESIGN.md section 3), so the state after each is known.
 */
final class ThrowingBlocks {
  private ThrowingBlocks() {}

  /** Where a planned fault is raised: the kinds of throwable that blocks meet in real code. */
  static final class Raiser {
    static final int KINDS = 6;
    int zero;
    Object nothing;

    /** Recurses {@code depth} calls deep, then raises fault {@code kind}. */
    void raise(int kind, int depth, long[] array) throws IOException {
      if (depth > 0) {
        raise(kind, depth - 1, array);
        return;
      }
      switch (kind) {
        case 0 -> throw new IllegalStateException("planned");
        case 1 -> throw new IOException("planned, checked");
        case 2 -> nothing.hashCode(); // NullPointerException raised by the instruction
        case 3 -> array[0] = array[0] / zero; // ArithmeticException
        case 4 -> array[array.length + depth] = 1; // ArrayIndexOutOfBoundsException
        default -> throw new PlannedError();
      }
    }
  }

  static final class PlannedError extends Error {
    PlannedError() {
      super("planned error");
    }
  }

  /** A transfer that raises a fault at {@code point}: 0 before its writes, 1 between, 2 after. */
  static final class FaultyTransfer {
    final Bank bank;
    final Raiser raiser = new Raiser();

    FaultyTransfer(Bank bank) {
      this.bank = bank;
    }

    @Atomic
    void transfer(int from, int to, long amount, int point, int kind, int depth) throws IOException {
      long[] b = bank.balances;
      if (point == 0) {
        raiser.raise(kind, depth, b);
      }
      long f = b[from];
      Work.spin(f, 32);
      b[from] = f - amount;
      if (point == 1) {
        raiser.raise(kind, depth, b);
      }
      long t = b[to];
      Work.spin(t, 32);
      b[to] = t + amount;
      if (point == 2) {
        raiser.raise(kind, depth, b);
      }
    }
  }

  static void exceptionsAtRandomPoints() throws Throwable {
    Bank bank = new Bank(8);
    Traffic traffic = new Traffic(bank, 2).start();
    FaultyTransfer faulty = new FaultyTransfer(bank);
    int threads = 4;
    int perThread = 5_000;
    long[] leaked = new long[threads]; // debited by a transfer that threw before crediting
    long[] thrown = new long[threads];
    AtomicReference<Throwable> wrong = new AtomicReference<>();
    Thread[] workers = new Thread[threads];
    for (int w = 0; w < threads; w++) {
      int id = w;
      workers[w] = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          int from = Work.pick(8);
          int to = (from + 1 + Work.pick(7)) % 8;
          long amount = 1 + Work.pick(9);
          int point = Work.pick(4); // 3: no fault
          int kind = Work.pick(Raiser.KINDS);
          try {
            faulty.transfer(from, to, amount, point, kind, Work.pick(4));
            expect(point == 3, "the planned fault did not escape the block");
          } catch (Throwable t) {
            thrown[id]++;
            if (point == 1) {
              leaked[id] += amount;
            }
            if (point == 3 || !expectedKind(kind, t)) {
              wrong.compareAndSet(null, t);
            }
          }
        }
      }, "thrower-" + w);
      workers[w].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    if (wrong.get() != null) {
      throw new AssertionError("a block let out another throwable than the planned one", wrong.get());
    }
    long leakedSum = 0;
    long thrownSum = 0;
    for (int w = 0; w < threads; w++) {
      leakedSum += leaked[w];
      thrownSum += thrown[w];
    }
    System.out.println("  " + thrownSum + " blocks threw, " + leakedSum + " debited before the throw and never credited");
    Faults.expectRecovered(bank, traffic, bank.expectedTotal() - leakedSum);
  }

  private static boolean expectedKind(int kind, Throwable t) {
    return switch (kind) {
      case 0 -> t instanceof IllegalStateException && "planned".equals(t.getMessage());
      case 1 -> t instanceof IOException;
      case 2 -> t instanceof NullPointerException;
      case 3 -> t instanceof ArithmeticException;
      case 4 -> t instanceof ArrayIndexOutOfBoundsException;
      default -> t instanceof PlannedError;
    };
  }

  /** Recursion until the stack overflows, touching an account at every level. */
  static final class Diver {
    final Bank bank;
    int deepest;

    Diver(Bank bank) {
      this.bank = bank;
    }

    /** An atomic method that calls itself: every level joins the outermost block. */
    @Atomic
    void dive(int depth) {
      step(depth);
      dive(depth + 1);
    }

    /** An atomic method whose plain helper recurses. */
    @Atomic
    void diveThroughHelper() {
      recurse(0);
    }

    private void recurse(int depth) {
      step(depth);
      recurse(depth + 1);
    }

    private void step(int depth) {
      int a = depth % bank.balances.length;
      bank.balances[a] = bank.balances[a]; // keeps the total; a write that locks the account at commit
      deepest = depth;
    }
  }

  static void stackOverflow() throws Throwable {
    Bank bank = new Bank(8);
    Traffic traffic = new Traffic(bank, 2).start();
    Diver diver = new Diver(bank);
    for (int i = 0; i < 10; i++) {
      diver.deepest = 0;
      try {
        if (i % 2 == 0) {
          diver.dive(0);
        } else {
          diver.diveThroughHelper();
        }
        throw new AssertionError("the recursion ended");
      } catch (StackOverflowError expected) {
        // the block committed what it did before the overflow
      }
      expect(diver.deepest > 100, "the levels before the overflow were not committed: deepest " + diver.deepest);
      bank.transfer(i % 8, (i + 1) % 8, 1);
    }
    Faults.expectRecovered(bank, traffic, bank.expectedTotal());
  }

  /**
   * A block that makes a whole transfer, then allocates until the heap is full (run with a small
   * heap, -Xmx64m). The error may come from the application's allocation (the block then commits,
   * transfer and count included) or, with the heap still full, as the block's wrapper hands the
   * error to the runtime (a bug today: the block is then neither committed nor rolled back, its
   * transaction stays open). Either way the transfer is kept whole or never seen, never half.
   */
  static final class Hoarder {
    final Bank bank;
    long hoarded;

    Hoarder(Bank bank) {
      this.bank = bank;
    }

    @Atomic
    void hoard(int from, int to) {
      bank.balances[from] -= 1;
      bank.balances[to] += 1;
      Object[] chunks = new Object[4096]; // 512 MB if it could be filled
      for (int i = 0; ; i++) {
        chunks[i] = new long[1 << 14];
        hoarded++;
      }
    }
  }

  /** A block that must run alone: it calls a concurrent JDK collection (no twin: irrevocable). */
  static final class Journal {
    final java.util.List<Long> entries = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Atomic
    void append(long entry) {
      entries.add(entry);
    }
  }

  /**
   * While the thread whose block ran out of memory lives on, another thread's block that must run
   * alone (irrevocable) still gets its turn: the failed block left no transaction open.
   */
  static void outOfMemoryThenABlockAlone() throws Throwable {
    Hoarder hoarder = new Hoarder(new Bank(8));
    java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Thread t = new Thread(() -> {
      try {
        hoarder.hoard(0, 1);
      } catch (OutOfMemoryError expected) {
        failed.countDown();
      }
      try {
        done.await(); // stays alive, doing nothing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "hoarder");
    t.setDaemon(true);
    t.start();
    failed.await();
    try {
      expectABlockAloneRuns();
    } finally {
      done.countDown();
    }
  }

  /** Runs a block that must run alone in a thread of its own; it must commit (a hang detector, 30 s). */
  private static void expectABlockAloneRuns() throws InterruptedException {
    Journal journal = new Journal();
    Thread alone = new Thread(() -> journal.append(1), "alone");
    alone.setDaemon(true);
    alone.start();
    alone.join(30_000);
    expect(!alone.isAlive() && journal.entries.size() == 1, "an irrevocable block cannot run\n" + Stacks.of(alone));
  }

  /** The thread whose block ran out of memory keeps committing blocks afterwards. */
  static void outOfMemory() throws Throwable {
    outOfMemory(3, true);
  }

  /** The thread whose block ran out of memory ends (and with it what it holds); the others go on. */
  static void outOfMemoryInAnEndingThread() throws Throwable {
    outOfMemory(1, false);
  }

  private static void outOfMemory(int rounds, boolean thenCommit) throws Throwable {
    Bank bank = new Bank(8);
    Traffic traffic = new Traffic(bank, 2).start();
    Hoarder hoarder = new Hoarder(bank);
    long[] hoarded = new long[rounds];
    Boolean[] leftOpen = new Boolean[rounds]; // null: not asked (asking allocates)
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        for (int i = 0; i < rounds; i++) {
          try {
            hoarder.hoard(i, 7 - i);
            throw new AssertionError("the heap never filled");
          } catch (OutOfMemoryError expected) {
            hoarded[i] = hoarder.hoarded; // 0 when the block was not committed
          }
          if (thenCommit) {
            leftOpen[i] = Statistics.inTransaction(); // allocates: only where the thread must go on anyway
            expect(!leftOpen[i].booleanValue(), "after the error escaped the block, the thread is still inside its transaction");
            bank.transfer(i, 7, 1);
          }
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "hoarder");
    t.start();
    t.join(60_000);
    expect(!t.isAlive(), "the hoarder hangs\n" + Stacks.of(t));
    if (Boolean.getBoolean("faults.oomThenAlone")) {
      expectABlockAloneRuns(); // fails today, see the disabled test in FaultsTest
    }
    if (failure.get() != null) {
      throw new AssertionError("the thread whose block ran out of memory could not go on: " + failure.get(), failure.get());
    }
    System.out.println("  chunks of 128 KB the blocks allocated before OutOfMemoryError (0: not committed): "
        + java.util.Arrays.toString(hoarded) + "; transaction left open after the error: " + java.util.Arrays.toString(leftOpen));
    traffic.expectProgress();
    // A transfer of the traffic that met the full heap may have committed half of itself (an
    // exception commits); each such one can move the total by its amount (at most 5).
    long faults = traffic.faults();
    System.out.println("  transfers of the other threads that met OutOfMemoryError: " + faults
        + (faults > 0 ? " (first: " + traffic.firstFault() + ")" : ""));
    traffic.stop();
    bank.touchAll();
    long drift = Math.abs(bank.total() - bank.expectedTotal());
    expect(drift <= 5 * faults, "total " + bank.total() + ", expected " + bank.expectedTotal()
        + " (" + faults + " transfers of the other threads failed)");
    expect(bank.plainTotal() == bank.total(), "plain total " + bank.plainTotal() + " differs from the block's " + bank.total());
  }
}
