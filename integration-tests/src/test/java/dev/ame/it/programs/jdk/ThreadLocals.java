package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expect;
import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Thread-confined state inside blocks: {@code ThreadLocal.get/set/remove}, a {@code withInitial}
 * supplier of the application, a per-thread {@code Random} subclass kept in a {@code ThreadLocal},
 * and {@code ThreadLocalRandom}.
 *
 * <p>A block that rolls back must leave no {@code set} or {@code remove} behind. Each thread counts
 * its own committed blocks in a {@code ThreadLocal} (read, then set one higher) inside blocks that
 * also increment one shared counter, so that they conflict and roll back: a set kept from a
 * rolled-back attempt would count that block twice. The supplier counts its calls in shared state:
 * it runs once after each {@code remove}, once per committed block that needed it. A consumer
 * counts its takes the same way before it {@code wait()}s for an item (a retry rolls the attempt
 * back). Transfers between shared balances picked with {@code ThreadLocalRandom} and the
 * per-thread generator keep their total.
 */
public final class ThreadLocals {
  static long supplierCalls;
  static long removes;
  static long shared;
  static final ThreadLocal<Long> committed = ThreadLocal.withInitial(ThreadLocals::initialCount);

  static Long initialCount() {
    supplierCalls++;
    return 0L;
  }

  /**
   * Counts this block in the thread's own counter (after a {@code remove} when {@code reset}) and
   * in the shared one; returns the thread's count.
   */
  @Atomic
  static long count(boolean reset) {
    if (reset) {
      committed.remove();
      removes++;
    }
    long mine = committed.get();
    long s = shared;
    Corpus.spin(s);
    committed.set(mine + 1);
    shared = s + 1;
    return mine + 1;
  }

  /** One item at a time, handed from producers to consumers; {@code wait()} retries the block. */
  static final class Mailbox {
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

    /** Counts the take in the thread's {@code taken} before waiting for an item. */
    @Atomic
    long take() throws InterruptedException {
      taken.set(taken.get() + 1);
      while (!full) {
        wait();
      }
      full = false;
      notifyAll();
      return item;
    }
  }

  static final ThreadLocal<Integer> taken = ThreadLocal.withInitial(() -> 0);

  static final long[] balances = new long[32];
  static final long TOTAL = 32 * 100;
  static long generatorsMade;

  /** A per-thread generator of the application's own, as object-graph benchmarks keep one. */
  static final class Generator extends Random {
    Generator(long seed) {
      super(seed);
    }
  }

  static final ThreadLocal<Generator> generator = ThreadLocal.withInitial(() -> new Generator(generatorsMade++));

  @Atomic
  static void transferRandomly() {
    int from = ThreadLocalRandom.current().nextInt(balances.length);
    int to = generator.get().nextInt(balances.length);
    long amount = 1 + ThreadLocalRandom.current().nextLong(20);
    long have = balances[from];
    if (have >= amount) {
      balances[from] = have - amount;
      Corpus.spin(have);
      balances[to] += amount;
    }
  }

  @Atomic
  static String auditBalances() {
    long sum = 0;
    for (long b : balances) {
      sum += b;
    }
    return sum == TOTAL ? null : "a total of " + sum + " instead of " + TOTAL;
  }

  static void setUndoneOnConflict(Corpus corpus) throws InterruptedException {
    long[] expected = new long[corpus.threads];
    corpus.inThreads((thread, i, random) -> {
      boolean reset = i % 50 == 0;
      expected[thread] = reset ? 1 : expected[thread] + 1;
      long counted = count(reset);
      expect(counted == expected[thread], "block " + i + " of thread " + thread + " counted " + counted + ", expected "
          + expected[thread]);
      expect(committed.get() == expected[thread], "the thread local holds " + committed.get() + " after block " + i
          + " of thread " + thread + ", expected " + expected[thread]);
    });
    long blocks = (long) corpus.threads * corpus.iterations;
    expect(shared == blocks, "the shared counter lost updates: " + shared + " for " + blocks + " blocks");
    expect(supplierCalls == removes, "the supplier ran " + supplierCalls + " times for " + removes + " removes");
  }

  static void setUndoneOnRetry(Corpus corpus) throws InterruptedException {
    Mailbox mailbox = new Mailbox();
    int pairs = Math.max(1, corpus.threads / 2);
    int items = Math.min(corpus.iterations, 5_000);
    long[] sums = new long[2];
    corpus.inThreads(pairs * 2, items, (thread, i, random) -> {
      if (thread % 2 == 0) {
        mailbox.put(i + 1);
        synchronized (sums) {
          sums[0] += i + 1;
        }
      } else {
        long item = mailbox.take();
        expect(taken.get() == i + 1, "take " + (i + 1) + " counted as " + taken.get() + " (a retried set kept)");
        synchronized (sums) {
          sums[1] += item;
        }
      }
    });
    expect(sums[0] == sums[1], "items put sum to " + sums[0] + ", taken to " + sums[1]);
  }

  static void randomTransfersKeepTheTotal(Corpus corpus) throws InterruptedException {
    Arrays.fill(balances, 100);
    corpus.inThreads((thread, i, random) -> {
      if (i % 8 == 7) {
        expectClean(auditBalances());
      } else {
        transferRandomly();
      }
    });
    expectClean(auditBalances());
    expect(generatorsMade == corpus.threads, generatorsMade + " per-thread generators made for " + corpus.threads + " threads");
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(ThreadLocals.class, args);
    corpus.add("threadLocal_setInABlockThatRollsBack_isUndone", () -> setUndoneOnConflict(corpus));
    corpus.add("threadLocalRandomAndPerThreadGenerator_pickTransfers_totalKept", () -> randomTransfersKeepTheTotal(corpus));
    corpus.add("threadLocal_setBeforeWait_isUndoneWhenTheBlockRetries", () -> setUndoneOnRetry(corpus));
    corpus.runAndExit();
  }
}
