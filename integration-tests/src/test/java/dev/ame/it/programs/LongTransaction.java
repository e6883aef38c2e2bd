package dev.ame.it.programs;

import dev.ame.Ame;
import dev.ame.Atomic;

/**
 * Progress: a block that reads a million array elements (a consistent sum) while writers keep
 * committing short blocks that move value between random elements (the sum stays 0). The long
 * block must commit, with the right sum, whatever the stream of writers does.
 *
 * <p>Usage: {@code LongTransaction writers elements sums}; exit 0 and "OK" when every sum was 0.
 */
public final class LongTransaction {
  private final long[] values;

  LongTransaction(int size) {
    values = new long[size];
  }

  @Atomic
  void move(int from, int to, long amount) {
    values[from] -= amount;
    values[to] += amount;
  }

  @Atomic
  long sum() {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  public static void main(String[] args) throws InterruptedException {
    int writers = Integer.parseInt(args[0]);
    int size = Integer.parseInt(args[1]);
    int sums = Integer.parseInt(args[2]);
    LongTransaction shared = new LongTransaction(size);
    Thread[] threads = new Thread[writers];
    long[] commits = new long[writers];
    for (int w = 0; w < writers; w++) {
      int id = w;
      threads[w] = new Thread(() -> {
        long x = id + 7;
        while (!Thread.currentThread().isInterrupted()) {
          x = x * 6364136223846793005L + 1442695040888963407L;
          shared.move((int) ((x >>> 33) % size), (int) ((x >>> 13) % size), 1 + (x & 7));
          commits[id]++;
        }
      });
      threads[w].setDaemon(true);
      threads[w].start();
    }
    Ame.Statistics before = Ame.statistics();
    long start = System.nanoTime();
    boolean allZero = true;
    for (int i = 0; i < sums; i++) {
      long s = shared.sum();
      allZero &= s == 0;
      System.out.println("sum " + i + " = " + s);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      t.join();
    }
    long writes = 0;
    for (long c : commits) {
      writes += c;
    }
    System.out.printf("%d sums of %d elements in %.2f s while writers committed %d blocks; %s%n",
        sums, size, seconds, writes, Ame.statistics().minus(before));
    if (!allZero || writes == 0) {
      System.out.println("FAIL a long block saw an inconsistent sum (or writers made no progress)");
      System.exit(1);
    }
    System.out.println("OK the long blocks committed with consistent sums");
  }
}
