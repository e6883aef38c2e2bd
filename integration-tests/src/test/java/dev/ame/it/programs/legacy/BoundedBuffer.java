package dev.ame.it.programs.legacy;

/**
 * The textbook bounded buffer with {@code wait}/{@code notifyAll}, unchanged. Under a
 * {@code synchronized} directive each method is an atomic block and {@code wait()} means retry.
 */
public final class BoundedBuffer {
  private final long[] items;
  private int head;
  private int count;

  public BoundedBuffer(int capacity) {
    items = new long[capacity];
  }

  public synchronized void put(long item) throws InterruptedException {
    while (count == items.length) {
      wait();
    }
    items[(head + count) % items.length] = item;
    count++;
    notifyAll();
  }

  /** Waits at most {@code millis} for an item; returns whether one is there. */
  public synchronized boolean awaitItem(long millis) throws InterruptedException {
    if (count == 0) {
      wait(millis);
    }
    return count > 0;
  }

  public synchronized long take() throws InterruptedException {
    while (count == 0) {
      wait();
    }
    long item = items[head];
    head = (head + 1) % items.length;
    count--;
    notifyAll();
    return item;
  }
}
