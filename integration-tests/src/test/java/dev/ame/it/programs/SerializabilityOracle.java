package dev.ame.it.programs;

import dev.ame.Atomic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Random transactions over a shared graph of objects (long, int and reference fields), a shared
 * array and static fields, checked against a serial replay.
 *
 * <p>State is split into groups; every transaction picks one to three groups, and first reads and
 * bumps each group's sequence number (an array element). If the run is serializable, ordering the
 * transactions of each group by that number gives a consistent partial order (no cycle); replaying
 * the committed transactions in any topological order of it, on a fresh copy of the initial state,
 * must reproduce every value each transaction read, and the final state. Each transaction logs its
 * reads and writes into a log allocated inside the block, so an aborted attempt leaves no trace.
 *
 * <p>In the {@code collections} mode each group also owns JDK collections — a {@code HashMap}, a
 * {@code TreeMap}, an {@code ArrayList} and an {@code ArrayDeque} — and transactions mix operations
 * on them (gets, puts, removes, {@code ceilingKey}, sums over a {@code subMap}, {@code firstEntry},
 * list reads, writes, appends and removals, deque appends and polls) with the others. Each logs
 * what it read (what every call returned) and wrote, and the replay runs the same calls on fresh
 * collections: every read and the final collections must match.
 *
 * <p>Usage: {@code SerializabilityOracle threads transactionsPerThread [collections]}. Exit 0 and
 * "OK" when no violation was found, exit 1 and "FAIL" with the first violations otherwise.
 */
public final class SerializabilityOracle {
  static final int GROUPS = 4;
  static final int CELLS_PER_GROUP = 4;
  static final int SLOTS_PER_GROUP = 8;

  /** A shared object; {@code id} is final (never tracked), the rest is transactional. */
  static final class Cell {
    final int id;
    long x;
    int y;
    Cell link;

    Cell(int id) {
      this.id = id;
    }
  }

  static final Cell[] CELLS = new Cell[GROUPS * CELLS_PER_GROUP];
  static final long[] SLOTS = new long[GROUPS * SLOTS_PER_GROUP];
  static final long[] SEQUENCE = new long[GROUPS];
  static final long[] SHADOW = {-1, -1, -1, -1};
  static final long[] TORN_AUDITS = new long[1];
  static long static0;
  static long static1;
  static long static2;
  static long static3;

  // Operation codes of the log: READ_* carry the value read, WRITE_* the value written.
  static final int READ_X = 0, READ_Y = 1, READ_LINK = 2, READ_SLOT = 3, READ_STATIC = 4;
  static final int WRITE_X = 5, WRITE_Y = 6, WRITE_LINK = 7, WRITE_SLOT = 8, WRITE_STATIC = 9;

  // The collections mode: each group's JDK collections. Targets are shelf(group, key or index);
  // READ_* carry what the call returned (-1 for null or none), the others what they stored.
  static final int KEYS = 16;
  static final int SHORT = 24;
  static final int READ_HASH = 10, PUT_HASH = 11, REMOVE_HASH = 12, READ_TREE = 13, PUT_TREE = 14, REMOVE_TREE = 15;
  static final int READ_CEILING = 16, READ_RANGE = 17, READ_FIRST = 18, READ_LIST_SIZE = 19, READ_LIST = 20;
  static final int SET_LIST = 21, APPEND_LIST = 22, REMOVE_LIST = 23, READ_DEQUE_SIZE = 24, APPEND_DEQUE = 25;
  static final int POLL_DEQUE = 26;

  /** The JDK collections of one group (the collections mode), and the replay's copy of them. */
  static final class Shelf {
    final HashMap<Integer, Long> hash = new HashMap<>();
    final TreeMap<Integer, Long> tree = new TreeMap<>();
    final ArrayList<Long> list = new ArrayList<>();
    final ArrayDeque<Long> deque = new ArrayDeque<>();
  }

  static final Shelf[] SHELVES = new Shelf[GROUPS];

  static int shelf(int group, int keyOrIndex) {
    return group * 64 + keyOrIndex;
  }

  /** What one committed transaction did: per group its sequence number, and its operations. */
  static final class Log {
    final long[] sequence = new long[GROUPS];
    int[] ops = new int[32];
    int[] targets = new int[32];
    long[] values = new long[32];
    int size;

    Log() {
      for (int g = 0; g < GROUPS; g++) {
        sequence[g] = -1;
      }
    }

    void add(int op, int target, long value) {
      if (size == ops.length) {
        grow();
      }
      ops[size] = op;
      targets[size] = target;
      values[size] = value;
      size++;
    }

    // Plain loops, not Arrays.copyOf: a JDK call would make the block irrevocable (serial).
    private void grow() {
      int[] o = new int[size * 2];
      int[] t = new int[size * 2];
      long[] v = new long[size * 2];
      for (int i = 0; i < size; i++) {
        o[i] = ops[i];
        t[i] = targets[i];
        v[i] = values[i];
      }
      ops = o;
      targets = t;
      values = v;
    }
  }

  /** A small generator of the application's own, so that blocks call no JDK code (SplitMix64). */
  static final class Random {
    private long state;

    Random(long seed) {
      state = seed;
    }

    int nextInt(int bound) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      return (int) ((z >>> 33) % bound);
    }
  }

  static long readStatic(int group) {
    switch (group) {
      case 0: return static0;
      case 1: return static1;
      case 2: return static2;
      default: return static3;
    }
  }

  static void writeStatic(int group, long v) {
    switch (group) {
      case 0: static0 = v; break;
      case 1: static1 = v; break;
      case 2: static2 = v; break;
      default: static3 = v; break;
    }
  }

  /** One random transaction; the choices depend on the seed and on the values it reads. */
  @Atomic
  static Log transaction(long seed) {
    Random random = new Random(seed);
    Log log = new Log();
    int[] groups = takeGroups(random, log);
    long carry = 0;
    int ops = 2 + random.nextInt(10);
    for (int i = 0; i < ops; i++) {
      int g = groups[random.nextInt(groups.length)];
      carry = cellOperation(random.nextInt(10), g, random, log, carry);
    }
    return log;
  }

  /** A random transaction of the collections mode: its operations are also on the groups' JDK collections. */
  @Atomic
  static Log transactionWithCollections(long seed) {
    Random random = new Random(seed);
    Log log = new Log();
    int[] groups = takeGroups(random, log);
    long carry = 0;
    int ops = 2 + random.nextInt(10);
    for (int i = 0; i < ops; i++) {
      int g = groups[random.nextInt(groups.length)];
      int choice = random.nextInt(18);
      carry = choice < 10 ? cellOperation(choice, g, random, log, carry) : collectionOperation(choice - 10, g, random, log, carry);
    }
    return log;
  }

  /** Picks one to three groups and takes the next sequence number of each. */
  private static int[] takeGroups(Random random, Log log) {
    int groupCount = 1 + random.nextInt(3);
    int[] groups = new int[groupCount];
    int chosen = 0;
    while (chosen < groupCount) {
      int g = random.nextInt(GROUPS);
      boolean seen = false;
      for (int i = 0; i < chosen; i++) {
        seen |= groups[i] == g;
      }
      if (!seen) {
        groups[chosen++] = g;
      }
    }
    for (int g : groups) {
      long s = SEQUENCE[g];
      SEQUENCE[g] = s + 1;
      SHADOW[g] = s;
      log.sequence[g] = s;
    }
    return groups;
  }

  /** One operation on the group's fields, array slots and static; returns the new carry. */
  private static long cellOperation(int choice, int g, Random random, Log log, long carry) {
    int cell = g * CELLS_PER_GROUP + random.nextInt(CELLS_PER_GROUP);
    int slot = g * SLOTS_PER_GROUP + random.nextInt(SLOTS_PER_GROUP);
    Cell c = CELLS[cell];
    switch (choice) {
      case 0: { long v = c.x; log.add(READ_X, cell, v); carry += v; break; }
      case 1: { int v = c.y; log.add(READ_Y, cell, v); carry += v; break; }
      case 2: {
        // Follow the link: which object is reached depends on the state (data dependence).
        Cell target = c.link;
        log.add(READ_LINK, cell, target.id);
        long v = target.x;
        log.add(READ_X, target.id, v);
        carry += v;
        break;
      }
      case 3: { long v = SLOTS[slot]; log.add(READ_SLOT, slot, v); carry += v; break; }
      case 4: { long v = readStatic(g); log.add(READ_STATIC, g, v); carry += v; break; }
      case 5: { long v = carry + random.nextInt(100); c.x = v; log.add(WRITE_X, cell, v); break; }
      case 6: { int v = (int) (carry ^ random.nextInt(1000)); c.y = v; log.add(WRITE_Y, cell, v); break; }
      case 7: {
        int to = g * CELLS_PER_GROUP + (int) ((carry & 0xFFFF) + random.nextInt(CELLS_PER_GROUP)) % CELLS_PER_GROUP;
        c.link = CELLS[to];
        log.add(WRITE_LINK, cell, to);
        break;
      }
      case 8: { long v = SLOTS[slot] + 1 + (carry & 7); SLOTS[slot] = v; log.add(READ_SLOT, slot, v - 1 - (carry & 7)); log.add(WRITE_SLOT, slot, v); break; }
      default: { long v = readStatic(g) + carry % 13; writeStatic(g, v); log.add(WRITE_STATIC, g, v); break; }
    }
    return carry;
  }

  /** One operation on the group's JDK collections, logging what each call returned; returns the new carry. */
  private static long collectionOperation(int choice, int g, Random random, Log log, long carry) {
    Shelf s = SHELVES[g];
    int key = random.nextInt(KEYS);
    long value = (carry + random.nextInt(100)) & 0xFFFF;
    switch (choice) {
      case 0: {
        long v = orNone(s.hash.get(key));
        log.add(READ_HASH, shelf(g, key), v);
        carry += v;
        break;
      }
      case 1:
        log.add(READ_HASH, shelf(g, key), orNone(s.hash.put(key, value)));
        log.add(PUT_HASH, shelf(g, key), value);
        break;
      case 2:
        log.add(READ_HASH, shelf(g, key), orNone(s.hash.remove(key)));
        log.add(REMOVE_HASH, shelf(g, key), 0);
        break;
      case 3:
        if (random.nextInt(3) == 0) {
          log.add(READ_TREE, shelf(g, key), orNone(s.tree.remove(key)));
          log.add(REMOVE_TREE, shelf(g, key), 0);
        } else {
          log.add(READ_TREE, shelf(g, key), orNone(s.tree.put(key, value)));
          log.add(PUT_TREE, shelf(g, key), value);
        }
        break;
      case 4: {
        Integer ceiling = s.tree.ceilingKey(key);
        log.add(READ_CEILING, shelf(g, key), ceiling == null ? -1 : ceiling);
        long sum = 0;
        for (long v : s.tree.subMap(key, true, key + 4, false).values()) {
          sum += v;
        }
        log.add(READ_RANGE, shelf(g, key), sum);
        Map.Entry<Integer, Long> first = s.tree.firstEntry();
        log.add(READ_FIRST, shelf(g, 0), first == null ? -1 : first.getKey());
        carry += sum;
        break;
      }
      case 5: {
        int size = s.list.size();
        log.add(READ_LIST_SIZE, shelf(g, 0), size);
        if (size < SHORT && (size == 0 || random.nextInt(2) == 0)) {
          s.list.add(value);
          log.add(APPEND_LIST, shelf(g, size), value);
        } else if (random.nextInt(2) == 0) {
          int i = random.nextInt(size);
          log.add(READ_LIST, shelf(g, i), s.list.set(i, value));
          log.add(SET_LIST, shelf(g, i), value);
        } else {
          log.add(READ_LIST, shelf(g, size - 1), s.list.remove(size - 1));
          log.add(REMOVE_LIST, shelf(g, size - 1), 0);
        }
        break;
      }
      case 6: {
        int size = s.list.size();
        log.add(READ_LIST_SIZE, shelf(g, 0), size);
        if (size > 0) {
          int i = random.nextInt(size);
          long v = s.list.get(i);
          log.add(READ_LIST, shelf(g, i), v);
          carry += v;
        }
        break;
      }
      default: {
        int size = s.deque.size();
        log.add(READ_DEQUE_SIZE, shelf(g, 0), size);
        if (size < SHORT && random.nextInt(2) == 0) {
          s.deque.addLast(value);
          log.add(APPEND_DEQUE, shelf(g, 0), value);
        } else {
          long head = orNone(s.deque.pollFirst());
          log.add(POLL_DEQUE, shelf(g, 0), head);
          carry += head;
        }
        break;
      }
    }
    return carry;
  }

  private static long orNone(Long value) {
    return value == null ? -1 : value;
  }

  /**
   * A read-only transaction (it writes nothing, not even a log, so it commits without
   * validation): reads a group's sequence number, many other locations, then the group's shadow,
   * which every writer sets to the number it took. In any consistent snapshot shadow == sequence - 1.
   *
   * @return how many groups it saw torn (0 in a correct run)
   */
  @Atomic
  static int audit(long seed) {
    long state = seed;
    int torn = 0;
    for (int round = 0; round < 3; round++) {
      state = mix(state);
      int g = (int) ((state >>> 33) % GROUPS);
      long s = SEQUENCE[g];
      long sum = 0;
      for (int k = 0; k < 16; k++) {
        state = mix(state);
        int cell = g * CELLS_PER_GROUP + (int) ((state >>> 33) % CELLS_PER_GROUP);
        sum += CELLS[cell].x + CELLS[cell].link.y + SLOTS[g * SLOTS_PER_GROUP + (int) ((state >>> 40) % SLOTS_PER_GROUP)];
      }
      if (SHADOW[g] != s - 1 || SEQUENCE[g] != s) {
        torn++;
      }
      if (sum == Long.MIN_VALUE) {
        torn += 0; // keeps the reads alive without writing anything
      }
    }
    return torn;
  }

  /**
   * The read-only audit of the collections mode: between reading a group's sequence number and
   * its shadow it iterates the group's collections (a torn state could throw or loop there).
   *
   * @return 1 when it saw the group torn, else 0
   */
  @Atomic
  static int auditCollections(long seed) {
    int g = (int) ((mix(seed) >>> 33) % GROUPS);
    long s = SEQUENCE[g];
    Shelf shelf = SHELVES[g];
    long sum = 0;
    for (Map.Entry<Integer, Long> e : shelf.tree.entrySet()) {
      sum += e.getKey() + e.getValue();
    }
    for (long v : shelf.hash.values()) {
      sum += v;
    }
    for (int i = 0; i < shelf.list.size(); i++) {
      sum += shelf.list.get(i);
    }
    for (long v : shelf.deque) {
      sum += v;
    }
    return SHADOW[g] != s - 1 || SEQUENCE[g] != s || sum == Long.MIN_VALUE ? 1 : 0;
  }

  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The serial model: the same state as plain arrays. */
  static final class Model {
    final long[] x = new long[CELLS.length];
    final int[] y = new int[CELLS.length];
    final int[] link = new int[CELLS.length];
    final long[] slots = new long[SLOTS.length];
    final long[] statics = new long[GROUPS];
    final Shelf[] shelves = new Shelf[GROUPS];

    Model() {
      for (int i = 0; i < CELLS.length; i++) {
        link[i] = i;
      }
      for (int g = 0; g < GROUPS; g++) {
        shelves[g] = new Shelf();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int perThread = Integer.parseInt(args[1]);
    if (args.length > 2 && !args[2].equals("collections")) {
      throw new IllegalArgumentException("unknown mode " + args[2] + " (expected collections or nothing)");
    }
    boolean collections = args.length > 2;
    for (int i = 0; i < CELLS.length; i++) {
      CELLS[i] = new Cell(i);
      CELLS[i].link = CELLS[i];
    }
    for (int g = 0; g < GROUPS; g++) {
      SHELVES[g] = new Shelf();
    }
    List<List<Log>> logs = new ArrayList<>();
    List<String> workerFailures = new ArrayList<>();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      List<Log> mine = new ArrayList<>(perThread);
      logs.add(mine);
      long base = 1_000_003L * (t + 1);
      workers[t] = new Thread(() -> {
        try {
          for (int i = 0; i < perThread; i++) {
            mine.add(collections ? transactionWithCollections(base + i) : transaction(base + i));
            if (i % 4 == 0) {
              int torn = audit(base ^ i) + (collections ? auditCollections(base ^ i) : 0);
              if (torn != 0) {
                synchronized (TORN_AUDITS) {
                  TORN_AUDITS[0] += torn;
                }
              }
            }
          }
        } catch (RuntimeException | Error e) {
          // Without the agent, a raced-on JDK collection throws (and a worker's later transactions never run).
          synchronized (workerFailures) {
            workerFailures.add("a worker threw " + e);
          }
        }
      });
      // Without the agent, a corrupted collection can loop forever: such a worker must not keep the JVM up.
      workers[t].setDaemon(collections);
    }
    for (Thread w : workers) {
      w.start();
    }
    long deadline = System.nanoTime() + 120_000_000_000L;
    for (Thread w : workers) {
      w.join(collections ? Math.max(1, (deadline - System.nanoTime()) / 1_000_000) : 0);
      if (w.isAlive()) {
        System.out.println("FAIL a worker still runs after 120 s (a corrupted collection looping?)");
        System.exit(1);
      }
    }
    List<Log> all = new ArrayList<>();
    logs.forEach(all::addAll);
    List<String> violations = check(all);
    if (TORN_AUDITS[0] != 0) {
      violations.add(0, TORN_AUDITS[0] + " read-only audits saw a torn snapshot (sequence and shadow disagree)");
    }
    violations.addAll(0, workerFailures);
    System.out.println("transactions: " + Statistics.describe());
    if (collections) {
      printIrrevocableCauses();
    }
    if (violations.isEmpty()) {
      System.out.println("OK " + all.size() + " transactions replayed serially, 0 violations");
    } else {
      System.out.println("FAIL " + violations.size() + " violations in " + all.size() + " transactions, first:");
      violations.stream().limit(10).forEach(v -> System.out.println("  " + v));
      System.exit(1);
    }
  }

  static List<String> check(List<Log> all) {
    List<String> violations = new ArrayList<>();
    int n = all.size();
    // Per group, the transactions by sequence number: each number exactly once.
    int[][] byGroup = new int[GROUPS][];
    for (int g = 0; g < GROUPS; g++) {
      int count = 0;
      for (Log l : all) {
        if (l.sequence[g] >= 0) {
          count++;
        }
      }
      byGroup[g] = new int[count];
      Arrays.fill(byGroup[g], -1);
      for (int i = 0; i < n; i++) {
        long s = all.get(i).sequence[g];
        if (s < 0) {
          continue;
        }
        if (s >= count || byGroup[g][(int) s] != -1) {
          violations.add("group " + g + ": sequence number " + s + " taken twice or out of range (lost update)");
          continue;
        }
        byGroup[g][(int) s] = i;
      }
      if (SEQUENCE[g] != count) {
        violations.add("group " + g + ": final sequence " + SEQUENCE[g] + " but " + count + " transactions committed");
      }
    }
    if (!violations.isEmpty()) {
      return violations;
    }
    // Topological order of the per-group chains (Kahn); a cycle is a serializability violation.
    int[] indegree = new int[n];
    List<List<Integer>> next = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      next.add(new ArrayList<>(3));
    }
    for (int[] chain : byGroup) {
      for (int k = 1; k < chain.length; k++) {
        next.get(chain[k - 1]).add(chain[k]);
        indegree[chain[k]]++;
      }
    }
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    Model model = new Model();
    int replayed = 0;
    while (!ready.isEmpty()) {
      int i = ready.poll();
      replay(all.get(i), i, model, violations);
      replayed++;
      for (int j : next.get(i)) {
        if (--indegree[j] == 0) {
          ready.add(j);
        }
      }
    }
    if (replayed != n) {
      violations.add("the per-group orders form a cycle: " + (n - replayed) + " transactions cannot be ordered");
    }
    for (int i = 0; i < CELLS.length; i++) {
      if (CELLS[i].x != model.x[i] || CELLS[i].y != model.y[i] || CELLS[i].link.id != model.link[i]) {
        violations.add("final state of cell " + i + " differs from the serial replay");
      }
    }
    for (int s = 0; s < SLOTS.length; s++) {
      if (SLOTS[s] != model.slots[s]) {
        violations.add("final slot " + s + " = " + SLOTS[s] + ", serial replay gives " + model.slots[s]);
      }
    }
    for (int g = 0; g < GROUPS; g++) {
      if (readStatic(g) != model.statics[g]) {
        violations.add("final static " + g + " = " + readStatic(g) + ", serial replay gives " + model.statics[g]);
      }
      // The collections mode's collections (empty in the other mode, on both sides).
      Shelf run = SHELVES[g];
      Shelf serial = model.shelves[g];
      if (!run.hash.equals(serial.hash) || !run.tree.equals(serial.tree) || !run.list.equals(serial.list)
          || !new ArrayList<>(run.deque).equals(new ArrayList<>(serial.deque))) {
        violations.add("group " + g + ": final collections differ from the serial replay: " + run.hash + " " + run.tree
            + " " + run.list + " " + run.deque + " vs " + serial.hash + " " + serial.tree + " " + serial.list + " " + serial.deque);
      }
    }
    return violations;
  }

  private static void replay(Log log, int index, Model m, List<String> violations) {
    for (int k = 0; k < log.size; k++) {
      int t = log.targets[k];
      long v = log.values[k];
      long expected;
      if (log.ops[k] >= READ_HASH) {
        expected = replayCollectionOperation(log.ops[k], m.shelves[t / 64], t % 64, v);
        if (expected != v && violations.size() < 100) {
          violations.add("transaction " + index + " op " + k + " (code " + log.ops[k] + " on " + t + ") returned " + v
              + " but the serial replay has " + expected);
        }
        continue;
      }
      switch (log.ops[k]) {
        case READ_X: expected = m.x[t]; break;
        case READ_Y: expected = m.y[t]; break;
        case READ_LINK: expected = m.link[t]; break;
        case READ_SLOT: expected = m.slots[t]; break;
        case READ_STATIC: expected = m.statics[t]; break;
        case WRITE_X: m.x[t] = v; continue;
        case WRITE_Y: m.y[t] = (int) v; continue;
        case WRITE_LINK: m.link[t] = (int) v; continue;
        case WRITE_SLOT: m.slots[t] = v; continue;

        default: m.statics[t] = v; continue;
      }
      if (expected != v && violations.size() < 100) {
        violations.add("transaction " + index + " op " + k + " (code " + log.ops[k] + " on " + t + ") read " + v
            + " but the serial replay has " + expected);
      }
    }
  }

  /**
   * Runs one logged collection operation on the replay's collections; returns what it returned
   * (for the operations that only store: the value logged, so that they always match).
   */
  private static long replayCollectionOperation(int op, Shelf s, int keyOrIndex, long logged) {
    switch (op) {
      case READ_HASH: return orNone(s.hash.get(keyOrIndex));
      case PUT_HASH: s.hash.put(keyOrIndex, logged); return logged;
      case REMOVE_HASH: s.hash.remove(keyOrIndex); return logged;
      case READ_TREE: return orNone(s.tree.get(keyOrIndex));
      case PUT_TREE: s.tree.put(keyOrIndex, logged); return logged;
      case REMOVE_TREE: s.tree.remove(keyOrIndex); return logged;
      case READ_CEILING: {
        Integer ceiling = s.tree.ceilingKey(keyOrIndex);
        return ceiling == null ? -1 : ceiling;
      }
      case READ_RANGE: {
        long sum = 0;
        for (long v : s.tree.subMap(keyOrIndex, true, keyOrIndex + 4, false).values()) {
          sum += v;
        }
        return sum;
      }
      case READ_FIRST: return s.tree.isEmpty() ? -1 : s.tree.firstKey();
      case READ_LIST_SIZE: return s.list.size();
      case READ_LIST: return keyOrIndex < s.list.size() ? s.list.get(keyOrIndex) : Long.MIN_VALUE;
      case SET_LIST:
        if (keyOrIndex < s.list.size()) {
          s.list.set(keyOrIndex, logged);
        }
        return logged;
      case APPEND_LIST: s.list.add(logged); return logged;
      case REMOVE_LIST:
        if (keyOrIndex < s.list.size()) {
          s.list.remove(keyOrIndex);
        }
        return logged;
      case READ_DEQUE_SIZE: return s.deque.size();
      case APPEND_DEQUE: s.deque.addLast(logged); return logged;
      default: return orNone(s.deque.pollFirst()); // POLL_DEQUE
    }
  }

  /** Why the blocks became irrevocable ({@code Ame.irrevocableCauses()}), one line each; nothing without the agent. */
  @SuppressWarnings("unchecked")
  private static void printIrrevocableCauses() {
    try {
      Map<String, Long> causes = (Map<String, Long>) Class.forName("dev.ame.Ame").getMethod("irrevocableCauses").invoke(null);
      causes.forEach((cause, count) -> System.out.println("irrevocable: " + cause + " = " + count));
    } catch (ReflectiveOperationException | LinkageError e) {
      System.out.println("irrevocable causes: no agent");
    }
  }
}
