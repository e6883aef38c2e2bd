package dev.ame.runtime;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The implementation behind {@link dev.ame.Ame}: the block protocol of {@link Txn} around bodies
 * given as objects. The user's body is always called through {@link Dispatch}, so that a body of
 * a rewritten class (named, anonymous or lambda) runs its transactional twin.
 */
public final class TxnControl {
  private TxnControl() {}

  /** A block's work, given the transaction. */
  interface Work {
    Object run(Txn t) throws Throwable;
  }

  /**
   * Runs {@code work} as one atomic block (or inside the current one). Every call of the protocol
   * is inside a try whose handler hands the throwable to {@link Txn#afterThrow}, and that handler
   * is itself covered once more: an asynchronous {@code Thread.stop} that lands as a protocol call
   * returns, or in the handler, still reaches the runtime, which closes the block.
   */
  static Object block(String name, Work work) {
    Txn t = Txn.current();
    if (t.isActive()) {
      try {
        return work.run(t); // nested: whatever it throws is the outer block's to handle
      } catch (Throwable e) {
        throw Barriers.sneaky(e);
      }
    }
    try {
      t.begin(name);
    } catch (Throwable e) {
      throw Barriers.sneaky(passOn(t.afterThrow(e), e));
    }
    for (;;) {
      try {
        Throwable thrown;
        try {
          Object result = work.run(t);
          if (t.commit()) {
            return result;
          }
          continue;
        } catch (Throwable e) {
          thrown = t.afterThrow(e);
        }
        if (thrown != null) {
          throw thrown;
        }
      } catch (Throwable late) {
        throw Barriers.sneaky(passOn(t.afterThrow(late), late));
      }
    }
  }

  /** What to throw once the runtime has handled {@code e} outside the re-run loop: never null. */
  private static Throwable passOn(Throwable handled, Throwable e) {
    return handled != null ? handled : e;
  }

  /**
   * Runs {@code work} as a block that commits only in its turn. When the loop stopped before this
   * turn (an earlier iteration threw), the block is abandoned: nothing of it is kept.
   */
  static void blockInTurn(String name, Work work, Loops.Turn turn, BooleanSupplier stopped) {
    Txn t = Txn.current();
    BooleanSupplier ready = () -> turn.isMine() || stopped.getAsBoolean();
    try {
      if (t.isActive()) {
        work.run(t); // inside a block the loop runs on this thread alone, in order
        turn.pass();
        return;
      }
      t.begin(name, ready);
      for (;;) {
        Throwable thrown = null;
        try {
          work.run(t);
        } catch (Throwable e) {
          if (e instanceof ControlSignal) {
            t.onThrow(e);
            continue;
          }
          thrown = e;
        }
        if (!t.awaitTurn(ready)) {
          continue;
        }
        if (!turn.isMine()) {
          t.abandon();
          return;
        }
        if (thrown != null) {
          t.onThrow(thrown); // commits this iteration's effects and rethrows, or re-runs it
          continue;
        }
        if (t.commit()) {
          turn.pass();
          return;
        }
      }
    } catch (Throwable e) {
      throw Barriers.sneaky(e);
    }
  }

  public static void atomic(Runnable body) {
    block("Ame.atomic", t -> {
      Dispatch.run(body, t);
      return null;
    });
  }

  @SuppressWarnings("unchecked")
  public static <T> T atomic(Supplier<T> body) {
    return (T) block("Ame.atomic", t -> Dispatch.get(body, t));
  }

  static Object call(Callable<?> body) {
    return block("AtomicExecutor task", t -> Dispatch.call(body, t));
  }

  static void accept(Consumer<?> body, Object item) {
    block("Ame.parallelFor", t -> {
      Dispatch.accept(body, item, t);
      return null;
    });
  }

  static void accept(IntConsumer body, int item) {
    block("Ame.parallelFor", t -> {
      Dispatch.accept(body, item, t);
      return null;
    });
  }

  /**
   * {@code TxCounter.add}: inside a block part of it ({@link SharedStructures#counterAdd}), else a
   * block of its own. (Added in place outside blocks, a delta could land between a concurrent
   * block's validation of that cell and its write-back: the block would commit a sum without it.
   * Lincheck found it: issue 14.)
   */
  public static void counterAdd(CounterCells cells, long delta) {
    Txn t = Txn.current();
    if (t.isActive()) {
      SharedStructures.counterAdd(t, cells, delta);
    } else {
      block("TxCounter.add", x -> {
        SharedStructures.counterAdd(x, cells, delta);
        return null;
      });
    }
  }

  /**
   * {@code TxCounter.get}: inside a block part of it, else a block of its own, so that it waits for
   * a commit that is writing its delta back instead of summing the cells around it.
   */
  public static long counterGet(CounterCells cells) {
    Txn t = Txn.current();
    return t.isActive() ? SharedStructures.counterGet(t, cells) : (Long) block("TxCounter.get", x -> SharedStructures.counterGet(x, cells));
  }

  /** {@code TxCounter.committedValue}: untracked. */
  public static long counterCommitted(CounterCells cells) {
    return cells.plainValue();
  }

  /** {@code TxQueue.add}: deferred to commit inside a block, else a block of its own. */
  public static void queueAdd(QueueState queue, Object item) {
    Txn t = Txn.current();
    if (t.isActive()) {
      SharedStructures.queueAdd(t, queue, item);
    } else {
      block("TxQueue.add", x -> {
        SharedStructures.queueAdd(x, queue, item);
        return null;
      });
    }
  }

  /** {@code TxQueue.poll}: inside a block as part of it, else a block of its own. */
  public static Object queuePoll(QueueState queue) {
    Txn t = Txn.current();
    if (t.isActive()) {
      return SharedStructures.queuePoll(t, queue);
    }
    return block("TxQueue.poll", x -> SharedStructures.queuePoll(x, queue));
  }

  public static boolean inTransaction() {
    return Txn.current().isActive();
  }

  public static void onCommit(Runnable action) {
    Txn t = Txn.current();
    if (t.isActive()) {
      t.addOnCommit(action);
    } else {
      action.run();
    }
  }

  public static void onAbort(Runnable action) {
    Txn t = Txn.current();
    if (t.isActive()) {
      t.addOnAbort(action);
    }
  }

  public static Map<String, Long> irrevocableCauses() {
    return Txn.irrevocableCauses();
  }
}
