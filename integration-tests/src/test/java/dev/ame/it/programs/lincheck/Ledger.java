package dev.ame.it.programs.lincheck;

import dev.ame.Atomic;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * An ordinary sequential account ledger: a transfer reads both balances and writes both, refusing
 * an overdraft; the total never changes. Plain array code, so its blocks run speculatively (or
 * alone on the fast path): what Lincheck checks here is the STM's validation and locking. The
 * sequential specification of its three atomic forms below.
 */
public class Ledger {
  static final int ACCOUNTS = 3;
  private final long[] balances = {10, 10, 10};

  public boolean transfer(int from, int to, int amount) {
    if (from == to || balances[from] < amount) {
      return false;
    }
    balances[from] -= amount;
    balances[to] += amount;
    return true;
  }

  public long balance(int account) {
    return balances[account];
  }

  public long total() {
    long sum = 0;
    for (long b : balances) {
      sum += b;
    }
    return sum;
  }

  /** Made atomic with {@code @Atomic}. */
  @Param(name = "account", gen = IntGen.class, conf = "0:2")
  @Param(name = "amount", gen = IntGen.class, conf = "1:10")
  public static class Annotated extends Ledger {
    @Atomic @Operation @Override public boolean transfer(@Param(name = "account") int from, @Param(name = "account") int to,
        @Param(name = "amount") int amount) { return super.transfer(from, to, amount); }
    @Atomic @Operation @Override public long balance(@Param(name = "account") int account) { return super.balance(account); }
    @Atomic @Operation @Override public long total() { return super.total(); }
  }

  /** Made atomic by the config file's {@code atomic} directive. */
  @Param(name = "account", gen = IntGen.class, conf = "0:2")
  @Param(name = "amount", gen = IntGen.class, conf = "1:10")
  public static class Listed extends Ledger {
    @Operation @Override public boolean transfer(@Param(name = "account") int from, @Param(name = "account") int to,
        @Param(name = "amount") int amount) { return super.transfer(from, to, amount); }
    @Operation @Override public long balance(@Param(name = "account") int account) { return super.balance(account); }
    @Operation @Override public long total() { return super.total(); }
  }

  /** Legacy {@code synchronized} methods, atomic under the {@code synchronized} directive. */
  @Param(name = "account", gen = IntGen.class, conf = "0:2")
  @Param(name = "amount", gen = IntGen.class, conf = "1:10")
  public static class Legacy extends Ledger {
    @Operation @Override public synchronized boolean transfer(@Param(name = "account") int from, @Param(name = "account") int to,
        @Param(name = "amount") int amount) { return super.transfer(from, to, amount); }
    @Operation @Override public synchronized long balance(@Param(name = "account") int account) { return super.balance(account); }
    @Operation @Override public synchronized long total() { return super.total(); }
  }
}
