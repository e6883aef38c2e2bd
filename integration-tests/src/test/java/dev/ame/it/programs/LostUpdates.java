package dev.ame.it.programs;

import dev.ame.Atomic;

/**
 * Racy read-modify-write code: an instance counter, a static counter and an array element, each
 * incremented by every thread with a little work between the read and the write. With the agent no
 * increment is lost; without it many are (which shows the check has teeth).
 *
 * <p>Usage: {@code LostUpdates threads incrementsPerThread [burst]}; exit 0 and "OK" when exact.
 * With {@code burst}, each thread pauses for a millisecond after every {@code burst} increments,
 * so that blocks keep switching between running alone (the fast path) and speculatively; the
 * program then also checks that blocks ran alone (and says so when none ran speculatively).
 */
public final class LostUpdates {
  private long counter;
  private static long staticCounter;
  private final long[] slots = new long[8];
  /** How long a block spins between its reads and its writes (longer in burst mode). */
  private static int window = 4;

  @Atomic
  void incrementAll(int slot) {
    long c = counter;
    long s = staticCounter;
    long a = slots[slot];
    spin(c);
    counter = c + 1;
    staticCounter = s + 1;
    slots[slot] = a + 1;
  }

  /** Widens the window between read and write, as real code would; the JIT cannot remove it. */
  private static void spin(long seed) {
    for (int i = 0; i < window + (seed & 3); i++) {
      Thread.onSpinWait();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    int increments = Integer.parseInt(args[1]);
    int burst = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    if (burst > 0) {
      window = 200; // long enough that a block running alone overlaps blocks that did not wait for it
    }
    LostUpdates shared = new LostUpdates();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        for (int i = 0; i < increments; i++) {
          shared.incrementAll(3);
          if (burst > 0 && i % burst == burst - 1) {
            pause();
          }
        }
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long expected = (long) threads * increments;
    System.out.println("instance " + shared.counter + ", static " + staticCounter + ", element " + shared.slots[3]
        + ", expected " + expected + "; transactions: " + Statistics.describe());
    if (shared.counter != expected || staticCounter != expected || shared.slots[3] != expected) {
      System.out.println("FAIL lost updates");
      System.exit(1);
    }
    Object stats = Statistics.snapshot();
    long alone = Statistics.counter(stats, "aloneRuns");
    if (burst > 0 && stats != null && alone == 0) {
      System.out.println("FAIL no block ran alone: the bursts never used the fast path");
      System.exit(1);
    }
    if (burst > 0 && stats != null && alone == Statistics.counter(stats, "commits")) {
      System.out.println("note: every block ran alone (the threads never overlapped): the switch was not exercised");
    }
    System.out.println("OK no update lost");
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
