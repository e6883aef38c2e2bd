package dev.ame.it.programs;

import dev.ame.Atomic;

/**
 * Racy read-modify-write code: an instance counter, a static counter and an array element, each
 * incremented by every thread with a little work between the read and the write. With the agent no
 * increment is lost; without it many are (which shows the check has teeth).
 *
 * <p>Usage: {@code LostUpdates threads incrementsPerThread}; exit 0 and "OK" when exact.
 */
public final class LostUpdates {
  private long counter;
  private static long staticCounter;
  private final long[] slots = new long[8];

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
    for (int i = 0; i < 4 + (seed & 3); i++) {
      Thread.onSpinWait();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    int increments = Integer.parseInt(args[1]);
    LostUpdates shared = new LostUpdates();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        for (int i = 0; i < increments; i++) {
          shared.incrementAll(3);
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
    System.out.println("OK no update lost");
  }
}
