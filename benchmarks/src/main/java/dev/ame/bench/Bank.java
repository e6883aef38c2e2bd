package dev.ame.bench;

import dev.ame.Atomic;

/**
 * Accounts in one {@code long[]}; a transfer reads two balances and writes two. The three entry
 * points run the very same {@link #move} code: plain, under the global lock, and as an atomic block
 * (under the agent its twin, with barriers on every array access).
 */
final class Bank {
  private final long[] balances;

  Bank(int accounts, long initialBalance) {
    balances = new long[accounts];
    java.util.Arrays.fill(balances, initialBalance);
  }

  boolean transferPlain(int from, int to, long amount) {
    return move(from, to, amount);
  }

  boolean transferLocked(int from, int to, long amount) {
    synchronized (GlobalLock.LOCK) {
      return move(from, to, amount);
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
