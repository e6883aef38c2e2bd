package dev.ame.bench;

import dev.ame.Atomic;

/**
 * Accounts in one {@code long[]}; a transfer reads two balances and writes two. The four entry
 * points run the very same {@link #move} code: plain, under the global lock, under the two
 * accounts' own locks, and as an atomic block (under the agent its twin, with barriers on every
 * array access).
 */
final class Bank {
  private final long[] balances;
  private final Object[] locks;

  Bank(int accounts, long initialBalance) {
    balances = new long[accounts];
    java.util.Arrays.fill(balances, initialBalance);
    locks = new Object[accounts];
    java.util.Arrays.setAll(locks, i -> new Object());
  }

  boolean transferPlain(int from, int to, long amount) {
    return move(from, to, amount);
  }

  boolean transferLocked(int from, int to, long amount) {
    synchronized (GlobalLock.LOCK) {
      return move(from, to, amount);
    }
  }

  /** Fine-grained locking: the two accounts' locks, the lower index first so that no two transfers deadlock. */
  boolean transferPerAccount(int from, int to, long amount) {
    synchronized (locks[Math.min(from, to)]) {
      synchronized (locks[Math.max(from, to)]) {
        return move(from, to, amount);
      }
    }
  }

  @Atomic
  boolean transferAtomic(int from, int to, long amount) {
    return move(from, to, amount);
  }

  private boolean move(int from, int to, long amount) {
    if (balances[from] < amount) {
      return false;
    }
    balances[from] -= amount;
    balances[to] += amount;
    return true;
  }

  /** The sum of all balances; call only while no transfer runs. */
  long total() {
    long sum = 0;
    for (long balance : balances) {
      sum += balance;
    }
    return sum;
  }
}
