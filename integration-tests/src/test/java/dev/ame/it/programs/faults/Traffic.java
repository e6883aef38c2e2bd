package dev.ame.it.programs.faults;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Threads that keep committing transfers over a {@link Bank} while a fault happens, and after it.
 * A lock that a faulting block left held, or a serial gate it never reopened, shows as a thread
 * that stops making progress: {@link #expectProgress()} waits (generously: it detects a hang, it
 * does not measure time) until every thread has committed again.
 */
final class Traffic {
  private static final long HANG_SECONDS = 60;

  private final Bank bank;
  private final Thread[] threads;
  private final AtomicLongArray commits;
  private final AtomicLongArray faults;
  private final AtomicReference<Throwable> firstFault = new AtomicReference<>();
  private volatile boolean stopped;

  Traffic(Bank bank, int threadCount) {
    this.bank = bank;
    this.threads = new Thread[threadCount];
    this.commits = new AtomicLongArray(threadCount);
    this.faults = new AtomicLongArray(threadCount);
    for (int i = 0; i < threadCount; i++) {
      int id = i;
      threads[i] = new Thread(() -> run(id), "traffic-" + i);
      threads[i].setDaemon(true);
    }
  }

  Traffic start() {
    for (Thread t : threads) {
      t.start();
    }
    return this;
  }

  private void run(int id) {
    int n = bank.balances.length;
    while (!stopped) {
      try {
        try {
          bank.transfer(Work.pick(n), Work.pick(n), 1 + Work.pick(5));
          commits.incrementAndGet(id);
        } catch (Throwable t) {
          // Only the out-of-memory case expects any: noting it allocates nothing.
          faults.incrementAndGet(id);
          firstFault.compareAndSet(null, t);
        }
      } catch (Throwable again) {
        // With the heap full even the handler can fail (deoptimizing it allocates): go on.
        faults.incrementAndGet(id);
      }
    }
  }

  /** Waits until every thread has committed a transfer after this call; throws if one hangs. */
  void expectProgress() throws InterruptedException {
    long[] before = new long[threads.length];
    for (int i = 0; i < before.length; i++) {
      before[i] = commits.get(i);
    }
    long deadline = System.nanoTime() + HANG_SECONDS * 1_000_000_000L;
    for (int i = 0; i < before.length; i++) {
      while (commits.get(i) == before[i]) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(threads[i].getName() + " committed nothing for " + HANG_SECONDS
              + " s (a lock left held?)\n" + Stacks.of(threads[i]));
        }
        Thread.sleep(1);
      }
    }
  }

  /** Stops the threads and waits for them; returns how many transfers they committed. */
  long stop() throws InterruptedException {
    stopped = true;
    for (Thread t : threads) {
      t.join(HANG_SECONDS * 1000);
      if (t.isAlive()) {
        throw new AssertionError(t.getName() + " does not finish\n" + Stacks.of(t));
      }
    }
    long sum = 0;
    for (int i = 0; i < threads.length; i++) {
      sum += commits.get(i);
    }
    return sum;
  }

  /** Transfers that threw (each may have committed half of itself, as an exception commits). */
  long faults() {
    long sum = 0;
    for (int i = 0; i < threads.length; i++) {
      sum += faults.get(i);
    }
    return sum;
  }

  Throwable firstFault() {
    return firstFault.get();
  }
}
