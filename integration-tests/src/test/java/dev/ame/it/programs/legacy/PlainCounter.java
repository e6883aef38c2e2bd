package dev.ame.it.programs.legacy;

/**
 * A racy counter with no annotation: made atomic only by an {@code atomic} line of the config
 * file ({@code atomic dev.ame.it.programs.legacy.PlainCounter#increment}).
 *
 * <p>Usage: {@code PlainCounter threads increments}.
 */
public final class PlainCounter {
  private long value;

  void increment() {
    long v = value;
    for (int i = 0; i < 10; i++) {
      Thread.onSpinWait(); // a window the JIT cannot remove, so that unprotected threads lose updates
    }
    value = v + 1;
  }

  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    int increments = Integer.parseInt(args[1]);
    PlainCounter c = new PlainCounter();
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      ts[t] = new Thread(() -> {
        for (int i = 0; i < increments; i++) {
          c.increment();
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    long expected = (long) threads * increments;
    System.out.println("value " + c.value + ", expected " + expected);
    if (c.value != expected) {
      System.out.println("FAIL lost updates");
      System.exit(1);
    }
    System.out.println("OK no update lost");
  }
}
