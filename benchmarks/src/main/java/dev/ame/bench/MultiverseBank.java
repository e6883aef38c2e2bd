package dev.ame.bench;

import org.multiverse.api.StmUtils;
import org.multiverse.api.callables.TxnBooleanCallable;
import org.multiverse.api.references.TxnLong;

/** {@link Bank} in Multiverse 0.7's idiom: a {@code TxnLong} per account, a transfer is one {@code StmUtils.atomic}. */
final class MultiverseBank {
  private final TxnLong[] balances;

  MultiverseBank(int accounts, long initialBalance) {
    balances = new TxnLong[accounts];
    for (int i = 0; i < accounts; i++) {
      balances[i] = StmUtils.newTxnLong(initialBalance);
    }
  }

  boolean transfer(int from, int to, long amount) {
    return StmUtils.atomic((TxnBooleanCallable) txn -> {
      TxnLong source = balances[from];
      long balance = source.get(txn);
      if (balance < amount) {
        return false;
      }
      source.set(txn, balance - amount);
      TxnLong target = balances[to];
      target.set(txn, target.get(txn) + amount);
      return true;
    });
  }

  /** The sum of all balances; call only while no transfer runs. */
  long total() {
    long sum = 0;
    for (TxnLong balance : balances) {
      sum += balance.atomicGet();
    }
    return sum;
  }
}
