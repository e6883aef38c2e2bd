package dev.ame.runtime;

import java.util.Map;
import java.util.function.Supplier;

/** The implementation behind {@link dev.ame.Ame}: the block protocol of {@link Txn}, for lambdas. */
public final class TxnControl {
  private TxnControl() {}

  public static void atomic(Runnable body) {
    Txn t = Txn.current();
    try {
      if (t.isActive()) {
        Dispatch.run(body, t);
        return;
      }
      t.begin("Ame.atomic");
      for (;;) {
        try {
          Dispatch.run(body, t);
        } catch (Throwable e) {
          t.onThrow(e);
          continue;
        }
        if (t.commit()) {
          return;
        }
      }
    } catch (Throwable e) {
      throw Barriers.sneaky(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static <T> T atomic(Supplier<T> body) {
    Txn t = Txn.current();
    try {
      if (t.isActive()) {
        return (T) Dispatch.get(body, t);
      }
      t.begin("Ame.atomic");
      for (;;) {
        Object result;
        try {
          result = Dispatch.get(body, t);
        } catch (Throwable e) {
          t.onThrow(e);
          continue;
        }
        if (t.commit()) {
          return (T) result;
        }
      }
    } catch (Throwable e) {
      throw Barriers.sneaky(e);
    }
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
