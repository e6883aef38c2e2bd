package dev.ame.bench;

import clojure.lang.LockingTransaction;
import java.util.concurrent.Callable;

/** Runs a Clojure transaction ({@code dosync}) from Java; its checked exception never happens here. */
final class ClojureTxn {
  private ClojureTxn() {}

  static boolean run(Callable<Boolean> body) {
    try {
      return (Boolean) LockingTransaction.runInTransaction(body);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Clojure transaction failed", e);
    }
  }
}
