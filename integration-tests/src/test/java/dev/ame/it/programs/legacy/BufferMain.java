package dev.ame.it.programs.legacy;

/**
 * Producers and consumers through a {@link BoundedBuffer}: every item must arrive exactly once
 * (checked with a per-item tally), nobody may hang; then a consumer blocked on an empty buffer is
 * interrupted and must leave with {@link InterruptedException}.
 *
 * <p>Usage: {@code BufferMain producers consumers itemsPerProducer}.
 */
public final class BufferMain {
  public static void main(String[] args) throws Exception {
    int producers = Integer.parseInt(args[0]);
    int consumers = Integer.parseInt(args[1]);
    int perProducer = Integer.parseInt(args[2]);
    int total = producers * perProducer;
    BoundedBuffer buffer = new BoundedBuffer(8);
    int[] seen = new int[total];
    Thread[] threads = new Thread[producers + consumers];
    for (int p = 0; p < producers; p++) {
      int first = p * perProducer;
      threads[p] = new Thread(() -> {
        try {
          for (int i = 0; i < perProducer; i++) {
            buffer.put(first + i);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    int perConsumer = total / consumers;
    for (int c = 0; c < consumers; c++) {
      int quota = c == consumers - 1 ? total - perConsumer * (consumers - 1) : perConsumer;
      threads[producers + c] = new Thread(() -> {
        try {
          for (int i = 0; i < quota; i++) {
            int item = (int) buffer.take();
            synchronized (seen) {
              seen[item]++;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    for (Thread t : threads) {
      t.setDaemon(true);
      t.start();
    }
    long deadline = System.nanoTime() + 120_000_000_000L;
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    for (Thread t : threads) {
      if (t.isAlive()) {
        System.out.println("FAIL a producer or consumer hangs");
        System.exit(1);
      }
    }
    for (int i = 0; i < total; i++) {
      if (seen[i] != 1) {
        System.out.println("FAIL item " + i + " arrived " + seen[i] + " times");
        System.exit(1);
      }
    }
    System.out.println("OK " + total + " items each arrived exactly once");

    BoundedBuffer empty = new BoundedBuffer(1);
    String[] outcome = {"still waiting"};
    Thread waiter = new Thread(() -> {
      try {
        empty.take();
        outcome[0] = "took an item from an empty buffer";
      } catch (InterruptedException e) {
        outcome[0] = "interrupted";
      }
    });
    waiter.setDaemon(true);
    waiter.start();
    Thread.sleep(300);
    waiter.interrupt();
    waiter.join(30_000);
    System.out.println("waiting consumer: " + outcome[0]);
    if (!outcome[0].equals("interrupted")) {
      System.out.println("FAIL interrupt of a waiting block");
      System.exit(1);
    }
    System.out.println("OK an interrupted waiting block left with InterruptedException");

    long start = System.nanoTime();
    boolean got = empty.awaitItem(300);
    long waitedMs = (System.nanoTime() - start) / 1_000_000;
    System.out.println("wait(300) on an empty buffer returned " + got + " after " + waitedMs + " ms");
    if (got || waitedMs < 250) {
      System.out.println("FAIL wait(timeout) did not wait for its timeout");
      System.exit(1);
    }
    System.out.println("OK wait(timeout) honoured its timeout");
  }
}
