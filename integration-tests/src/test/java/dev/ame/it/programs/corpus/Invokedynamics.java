package dev.ame.it.programs.corpus;

import dev.ame.Atomic;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Group 5 of the language corpus: what javac compiles to {@code invokedynamic} (lambdas, method
 * references, string concatenation, records' equals/hashCode/toString) and other modern shapes
 * (try-with-resources, pattern matching, switch expressions, {@code var}) inside atomic blocks.
 * The agent lets lambda and primitive-only concatenation sites run transactionally and makes the
 * others irrevocable; either way the results must be exact.
 */
public final class Invokedynamics {
  static final int ITERATIONS = 2000;
  static final int CALLS = Cases.THREADS * ITERATIONS;

  public static void main(String[] args) {
    new Cases("Invokedynamics")
        .add("lambdas_createdAndCalledInsideBlocks", Invokedynamics::lambdas)
        .add("methodReferences_staticBoundUnboundAndConstructors", Invokedynamics::methodReferences)
        .add("stringConcatenation_primitivesAndObjects", Invokedynamics::stringConcatenation)
        .add("records_equalsHashCodeToStringAndCompactConstructor", Invokedynamics::records)
        .add("tryWithResources_applicationAutoCloseable", Invokedynamics::tryWithResources)
        .add("patternMatching_instanceofSwitchExpressionsAndVar", Invokedynamics::patternMatching)
        .add("methodHandlesVarHandlesAndReflection_onPublicMembers", Invokedynamics::handlesAndReflection)
        .add("callerSensitive_reflectionOnTheCallersOwnPrivates", Invokedynamics::callerSensitive)
        .runAndExit(args);
  }

  static final class Item {
    final int weight;

    Item(int weight) {
      this.weight = weight;
    }

    int weight() {
      return weight;
    }

    @Override
    public String toString() {
      return "item#" + weight;
    }
  }

  // ---- lambdas created and called in the same block ----

  interface Maker {
    int make(int n);
  }

  static final class Workshop {
    final Tally tally = new Tally();
    int made;

    @Atomic
    long work(int i) {
      int offset = i % 7;
      IntBinaryOperator add = (a, b) -> a + b + offset; // captures a local
      Maker maker = n -> { // captures this and writes its field
        made += n;
        return made;
      };
      Supplier<String> label = () -> "w" + offset;
      int sum = add.applyAsInt(i, 1);
      maker.make(2);
      long value = sum + label.get().length();
      tally.add(value);
      return value;
    }
  }

  static void lambdas() throws Exception {
    Workshop workshop = new Workshop();
    // (i + 1 + i % 7) + length of "w" + one digit
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(i + 1L + i % 7 + 2, workshop.work(i), "lambda results"));
    long sum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      sum += i + 1L + i % 7 + 2;
    }
    workshop.tally.expect(CALLS, Cases.THREADS * sum);
    Cases.expectEquals(2 * CALLS, workshop.made, "writes made by the capturing lambda");
  }

  // ---- method references: static, bound, unbound, constructor, array constructor ----

  static final class Stock {
    long units;

    long add(long n) {
      long before = units;
      Cases.spin(before);
      units = before + n;
      return units;
    }
  }

  static int square(int x) {
    return x * x;
  }

  @Atomic
  static long useReferences(Stock stock, int i) {
    IntUnaryOperator squarer = Invokedynamics::square;
    Function<Long, Long> adder = stock::add;
    Function<Item, Integer> weigher = Item::weight;
    IntFunction<Item> maker = Item::new;
    IntFunction<int[]> arrays = int[]::new;
    adder.apply(3L);
    return squarer.applyAsInt(i % 10) + weigher.apply(maker.apply(i)) + arrays.apply(i % 5).length;
  }

  static void methodReferences() throws Exception {
    Stock stock = new Stock();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals((long) (i % 10) * (i % 10) + i + i % 5, useReferences(stock, i),
        "method reference results"));
    Cases.expectEquals(3L * CALLS, stock.units, "units added through a bound method reference");
  }

  // ---- string concatenation: of primitives and strings (transactional), and of objects ----

  static final class Journal {
    final Tally tally = new Tally();
    String last = "";

    @Atomic
    String note(int i, Item item) {
      char c = (char) ('a' + i % 26);
      long l = i * 1_000_000_007L;
      double d = i / 4.0;
      boolean even = i % 2 == 0;
      String text = "n=" + i + ",c=" + c + ",l=" + l + ",d=" + d + ",even=" + even + "," + last.length() + ";" + item;
      last = text;
      tally.add(text.length());
      return text;
    }
  }

  static void stringConcatenation() throws Exception {
    Journal journal = new Journal();
    Cases.inThreads(ITERATIONS, (t, i) -> {
      String text = journal.note(i, new Item(t));
      String expectedStart = new StringBuilder().append("n=").append(i).append(",c=").append((char) ('a' + i % 26))
          .append(",l=").append(i * 1_000_000_007L).append(",d=").append(i / 4.0).append(",even=").append(i % 2 == 0)
          .append(',').toString();
      Cases.expect(text.startsWith(expectedStart) && text.endsWith(";item#" + t), "concatenated " + text);
    });
    Cases.expectEquals(CALLS, (int) journal.tally.count(), "notes");
  }

  // ---- records ----

  record Point(int x, int y) {
    Point {
      if (x < 0) {
        throw new IllegalArgumentException("negative x");
      }
    }
  }

  record Placed(String name, Point at) {}

  static final class Board {
    final Placed[] placed = new Placed[CALLS];
    int next;
    int rejected;
  }

  /** Returns a bit mask of the facts that held (all 5 bits when the record methods are right). */
  @Atomic
  static int place(Board board, int i) {
    Point p = new Point(i % 10, i % 3);
    Placed placed = new Placed("p" + i, p);
    int facts = 0;
    facts |= p.equals(new Point(i % 10, i % 3)) ? 1 : 0;
    facts |= !p.equals(new Point(i % 10, i % 3 + 1)) ? 2 : 0;
    facts |= p.hashCode() == new Point(i % 10, i % 3).hashCode() ? 4 : 0;
    facts |= placed.toString().equals("Placed[name=p" + i + ", at=Point[x=" + (i % 10) + ", y=" + (i % 3) + "]]") ? 8 : 0;
    try {
      new Point(-1, 0);
    } catch (IllegalArgumentException e) {
      facts |= 16;
      board.rejected++;
    }
    int slot = board.next;
    board.placed[slot] = placed;
    board.next = slot + 1;
    return facts;
  }

  static void records() throws Exception {
    Board board = new Board();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(31, place(board, i), "record facts (bit mask)"));
    Cases.expectEquals(CALLS, board.next, "placed records");
    Cases.expectEquals(CALLS, board.rejected, "rejected by the compact constructor");
    for (Placed p : board.placed) {
      Cases.expect(p != null && p.at().x() == Integer.parseInt(p.name().substring(1)) % 10, "placed record " + p);
    }
  }

  // ---- try-with-resources on an application AutoCloseable ----

  static final class ResourceException extends Exception {
    ResourceException(String message) {
      super(message);
    }
  }

  static final class Ledger {
    int opened;
    int closed;
    int used;
  }

  static final class Resource implements AutoCloseable {
    private final Ledger ledger;
    private final boolean failOnClose;

    Resource(Ledger ledger, boolean failOnClose) {
      this.ledger = ledger;
      this.failOnClose = failOnClose;
      ledger.opened++;
    }

    @Override
    public void close() throws ResourceException {
      ledger.closed++;
      if (failOnClose) {
        throw new ResourceException("close failed");
      }
    }
  }

  @Atomic
  static int useResources(Ledger ledger, int i) {
    try (Resource first = new Resource(ledger, i % 4 == 0); var second = new Resource(ledger, false)) {
      ledger.used++;
      if (i % 3 == 0) {
        throw new IllegalStateException("body failed");
      }
      return 1;
    } catch (IllegalStateException e) {
      return 10 + e.getSuppressed().length;
    } catch (ResourceException e) {
      return 100;
    }
  }

  static int expectedUse(int i) {
    if (i % 3 == 0) {
      return 10 + (i % 4 == 0 ? 1 : 0); // the close failure is suppressed by the body's exception
    }
    return i % 4 == 0 ? 100 : 1;
  }

  static void tryWithResources() throws Exception {
    Ledger ledger = new Ledger();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(expectedUse(i), useResources(ledger, i), "result of use " + i));
    Cases.expectEquals("opened=" + 2 * CALLS + " closed=" + 2 * CALLS + " used=" + CALLS,
        "opened=" + ledger.opened + " closed=" + ledger.closed + " used=" + ledger.used, "resource ledger");
  }

  // ---- pattern matching for instanceof, switch expressions with yield, var ----

  @Atomic
  static int describe(Object o, Tally tally) {
    var score = 0;
    if (o instanceof Integer n && n > 10) {
      score = n;
    } else if (o instanceof String s) {
      score = s.length();
    } else if (o instanceof int[] array) {
      score = array.length * 1000;
    } else if (o instanceof Item item) {
      score = item.weight;
    }
    var kind = switch (score % 3) {
      case 0 -> "zero";
      case 1 -> {
        var k = "one";
        yield k;
      }
      default -> "two";
    };
    score += kind.length();
    tally.add(score);
    return score;
  }

  static void patternMatching() throws Exception {
    Object[] inputs = {5, 25, "hello", new int[3], new Item(7)};
    // 5: not > 10, score 0, "zero"; 25: "one"; "hello": 5, "two"; int[3]: 3000, "zero"; item 7: "one"
    int[] expected = {4, 28, 8, 3004, 10};
    Tally tally = new Tally();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(expected[i % 5], describe(inputs[i % 5], tally), "score"));
    long sum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      sum += expected[i % 5];
    }
    tally.expect(CALLS, Cases.THREADS * sum);
  }

  // ---- method handles, var handles and reflection (signature-polymorphic and caller-sensitive calls) ----

  public static final class Gauge {
    public long level;
    private long secret = 7;

    public static int twice(int x) {
      return 2 * x;
    }

    private static int thrice(int x) {
      return 3 * x;
    }
  }

  static final VarHandle LEVEL;
  static final MethodHandle TWICE;

  static {
    try {
      LEVEL = MethodHandles.lookup().findVarHandle(Gauge.class, "level", long.class);
      TWICE = MethodHandles.publicLookup().findStatic(Gauge.class, "twice", MethodType.methodType(int.class, int.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Adds 1 through a VarHandle CAS (never failing: the block runs alone or not at all), calls a handle and a method. */
  @Atomic
  static long handles(Gauge gauge, int i) throws Throwable {
    long before = (long) LEVEL.getVolatile(gauge);
    boolean swapped = LEVEL.compareAndSet(gauge, before, before + 1);
    int viaHandle = (int) TWICE.invokeExact(i);
    Object viaReflection = Gauge.class.getMethod("twice", int.class).invoke(null, i);
    Class<?> found = Class.forName(Gauge.class.getName());
    return (swapped ? 1 : 0) + viaHandle + (Integer) viaReflection + (found == Gauge.class ? 1000 : 0);
  }

  static void handlesAndReflection() throws Exception {
    Gauge gauge = new Gauge();
    Cases.inThreads(ITERATIONS, (t, i) -> {
      try {
        Cases.expectEquals(1L + 4L * i + 1000, handles(gauge, i), "handles");
      } catch (Throwable e) {
        throw new AssertionError(e);
      }
    });
    Cases.expectEquals((long) CALLS, gauge.level, "increments through the VarHandle");
  }

  /**
   * Inside a block, a class reaches its own private members reflectively and through its own
   * {@code MethodHandles.lookup()}, as it can outside: the caller those methods see must be this class.
   */
  @Atomic
  static String reflectOnOwnPrivates(Gauge gauge) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      long viaLookup = (long) lookup.findVarHandle(Gauge.class, "secret", long.class).get(gauge);
      int viaHandle = (int) lookup.findStatic(Gauge.class, "thrice", MethodType.methodType(int.class, int.class)).invokeExact(2);
      Object viaField = Gauge.class.getDeclaredField("secret").get(gauge);
      return lookup.lookupClass().getSimpleName() + " " + viaLookup + " " + viaHandle + " " + viaField;
    } catch (Throwable e) {
      return e.toString();
    }
  }

  static void callerSensitive() throws Exception {
    Gauge gauge = new Gauge();
    Cases.inThreads(ITERATIONS / 10, (t, i) -> Cases.expectEquals("Invokedynamics 7 6 7", reflectOnOwnPrivates(gauge),
        "lookup class and private values"));
  }
}
