package dev.ame.it.programs.loaders;

/** Runs a body many times in several threads at once, and waits for them. */
final class Hammer {
  static final int THREADS = 4;
  static final int TIMES = 20_000;

  private Hammer() {}

  static void hammer(Runnable body) throws InterruptedException {
    Thread[] threads = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < TIMES; i++) {
          body.run();
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}
