package dev.ame.it.programs;

import static dev.ame.it.programs.Checks.expect;

import dev.ame.Atomic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Money kept in JDK collections and moved by blocks of many threads: a {@code HashMap} of
 * balances (accounts also opened and closed), a {@code TreeMap} whose entries move between keys
 * while audits sum its views, and an {@code ArrayList} whose elements move (and rotate). Every
 * block reads, spins a little, then writes: without atomicity money is created or lost, and the
 * structures themselves get corrupted.
 *
 * <p>Usage: {@code JdkCollections threads iterations}. Prints {@code OK name} or
 * {@code FAIL name: why} per check, then one {@code irrevocable: CAUSE} line per cause that made
 * one of this program's blocks irrevocable and {@code irrevocable causes: N}; exits 1 on a failure.
 */
public final class JdkCollections {
  static final int ACCOUNTS = 64;
  static final long TOTAL = ACCOUNTS * 100;

  static final HashMap<Integer, Long> balances = new HashMap<>();
  static int nextAccount = ACCOUNTS;
  static final TreeMap<Integer, Long> ranges = new TreeMap<>();
  static final ArrayList<Long> slots = new ArrayList<>();

  @Atomic
  static void transfer(int from, int to, long amount) {
    Integer a = key(from);
    Integer b = key(to);
    long have = balances.get(a);
    if (a.equals(b) || have < amount) {
      return;
    }
    spin(have);
    balances.put(a, have - amount);
    balances.put(b, balances.get(b) + amount);
  }

  /** Closes the first account of the map's iteration, opening a new one with its money. */
  @Atomic
  static void reopen() {
    Map.Entry<Integer, Long> first = balances.entrySet().iterator().next();
    long money = balances.remove(first.getKey());
    balances.put(nextAccount++, money);
  }

  private static Integer key(int i) {
    int n = 0;
    for (Integer k : balances.keySet()) {
      if (n++ == i % balances.size()) {
        return k;
      }
    }
    throw new IllegalStateException("no account " + i);
  }

  @Atomic
  static long balanceTotal() {
    long sum = 0;
    for (long v : balances.values()) {
      sum += v;
    }
    return balances.size() == ACCOUNTS ? sum : -balances.size();
  }

  /** The ceiling entry of {@code near} moves half of its amount to the first free key from {@code to}. */
  @Atomic
  static void move(int near, int to) {
    Map.Entry<Integer, Long> e = ranges.ceilingEntry(near);
    if (e == null) {
      e = ranges.firstEntry();
    }
    long half = e.getValue() / 2;
    spin(half);
    if (ranges.size() > 96 || half == 0) {
      ranges.remove(e.getKey());
      ranges.merge(ranges.isEmpty() ? to : ranges.firstKey(), e.getValue(), Long::sum);
      return;
    }
    ranges.put(e.getKey(), e.getValue() - half);
    int free = to;
    while (ranges.containsKey(free)) {
      free = (free + 1) % 1024;
    }
    ranges.put(free, half);
  }

  /** The sums of three views that cover the keys once, with a cut at {@code lo} and {@code hi}. */
  @Atomic
  static long rangeTotal(int lo, int hi) {
    long sum = 0;
    for (long v : ranges.headMap(lo).values()) {
      sum += v;
    }
    for (long v : ranges.subMap(lo, hi).values()) {
      sum += v;
    }
    for (long v : ranges.tailMap(hi, true).values()) {
      sum += v;
    }
    return sum;
  }

  @Atomic
  static void shift(int from, int to, long amount) {
    long have = slots.get(from);
    if (have < amount) {
      return;
    }
    spin(have);
    slots.set(from, have - amount);
    slots.set(to, slots.get(to) + amount);
    if ((from ^ to) % 7 == 0) {
      slots.add(0, slots.remove(slots.size() - 1)); // rotates: every index moves
    }
  }

  @Atomic
  static long slotTotal() {
    long sum = 0;
    for (int i = 0; i < slots.size(); i++) {
      sum += slots.get(i);
    }
    return slots.size() == ACCOUNTS ? sum : -slots.size();
  }

  /** Widens the window between a read and the write that depends on it; not removed by the JIT. */
  private static void spin(long seed) {
    for (int i = 0; i < 8 + (seed & 7); i++) {
      Thread.onSpinWait();
    }
  }

  interface Step {
    void run(SplittableRandom random) throws Exception;
  }

  static void inThreads(int threads, int iterations, Step step) throws InterruptedException {
    Throwable[] failure = new Throwable[1];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      SplittableRandom random = new SplittableRandom(42 + t);
      workers[t] = new Thread(() -> {
        try {
          for (int i = 0; i < iterations; i++) {
            step.run(random);
          }
        } catch (Throwable e) {
          synchronized (failure) {
            failure[0] = e;
          }
        }
      });
      workers[t].setDaemon(true);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join(120_000);
      expect(!w.isAlive(), "a worker still runs after two minutes (a corrupted structure loops)");
    }
    if (failure[0] != null) {
      throw new AssertionError("a worker failed: " + failure[0], failure[0]);
    }
  }

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int iterations = Integer.parseInt(args[1]);
    for (int i = 0; i < ACCOUNTS; i++) {
      balances.put(i, 100L);
      ranges.put(i * 16, 100L);
      slots.add(100L);
    }
    Checks checks = new Checks();
    checks.check("hashMap_transfersAndReopenedAccounts_keepTheTotal", () -> {
      inThreads(threads, iterations, random -> {
        if (random.nextInt(16) == 0) {
          reopen();
        } else if (random.nextInt(8) == 0) {
          long total = balanceTotal();
          expect(total == TOTAL, "an audit saw a total of " + total);
        } else {
          transfer(random.nextInt(ACCOUNTS), random.nextInt(ACCOUNTS), 1 + random.nextInt(20));
        }
      });
      expect(balanceTotal() == TOTAL, "a final total of " + balanceTotal());
    });
    checks.check("treeMap_entriesMovingBetweenKeys_viewsSumToTheTotal", () -> {
      inThreads(threads, iterations, random -> {
        if (random.nextInt(4) == 0) {
          int lo = random.nextInt(1024);
          long total = rangeTotal(lo, lo + random.nextInt(1024 - lo));
          expect(total == TOTAL, "the views summed to " + total);
        } else {
          move(random.nextInt(1024), random.nextInt(1024));
        }
      });
      expect(rangeTotal(256, 768) == TOTAL, "a final total of " + rangeTotal(256, 768));
    });
    checks.check("arrayList_elementsMovingAndRotating_keepTheTotal", () -> {
      inThreads(threads, iterations, random -> {
        if (random.nextInt(8) == 0) {
          long total = slotTotal();
          expect(total == TOTAL, "an audit saw a total of " + total);
        } else {
          shift(random.nextInt(ACCOUNTS), random.nextInt(ACCOUNTS), 1 + random.nextInt(20));
        }
      });
      expect(slotTotal() == TOTAL, "a final total of " + slotTotal());
    });
    printCauses();
    System.out.println("transactions: " + Statistics.describe());
    checks.exitIfFailed();
  }

  @SuppressWarnings("unchecked")
  private static void printCauses() throws Exception {
    Map<String, Long> causes;
    try {
      causes = (Map<String, Long>) Class.forName("dev.ame.Ame").getMethod("irrevocableCauses").invoke(null);
    } catch (ClassNotFoundException e) {
      System.out.println("irrevocable causes: no agent");
      return;
    }
    int count = 0;
    for (String cause : causes.keySet()) {
      if (cause.startsWith("block " + JdkCollections.class.getName())) {
        System.out.println("irrevocable: " + cause);
        count++;
      }
    }
    System.out.println("irrevocable causes: " + count);
  }
}
