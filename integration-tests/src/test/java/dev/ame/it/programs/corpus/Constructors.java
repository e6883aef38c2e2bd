package dev.ame.it.programs.corpus;

import dev.ame.Atomic;

/**
 * Group 3 of the language corpus: objects and arrays allocated inside atomic blocks. Constructors
 * get transactional twins whose writes to the object under construction skip the barriers (no
 * other thread can see it yet), while their writes to other objects must not; arrays allocated in
 * a block are written through barriers. The cases mix these on purpose.
 */
public final class Constructors {
  static final int ITERATIONS = 2000;
  static final int CALLS = Cases.THREADS * ITERATIONS;

  public static void main(String[] args) {
    new Cases("Constructors")
        .add("constructorChains_thisAndSuperSetFields", Constructors::constructorChains)
        .add("innerClass_constructorWritesOuterInstance", Constructors::innerClass)
        .add("anonymousClass_capturesLocalsAndOuterThis", Constructors::anonymousClass)
        .add("constructor_linksItselfIntoSharedList", Constructors::sharedList)
        .add("newObjects_escapeIntoSharedArray", Constructors::escapingObjects)
        .add("arrays_allocatedFilledAndPublishedInBlocks", Constructors::allocatedArrays)
        .add("multiDimensionalArrays_sharedUnderContention", Constructors::sharedGrids)
        .add("objectClone_seesTheBlocksOwnWrites", Constructors::objectClone)
        .add("arrayClone_seesTheBlocksOwnWrites", Constructors::arrayClone)
        .add("constructor_ownFieldWrittenDirectlyAndThroughMethod", Constructors::mixedFieldWrites)
        .runAndExit(args);
  }

  // ---- this(...) and super(...) chains ----

  static class Point {
    final int x;
    final int y;
    int z;

    Point(int x, int y) {
      this(x, y, x + y);
    }

    Point(int x, int y, int z) {
      this.x = x;
      this.y = y;
      this.z = z;
    }
  }

  static final class LabeledPoint extends Point {
    final int label;

    LabeledPoint(int x, int label) {
      super(x, 2 * x);
      this.label = label;
    }
  }

  @Atomic
  static long buildPoints(int i, Tally tally) {
    Point p = new Point(i, 1);
    LabeledPoint q = new LabeledPoint(i, 7);
    long value = p.x + p.y + p.z + q.x + q.y + q.z + q.label;
    tally.add(value);
    return value;
  }

  static void constructorChains() throws Exception {
    Tally tally = new Tally();
    // p = (i, 1, i + 1), q = (i, 2i, 3i) labeled 7: 8i + 9 in all
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(8L * i + 9, buildPoints(i, tally), "point fields"));
    tally.expect(CALLS, Cases.THREADS * (8L * ITERATIONS * (ITERATIONS - 1) / 2 + 9L * ITERATIONS));
  }

  // ---- an inner class whose constructor updates its outer instance ----

  static final class Club {
    int members;

    final class Member {
      final int number;

      Member() {
        int before = members; // the outer object, not the one being built: must go through barriers
        Cases.spin(before);
        members = before + 1;
        number = before + 1;
      }
    }
  }

  @Atomic
  static int join(Club club) {
    return club.new Member().number;
  }

  static void innerClass() throws Exception {
    Club club = new Club();
    boolean[] seen = new boolean[CALLS + 1];
    int[][] numbers = new int[Cases.THREADS][ITERATIONS];
    Cases.inThreads(ITERATIONS, (t, i) -> numbers[t][i] = join(club));
    for (int[] ofThread : numbers) {
      for (int n : ofThread) {
        Cases.expect(n >= 1 && n <= CALLS && !seen[n], "membership number " + n + " given twice or out of range");
        seen[n] = true;
      }
    }
    Cases.expectEquals(CALLS, club.members, "members");
  }

  // ---- an anonymous class capturing locals and the outer instance ----

  interface Counter {
    int next();
  }

  static final class Base {
    final Tally tally = new Tally();
    int base = 1000;

    @Atomic
    int countTwice(int start) {
      int step = 3;
      Counter counter = new Counter() {
        int current = start;

        @Override
        public int next() {
          current += step;
          return current + base;
        }
      };
      counter.next();
      int value = counter.next();
      tally.add(value);
      return value;
    }
  }

  static void anonymousClass() throws Exception {
    Base base = new Base();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(i + 6 + 1000, base.countTwice(i), "anonymous counter"));
    base.tally.expect(CALLS, Cases.THREADS * ((long) ITERATIONS * (ITERATIONS - 1) / 2 + 1006L * ITERATIONS));
  }

  // ---- a constructor that writes a field of another (shared) object of its own class ----

  static final class Node {
    final int value;
    Node previous;
    Node next;

    Node(Node previous, int value) {
      this.value = value;
      this.previous = previous;
      if (previous != null) {
        previous.next = this; // same class, same field name, but not the object being built
      }
    }
  }

  static final class LinkedList {
    final Node head = new Node(null, 0);
    Node tail = head;
    int size;
  }

  @Atomic
  static void append(LinkedList list, int value) {
    Node last = list.tail;
    Cases.spin(last.value);
    list.tail = new Node(last, value);
    list.size++;
  }

  static void sharedList() throws Exception {
    LinkedList list = new LinkedList();
    Cases.inThreads(ITERATIONS, (t, i) -> append(list, i + 1));
    int length = 0;
    long sum = 0;
    for (Node n = list.head; n.next != null; n = n.next) {
      Cases.expect(n.next.previous == n, "a broken back link after " + length + " nodes");
      length++;
      sum += n.next.value;
    }
    Cases.expectEquals(CALLS, length, "nodes reachable from the head");
    Cases.expectEquals(CALLS, list.size, "size");
    Cases.expectEquals((long) Cases.THREADS * ITERATIONS * (ITERATIONS + 1) / 2, sum, "sum of values");
  }

  // ---- objects built in blocks and published into a shared array ----

  static final class Item {
    final int thread;
    final int iteration;

    Item(int thread, int iteration) {
      this.thread = thread;
      this.iteration = iteration;
    }
  }

  static final class Registry {
    final Item[] items = new Item[CALLS];
    int next;
  }

  @Atomic
  static void register(Registry registry, int thread, int iteration) {
    int slot = registry.next;
    Cases.spin(slot);
    registry.items[slot] = new Item(thread, iteration);
    registry.next = slot + 1;
  }

  static void escapingObjects() throws Exception {
    Registry registry = new Registry();
    Cases.inThreads(ITERATIONS, (t, i) -> register(registry, t, i));
    Cases.expectEquals(CALLS, registry.next, "registered");
    boolean[][] seen = new boolean[Cases.THREADS][ITERATIONS];
    for (Item item : registry.items) {
      Cases.expect(item != null, "a slot stayed empty");
      Cases.expect(!seen[item.thread][item.iteration], "item registered twice");
      seen[item.thread][item.iteration] = true;
    }
  }

  // ---- arrays allocated inside blocks: one-dimensional, multi-dimensional, jagged ----

  static final class Rows {
    final int[][] rows = new int[CALLS][];
    int next;
  }

  /** Publishes a new row {i, i+1, ..., i+7}; returns the sums of a new 3x4 grid and a jagged array. */
  @Atomic
  static long publishRow(Rows shared, int i) {
    int[] row = new int[8];
    for (int j = 0; j < row.length; j++) {
      row[j] = i + j;
    }
    int slot = shared.next;
    Cases.spin(slot);
    shared.rows[slot] = row;
    shared.next = slot + 1;
    long[][] grid = new long[3][4];
    long sum = 0;
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        grid[r][c] = (long) r * c + i;
      }
    }
    for (long[] gridRow : grid) {
      for (long cell : gridRow) {
        sum += cell;
      }
    }
    char[][] jagged = new char[2][];
    jagged[0] = new char[] {'a'};
    jagged[1] = new char[] {'b', 'c'};
    return sum * 1000 + jagged[0].length + jagged[1].length + (jagged[1][1] - 'a');
  }

  static void allocatedArrays() throws Exception {
    Rows shared = new Rows();
    // grid: sum of r*c over 3x4 is (0+1+2)*(0+1+2+3) = 18, plus 12 i; jagged: 1 + 2 + ('c' - 'a')
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals((18L + 12L * i) * 1000 + 5, publishRow(shared, i), "new arrays"));
    Cases.expectEquals(CALLS, shared.next, "published rows");
    for (int[] row : shared.rows) {
      for (int j = 1; j < row.length; j++) {
        Cases.expect(row[j] == row[0] + j, "row not filled as written");
      }
    }
  }

  static final class Grids {
    final int[][] grid = new int[4][4];
    final long[][][] cube = new long[2][2][2];
  }

  @Atomic
  static void bump(Grids g, int i) {
    int[] row = g.grid[i % 4];
    int column = (i / 4) % 4;
    int before = row[column];
    Cases.spin(before);
    row[column] = before + 1;
    g.cube[i % 2][(i / 2) % 2][(i / 4) % 2] += 3;
  }

  static void sharedGrids() throws Exception {
    Grids g = new Grids();
    Cases.inThreads(ITERATIONS, (t, i) -> bump(g, i));
    int[][] expectedGrid = new int[4][4];
    long[][][] expectedCube = new long[2][2][2];
    for (int i = 0; i < ITERATIONS; i++) {
      expectedGrid[i % 4][(i / 4) % 4] += Cases.THREADS;
      expectedCube[i % 2][(i / 2) % 2][(i / 4) % 2] += 3L * Cases.THREADS;
    }
    Cases.expectEquals(java.util.Arrays.deepToString(expectedGrid), java.util.Arrays.deepToString(g.grid), "grid");
    Cases.expectEquals(java.util.Arrays.deepToString(expectedCube), java.util.Arrays.deepToString(g.cube), "cube");
  }

  // ---- clone() of an array the block has just written ----

  /** Returns how much the clone's element exceeds the value read before the write (must be 1). */
  @Atomic
  static long incrementAndClone(long[] values, int k) {
    long before = values[k];
    values[k] = before + 1;
    long[] copy = values.clone();
    return copy[k] - before;
  }

  static void arrayClone() throws Exception {
    long[] values = new long[3];
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(1L, incrementAndClone(values, i % 3), "clone after write"));
    Cases.expectEquals((long) CALLS, values[0] + values[1] + values[2], "increments");
  }

  // ---- super.clone() of an application class, after the block wrote the original ----

  static final class Tracker implements Cloneable {
    long hits;
    long[] history = new long[2];

    Tracker copy() {
      try {
        Tracker t = (Tracker) super.clone();
        t.history = history.length == 2 ? new long[] {history[0], history[1]} : null;
        return t;
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Returns how much the copy's counter exceeds the value read before the write (must be 1). */
  @Atomic
  static long hitAndCopy(Tracker tracker) {
    long before = tracker.hits;
    tracker.hits = before + 1;
    tracker.history[1] = before + 1;
    Tracker copy = tracker.copy();
    copy.hits += 100; // the copy is private to this block: its write must not reach the original
    return (copy.hits - 100 - before) + 10 * (copy.history[1] - before - 1);
  }

  static void objectClone() throws Exception {
    Tracker tracker = new Tracker();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(1L, hitAndCopy(tracker), "copy after write"));
    Cases.expectEquals("hits=" + CALLS + " last=" + CALLS, "hits=" + tracker.hits + " last=" + tracker.history[1], "tracker");
  }

  // ---- a constructor that writes its own field both directly and through a method ----

  static final class Gauge {
    int level;

    Gauge() {
      raise(5);
      level = level * 2 + 1; // 11: reads what raise() wrote
    }

    void raise(int by) {
      level += by;
    }
  }

  static final class Meter {
    int level;

    Meter() {
      level = 3;
      raise(4);
      level++; // 8
    }

    void raise(int by) {
      level += by;
    }
  }

  @Atomic
  static int gauges(Tally tally) {
    int value = new Gauge().level + 100 * new Meter().level;
    tally.add(value);
    return value;
  }

  static void mixedFieldWrites() throws Exception {
    Tally tally = new Tally();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(11 + 100 * 8, gauges(tally), "levels built by constructors"));
    tally.expect(CALLS, 811L * CALLS);
  }
}
