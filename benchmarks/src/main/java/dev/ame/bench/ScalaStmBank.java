package dev.ame.bench;

import scala.concurrent.stm.Ref;
import scala.concurrent.stm.japi.STM;

/** {@link Bank} in ScalaSTM's Java idiom: a {@code Ref.View<Long>} per account, a transfer is one {@code STM.atomic}. */
final class ScalaStmBank {
  private final Ref.View<Long>[] balances;

  @SuppressWarnings("unchecked")
  ScalaStmBank(int accounts, long initialBalance) {
    balances = new Ref.View[accounts];
    for (int i = 0; i < accounts; i++) {
      balances[i] = STM.newRef(initialBalance);
    }
  }

  boolean transfer(int from, int to, long amount) {
    return STM.atomic(() -> {
      Ref.View<Long> source = balances[from];
      long balance = source.get();
      if (balance < amount) {
        return false;
      }
      source.set(balance - amount);
      Ref.View<Long> target = balances[to];
      target.set(target.get() + amount);
      return true;
    });
  }

  /** The sum of all balances; call only while no transfer runs. */
  long total() {
    long sum = 0;
    for (Ref.View<Long> balance : balances) {
      sum += balance.get();
    }
    return sum;
  }
}
