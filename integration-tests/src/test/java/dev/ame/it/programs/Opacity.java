package dev.ame.it.programs;

import dev.ame.Atomic;

/**
 * Opacity: writers keep {@code left + right == 0}, {@code index < data.length} and a
 * two-node ring consistent; readers run blocks whose code would spin forever, index out of bounds
 * or follow a null link on any torn state. Such a reader never reaches its commit, so commit-time
 * validation cannot save it: only opacity (every value read belongs to one consistent snapshot)
 * lets it finish. The main thread waits for the readers with a deadline.
 *
 * <p>Usage: {@code Opacity writers readers readsPerReader [deadlineSeconds]}; exit 0 and "OK" when
 * every reader finished in time.
 */
public final class Opacity {
  static final class Node {
    Node next;
    long value;
  }

  private long left;
  private long right;
  private long[] data = new long[4];
  private int index = 3;
  private final Node a = new Node();
  private final Node b = new Node();

  Opacity() {
    a.next = b;
    b.next = a;
  }

  @Atomic
  void write(long delta, int size) {
    left += delta;
    long[] fresh = new long[size];
    data = fresh;
    index = size - 1;
    right -= delta;
    // Swap the ring's order: a torn reader could see a.next == a and b.next == a at once.
    Node first = a.next == b ? b : a;
    Node second = first == a ? b : a;
    first.next = second;
    second.next = first;
    first.value = delta;
    second.value = -delta;
  }

  @Atomic
  long read() {
    long l = left;
    long r = right;
    for (long spins = 0; l + r != 0; spins++) {
      // Never ends on a torn pair: only a consistent snapshot gets out of this loop.
      if (spins < 0) {
        return spins;
      }
    }
    long[] d = data;
    int i = index;
    long element = d[i]; // out of bounds on a torn (data, index) pair
    Node start = a;
    Node n = start.next;
    int steps = 0;
    while (n != start) { // loops forever if the ring is torn into a cycle without start
      n = n.next;
      steps++;
    }
    return element + steps + n.value * 0;
  }

  public static void main(String[] args) throws InterruptedException {
    int writers = Integer.parseInt(args[0]);
    int readers = Integer.parseInt(args[1]);
    int reads = Integer.parseInt(args[2]);
    long deadlineSeconds = args.length > 3 ? Long.parseLong(args[3]) : 120;
    Opacity shared = new Opacity();
    Thread[] writerThreads = new Thread[writers];
    for (int w = 0; w < writers; w++) {
      int seed = w + 1;
      writerThreads[w] = new Thread(() -> {
        long x = seed;
        while (!Thread.currentThread().isInterrupted()) {
          x = x * 6364136223846793005L + 1442695040888963407L;
          shared.write((x >>> 40) + 1, 1 + (int) ((x >>> 20) & 15));
        }
      });
      writerThreads[w].setDaemon(true);
      writerThreads[w].start();
    }
    Thread[] readerThreads = new Thread[readers];
    long[] failures = new long[1];
    for (int r = 0; r < readers; r++) {
      readerThreads[r] = new Thread(() -> {
        for (int i = 0; i < reads; i++) {
          try {
            shared.read();
          } catch (RuntimeException e) {
            synchronized (failures) {
              failures[0]++;
            }
          }
        }
      });
      readerThreads[r].setDaemon(true);
      readerThreads[r].start();
    }
    long deadline = System.nanoTime() + deadlineSeconds * 1_000_000_000L;
    for (Thread t : readerThreads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    boolean stuck = false;
    for (Thread t : readerThreads) {
      stuck |= t.isAlive();
    }
    for (Thread w : writerThreads) {
      w.interrupt();
    }
    System.out.println("readers stuck: " + stuck + ", readers that threw: " + failures[0] + "; transactions: " + Statistics.describe());
    if (stuck || failures[0] != 0) {
      System.out.println("FAIL a reader observed a torn state");
      System.exit(1);
    }
    System.out.println("OK every reader saw only consistent snapshots");
    System.exit(0);
  }
}
