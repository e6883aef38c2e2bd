package dev.ame;

import dev.ame.runtime.Tasks;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ExecutorService} whose tasks each run as one atomic block: the event-loop pattern of
 * AME, where a dispatcher hands events to a pool and each is handled as if alone. Futures complete
 * after their block has committed, outside it. Works with {@code CompletableFuture.runAsync(task,
 * executor)} and {@code supplyAsync}; use {@link #submit} to have the task's own class run its
 * transactional code (a task wrapped by the JDK runs correctly, but alone).
 */
public final class AtomicExecutor extends AbstractExecutorService {
  private final ExecutorService pool;

  private AtomicExecutor(ExecutorService pool) {
    this.pool = pool;
  }

  /** A pool of {@code threads} threads whose tasks are atomic blocks. */
  public static AtomicExecutor newFixedThreadPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("an AtomicExecutor needs at least one thread, not " + threads);
    }
    return new AtomicExecutor(Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ame-atomic-executor");
      t.setDaemon(true);
      return t;
    }));
  }

  /** A pool sized to the cores. */
  public static AtomicExecutor newPool() {
    return newFixedThreadPool(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public void execute(Runnable command) {
    pool.execute(Tasks.isWrapped(command) ? command : Tasks.atomic(command));
  }

  @Override
  protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
    return Tasks.atomicFuture(callable);
  }

  @Override
  protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
    return Tasks.atomicFuture(runnable, value);
  }

  @Override
  public void shutdown() {
    pool.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return pool.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return pool.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return pool.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return pool.awaitTermination(timeout, unit);
  }
}
