package dev.ame.bench;

import dev.ame.Atomic;
import java.util.TreeMap;

/**
 * A {@code java.util.TreeMap} of keys 0..16383, each mapped to an amount: 90% of the operations sum
 * the amounts of a range of 10 to 50 keys through {@code subMap(...).values()}, 10% move an amount
 * from one key to another (two {@code get}s, two {@code put}s of existing keys: no rebalancing). The
 * three entry points run the very same {@link #execute} code: plain, under the global lock, and as
 * an atomic block, where the JDK's code makes the block irrevocable until issue 13 lets it run
 * speculatively. Moves keep the total.
 */
final class TreeMapRanges {
  static final int KEYS = 16_384;
  private static final long INITIAL_AMOUNT = 1_000;
  private static final int MOVE_BELOW = 10;

  private final TreeMap<Integer, Long> amounts = new TreeMap<>();

  TreeMapRanges() {
    for (int key = 0; key < KEYS; key++) {
      amounts.put(Boxed.of(key), INITIAL_AMOUNT);
    }
  }

  boolean executePlain(int roll, int key, long bits) {
    return execute(roll, key, bits);
  }

  boolean executeLocked(int roll, int key, long bits) {
    synchronized (GlobalLock.LOCK) {
      return execute(roll, key, bits);
    }
  }

  @Atomic
  boolean executeAtomic(int roll, int key, long bits) {
    return execute(roll, key, bits);
  }

  /** A move below {@link #MOVE_BELOW}, else a range sum; the other key, the amount and the length come from {@code bits}. */
  private boolean execute(int roll, int key, long bits) {
    if (roll < MOVE_BELOW) {
      return move(key, (key + 1 + (int) (bits & 255)) % KEYS, 1 + ((bits >>> 8) & 63));
    }
    return sum(key, Math.min(KEYS, key + 10 + (int) ((bits >>> 8) % 41))) > 0;
  }

  private long sum(int from, int to) {
    long sum = 0;
    for (Long amount : amounts.subMap(Boxed.of(from), Boxed.of(to)).values()) {
      sum += amount;
    }
    return sum;
  }

  private boolean move(int from, int to, long amount) {
    long available = amounts.get(Boxed.of(from));
    if (available < amount) {
      return false;
    }
    amounts.put(Boxed.of(from), available - amount);
    amounts.put(Boxed.of(to), amounts.get(Boxed.of(to)) + amount);
    return true;
  }

  /** Null when every key is still there and the amounts add up to what they were, else what is wrong. */
  String check() {
    long total = 0;
    for (long amount : amounts.values()) {
      total += amount;
    }
    if (amounts.size() != KEYS || amounts.firstKey() != 0 || amounts.lastKey() != KEYS - 1) {
      return "TreeMap holds " + amounts.size() + " keys from " + amounts.firstKey() + " to " + amounts.lastKey()
          + ", expected 0.." + (KEYS - 1);
    }
    return total == KEYS * INITIAL_AMOUNT ? null : "TreeMap amounts add up to " + total + ", expected "
        + KEYS * INITIAL_AMOUNT;
  }
}
