package dev.ame.it.programs.faults;

import static dev.ame.it.programs.Checks.expect;

import dev.ame.Ame;
import dev.ame.Atomic;
import dev.ame.TxCounter;
import dev.ame.it.programs.Statistics;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code Thread.stop()} in and around atomic blocks (issue 14). A stop throws {@code ThreadDeath}
 * into the thread wherever it is: in the user's code of a block, in the runtime while it holds the
 * serial gate or lock words, in the protocol's begin, commit or exception handling, or between
 * blocks. Victim threads run blocks of every kind (speculative or alone transfers, an irrevocable
 * block, {@code Ame.atomic}) over a {@link Bank} while a traffic thread commits transfers beside
 * them; the main thread keeps {@value #VICTIMS} victims running and stops the oldest after a random
 * time, again and again. Checked:
 * <ul>
 * <li>every stopped thread dies of its {@code ThreadDeath} (of nothing else), or, for the victims
 *     that catch it themselves, leaves its block (not inside a block afterwards) and commits its
 *     next block: a stop is never swallowed by a re-run;</li>
 * <li>afterwards nothing is left held: the traffic keeps committing, an irrevocable block (it takes
 *     the gate and waits for every other thread to leave) commits, a block writing every account
 *     commits;</li>
 * <li>a stopped transfer is rolled back whole, never committed half: the bank's total is exact.</li>
 * </ul>
 * Usage: {@code ThreadStops [stops [seconds]]} (default 10,000 stops, at most 20 s of stopping).
 * JDK 17-19 only: from JDK 20 on, {@code Thread.stop()} throws {@code UnsupportedOperationException}.
 */
public final class ThreadStops {
  /** How long a stopped thread may take to die before it counts as not dying. */
  private static final long DIE_MILLIS = 20_000;
  /** Victims running at a time: each stop hits the oldest, and a new one starts. */
  private static final int VICTIMS = 4;

  private ThreadStops() {}

  /** The victims' blocks: transfers in the ways a block can start, and an irrevocable block. */
  static final class Mover {
    final Bank bank;
    final TxCounter moves = new TxCounter();
    /**
     * Written by the irrevocable blocks: once irrevocable a block cannot roll back, so a stop leaves
     * what it wrote in place (as under a lock); no invariant is kept here.
     */
    long journalStart;
    long journalEnd;

    Mover(Bank bank) {
      this.bank = bank;
    }

    /** A transfer and its count in one block (speculative, or alone on the fast path). */
    @Atomic
    void transfer(int from, int to) {
      bank.transfer(from, to, 1); // nested: joins this block
      moves.increment();
    }

    /** Calls the JDK in the middle: the block becomes irrevocable, takes the gate and waits for every other block. */
    @Atomic
    void journal() {
      journalStart++;
      long[] scratch = new long[2];
      java.util.Arrays.fill(scratch, journalStart); // JDK code: irrevocable from here on
      journalEnd = scratch[1];
    }
  }

  public static void main(String[] args) {
    int stops = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
    Faults.startWatchdog(seconds + 150);
    String before = Statistics.describe();
    int status = 0;
    try {
      run(stops, seconds);
    } catch (Throwable t) {
      System.out.println("FAIL threadStop: " + t);
      t.printStackTrace(System.out);
      status = 1;
    }
    System.out.println("  transactions before: " + before + "\n  after: " + Statistics.describe());
    System.out.flush();
    System.exit(status);
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void run(int stops, long seconds) throws Exception {
    Bank bank = new Bank(8, 64);
    Mover mover = new Mover(bank);
    warmUp(mover);
    Traffic traffic = new Traffic(bank, 1).start();
    AtomicLong caught = new AtomicLong();
    AtomicLong survivorsOk = new AtomicLong();
    Queue<String> otherDeaths = new ConcurrentLinkedQueue<>();
    ArrayDeque<Thread> running = new ArrayDeque<>();
    ArrayDeque<Thread> stopped = new ArrayDeque<>();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    int done = 0;
    while (done < stops && System.nanoTime() < deadline) {
      while (running.size() < VICTIMS) {
        int id = done + running.size();
        boolean catches = id % 8 == 7; // every 8th victim catches its ThreadDeath and goes on
        Thread victim = new Thread(() -> victim(mover, catches, caught, survivorsOk), "victim-" + id);
        victim.setDaemon(true);
        victim.setUncaughtExceptionHandler((th, e) -> {
          if (!(e instanceof ThreadDeath)) {
            otherDeaths.add(th.getName() + ": " + e);
          }
        });
        victim.start();
        running.add(victim);
      }
      spinFor(ThreadLocalRandom.current().nextLong(done % 4 == 0 ? 10_000 : 200_000)); // 0-0.2 ms
      Thread victim = running.poll(); // the oldest: somewhere in its blocks by now, or still starting
      victim.stop();
      stopped.add(victim);
      done++;
      if (stopped.size() >= 64) {
        expectDead(stopped);
      }
    }
    for (Thread t : running) {
      t.stop();
      stopped.add(t);
    }
    expectDead(stopped);
    expect(otherDeaths.isEmpty(), "victims died of something else than their ThreadDeath: " + otherDeaths);
    expect(survivorsOk.get() == caught.get(), (caught.get() - survivorsOk.get()) + " of " + caught.get() + " victims "
        + "that caught their ThreadDeath were left inside a block or could not commit their next block");

    mover.journal(); // must take the gate and wait for every other thread to leave it: a hang detector
    Faults.expectRecovered(bank, traffic, bank.expectedTotal());
    System.out.println("OK threadStop: " + done + " threads stopped (" + caught.get() + " caught it and went on), "
        + mover.moves.get() + " victim transfers committed, total " + bank.total());
  }

  /** A victim: blocks of every kind and plain code between them, until stopped. */
  private static void victim(Mover mover, boolean catches, AtomicLong caught, AtomicLong survivorsOk) {
    try {
      work(mover);
    } catch (ThreadDeath stopped) {
      if (!catches) {
        throw stopped;
      }
      // A worker that survives a stop (as a pool's catch-all would): it is not inside a block, and
      // its next block commits on its own.
      caught.incrementAndGet();
      boolean inBlock = Statistics.inTransaction();
      long movesBefore = mover.moves.get();
      mover.transfer(2, 3);
      if (!inBlock && mover.moves.get() > movesBefore) {
        survivorsOk.incrementAndGet();
      }
    }
  }

  /**
   * Runs the victims' work without stops first, on this thread and then on {@value #VICTIMS}
   * threads at once for a while (conflicts, lock waits, exclusive runs, aborts): every class and
   * call site they use is loaded, linked and initialized before the first stop. A stop that lands
   * while the JVM loads a class is swallowed by the class file transformers (ByteBuddy's, the
   * JDK's), and one that lands in a static initializer breaks that class for good: both are
   * limits of the JVM, not of the blocks under test.
   */
  private static void warmUp(Mover mover) throws InterruptedException {
    for (int i = 0; i < 8; i++) {
      step(mover, i);
    }
    Statistics.inTransaction();
    AtomicLong rounds = new AtomicLong();
    Thread[] threads = new Thread[VICTIMS];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (long i = 0; rounds.get() >= 0; i++) {
          step(mover, i);
          rounds.incrementAndGet();
        }
      }, "warm-up-" + t);
      threads[t].start();
    }
    Thread.sleep(500);
    rounds.set(Long.MIN_VALUE);
    for (Thread t : threads) {
      t.join();
    }
  }

  private static void work(Mover mover) {
    for (long i = 0; ; i++) {
      step(mover, i);
    }
  }

  /** One step of a victim: a block of each kind in turn, and plain code between them. */
  private static void step(Mover mover, long i) {
    int n = mover.bank.balances.length;
    int from = ThreadLocalRandom.current().nextInt(n);
    int to = ThreadLocalRandom.current().nextInt(n);
    switch ((int) (i & 3)) {
      case 0 -> mover.transfer(from, to);
      case 1 -> mover.journal();
      case 2 -> Ame.atomic(() -> mover.transfer(from, to)); // the runtime's own begin/commit loop
      default -> Work.spin(i, 200); // between blocks
    }
  }

  /**
   * Every stopped thread dies within {@link #DIE_MILLIS}: a stop is never swallowed, nothing hangs.
   * JDK 17 delivers a pending stop only when the thread passes through the VM: one that runs
   * compiled code allocating little (a block's loop, a spin on a lock word) can carry it for
   * seconds. Asking for its stack is a handshake, which delivers it; a stop that was caught and
   * dropped stays lost, and the thread alive.
   */
  private static void expectDead(ArrayDeque<Thread> stopped) throws InterruptedException {
    for (Thread t; (t = stopped.poll()) != null; ) {
      long deadline = System.nanoTime() + DIE_MILLIS * 1_000_000L;
      while (t.isAlive() && System.nanoTime() < deadline) {
        t.getStackTrace();
        t.join(20);
      }
      expect(!t.isAlive(), t.getName() + " did not die " + DIE_MILLIS + " ms after Thread.stop() (the stop was "
          + "swallowed, or it hangs)\n" + Stacks.all());
    }
  }

  private static void spinFor(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.yield(); // 2 cores: let the victims run meanwhile
    }
  }
}
