package dev.ame.samples.bank;

import dev.ame.Atomic;

/**
 * A bank whose transfers are atomic blocks. Without the agent this class has a classic race: two
 * threads moving money between the same accounts lose updates and the total drifts. With
 * {@code -javaagent:ame.jar} every {@code @Atomic} call appears to run alone, and the total never
 * changes, while transfers between different accounts still run in parallel.
 */
public final class Bank {
  private final long[] balances;

  public Bank(int accounts, long initialBalance) {
    balances = new long[accounts];
    java.util.Arrays.fill(balances, initialBalance);
  }

  /** Moves {@code amount} unless the source would go negative; returns whether it moved. */
  @Atomic
  public boolean transfer(int from, int to, long amount) {
    if (balances[from] < amount) {
      return false;
    }
    balances[from] -= amount;
    balances[to] += amount;
    return true;
  }

  /** The sum of all balances, read in one atomic snapshot. */
  @Atomic
  public long total() {
    long sum = 0;
    for (long b : balances) {
      sum += b;
    }
    return sum;
  }

  public int accounts() {
    return balances.length;
  }
}
