package dev.ame.it.programs.legacy;

/**
 * Legacy code, never edited for AME: one global lock around every access, plus synchronized
 * methods, plus a per-thread region of the data. Under {@code synchronized dev.ame.it.programs.legacy.**}
 * the blocks become atomic and the threads, whose data are disjoint, run in parallel.
 */
public final class LegacyBank {
  private static final Object GLOBAL = new Object();
  private final long[] balances;
  private long operations;

  public LegacyBank(int accounts) {
    balances = new long[accounts];
  }

  /** Moves money within [base, base + span): disjoint between threads that use different bases. */
  public void shuffle(int base, int span, long seed) {
    long x = seed;
    synchronized (GLOBAL) {
      for (int i = 0; i < 8; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        int from = base + (int) ((x >>> 33) % span);
        int to = base + (int) ((x >>> 13) % span);
        if (balances[from] > 0) {
          balances[from]--;
          balances[to]++;
        }
      }
    }
  }

  public synchronized void deposit(int account, long amount) {
    balances[account] += amount;
    operations++;
  }

  public long total() {
    synchronized (GLOBAL) {
      long sum = 0;
      for (long b : balances) {
        sum += b;
      }
      return sum;
    }
  }

  public synchronized long operations() {
    return operations;
  }
}
