package dev.ame.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;

/** Tasks of {@link dev.ame.AtomicExecutor}: the user's task runs as a block, the future completes after. */
public final class Tasks {
  private Tasks() {}

  /** A runnable that runs {@code task} as one atomic block. */
  public static Runnable atomic(Runnable task) {
    return new AtomicRunnable(task);
  }

  public static boolean isWrapped(Runnable r) {
    return r instanceof AtomicRunnable || r instanceof AtomicFuture;
  }

  @SuppressWarnings("unchecked")
  public static <T> RunnableFuture<T> atomicFuture(Callable<T> task) {
    return new AtomicFuture<>(() -> (T) TxnControl.call(task));
  }

  public static <T> RunnableFuture<T> atomicFuture(Runnable task, T value) {
    return new AtomicFuture<>(() -> {
      TxnControl.atomic(task);
      return value;
    });
  }

  private static final class AtomicRunnable implements Runnable {
    private final Runnable task;

    AtomicRunnable(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      TxnControl.atomic(task);
    }
  }

  /** Its callable runs the user's task as a block; FutureTask completes the future after it. */
  private static final class AtomicFuture<T> extends FutureTask<T> {
    AtomicFuture(Callable<T> blockRunner) {
      super(blockRunner);
    }
  }
}
