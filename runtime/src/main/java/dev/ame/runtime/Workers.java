package dev.ame.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The helper threads of parallel loops: one fewer than the cores (the calling thread works too),
 * daemons, created on first use.
 */
final class Workers {
  private static final int HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
  private static volatile ExecutorService pool;

  private Workers() {}

  private static ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (Workers.class) {
        p = pool;
        if (p == null) {
          p = Executors.newFixedThreadPool(Math.max(1, HELPERS), r -> {
            Thread t = new Thread(r, "ame-loop-worker");
            t.setDaemon(true);
            return t;
          });
          pool = p;
        }
      }
    }
    return p;
  }

  /** Runs {@code task} on the calling thread and on every helper, and waits for all of them. */
  static void runOnAll(Runnable task) {
    if (Txn.current().isActive()) {
      task.run(); // inside a block: the loop's blocks join it, on this thread only
      return;
    }
    List<Future<?>> helpers = new ArrayList<>();
    for (int i = 0; i < HELPERS; i++) {
      helpers.add(pool().submit(task));
    }
    task.run();
    for (Future<?> f : helpers) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw Barriers.sneaky(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a parallel loop", e);
      }
    }
  }
}
