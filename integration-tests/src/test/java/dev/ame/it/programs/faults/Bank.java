package dev.ame.it.programs.faults;

import dev.ame.Atomic;

/**
 * Accounts whose total never changes: the invariant that every fault case checks afterwards. A
 * transfer reads both balances, works a little, then writes both, so that without atomicity
 * concurrent transfers lose updates and the total drifts (the checks can fail).
 */
final class Bank {
  static final long START = 1_000;
  final long[] balances;
  /** Steps of work between a transfer's reads and its writes: the window in which updates get lost. */
  private final int window;

  Bank(int accounts) {
    this(accounts, 32);
  }

  Bank(int accounts, int window) {
    this.window = window;
    balances = new long[accounts];
    java.util.Arrays.fill(balances, START);
  }

  long expectedTotal() {
    return START * balances.length;
  }

  @Atomic
  void transfer(int from, int to, long amount) {
    if (from == to) {
      return;
    }
    long f = balances[from];
    long t = balances[to];
    Work.spin(f + t, window);
    balances[from] = f - amount;
    balances[to] = t + amount;
  }

  @Atomic
  long total() {
    long sum = 0;
    for (long b : balances) {
      sum += b;
    }
    return sum;
  }

  /**
   * Writes every account (each keeps its value): commits only if no block left a lock on one of
   * them, and only once the serial gate is open again.
   */
  @Atomic
  void touchAll() {
    for (int i = 0; i < balances.length; i++) {
      balances[i] = balances[i];
    }
  }

  /** The plain sum, outside any block (for the final check, once every thread has stopped). */
  long plainTotal() {
    long sum = 0;
    for (long b : balances) {
      sum += b;
    }
    return sum;
  }
}
