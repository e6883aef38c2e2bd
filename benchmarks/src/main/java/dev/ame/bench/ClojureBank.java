package dev.ame.bench;

import clojure.lang.Ref;

/** {@link Bank} with Clojure refs from Java: a {@code Ref} of a {@code Long} per account, a transfer is one transaction. */
final class ClojureBank {
  private final Ref[] balances;

  ClojureBank(int accounts, long initialBalance) {
    balances = new Ref[accounts];
    for (int i = 0; i < accounts; i++) {
      balances[i] = new Ref(initialBalance);
    }
  }

  boolean transfer(int from, int to, long amount) {
    return ClojureTxn.run(() -> {
      Ref source = balances[from];
      long balance = (Long) source.deref();
      if (balance < amount) {
        return false;
      }
      source.set(balance - amount);
      Ref target = balances[to];
      target.set((Long) target.deref() + amount);
      return true;
    });
  }

  /** The sum of all balances; call only while no transfer runs. */
  long total() {
    long sum = 0;
    for (Ref balance : balances) {
      sum += (Long) balance.deref();
    }
    return sum;
  }
}
