package dev.ame.it.programs.corpus;

import dev.ame.Atomic;
import dev.ame.it.programs.corpus.elsewhere.ForeignLabeled;

/**
 * Group 1 of the language corpus: calls whose target depends on the receiver's class, made
 * inside atomic blocks. The agent turns each such call in a twin into an {@code invokedynamic}
 * that the runtime links to the twin of the receiver's implementation, choosing that
 * implementation itself: every case here checks that it chooses the one the JVM would.
 *
 * <p>Expected values follow from the classes' definitions (written next to each instance), never
 * from calling the code under test outside a block.
 */
public final class VirtualDispatch {
  static final int ITERATIONS = 2000;

  public static void main(String[] args) {
    new Cases("VirtualDispatch")
        .add("subclassOverrides_sixClassesAtOneCallSite", VirtualDispatch::subclassOverrides)
        .add("interfaceDefaults_privateAndStaticInterfaceMethods", VirtualDispatch::interfaceDefaults)
        .add("interfaceReceiver_implementedBySuperclass", VirtualDispatch::interfaceReceiver)
        .add("superCalls_throughThreeLevels", VirtualDispatch::superCalls)
        .add("bridgeMethods_genericInterfacesAndClasses", VirtualDispatch::bridgeMethods)
        .add("covariantReturn_overrideReturnsSubtype", VirtualDispatch::covariantReturn)
        .add("objectMethods_equalsAndHashCodeOverridden", VirtualDispatch::objectMethods)
        .add("nestmates_innerClassUsesOuterPrivates", VirtualDispatch::nestmates)
        .add("privateMethod_sameNameInSubclass_isNotOverridden", VirtualDispatch::privateMethod)
        .add("defaultMethods_mostSpecificInterfaceWins", VirtualDispatch::mostSpecificDefault)
        .add("packagePrivate_sameNameInOtherPackageDoesNotOverride", VirtualDispatch::packagePrivate)
        .runAndExit(args);
  }

  // ---- overrides in a class hierarchy ----

  abstract static class Shape {
    abstract int area();

    /** Final, so its call is bound once; but its own call of area() stays virtual. */
    final int twiceTheArea() {
      return 2 * area();
    }
  }

  static class Square extends Shape {
    final int side;

    Square(int side) {
      this.side = side;
    }

    @Override
    int area() {
      return side * side;
    }
  }

  /** Inherits Square.area(). */
  static final class UnitSquare extends Square {
    UnitSquare() {
      super(1);
    }
  }

  static class Rect extends Shape {
    final int width;
    final int height;

    Rect(int width, int height) {
      this.width = width;
      this.height = height;
    }

    @Override
    int area() {
      return width * height;
    }
  }

  static final class Triangle extends Rect {
    Triangle(int base, int height) {
      super(base, height);
    }

    @Override
    int area() {
      return super.area() / 2;
    }
  }

  static final class Frame extends Square {
    final int hole;

    Frame(int side, int hole) {
      super(side);
      this.hole = hole;
    }

    @Override
    int area() {
      return super.area() - hole * hole;
    }
  }

  static final class Cross extends Shape {
    final int arm;

    Cross(int arm) {
      this.arm = arm;
    }

    @Override
    int area() {
      return 5 * arm * arm;
    }
  }

  @Atomic
  static int measure(Shape s, Tally tally) {
    int area = s.area();
    if (s.twiceTheArea() != 2 * area) {
      return -1;
    }
    tally.add(area);
    return area;
  }

  /** Six receiver classes at one call site: more than the runtime's inline cache holds. */
  static void subclassOverrides() throws Exception {
    Shape[] shapes = {new Square(3), new UnitSquare(), new Rect(2, 5), new Triangle(4, 6), new Frame(5, 2), new Cross(2)};
    int[] areas = {9, 1, 10, 12, 21, 20};
    expectEachMatches(shapes.length, areas, (k, tally) -> measure(shapes[k], tally));
  }

  // ---- interfaces: default (inherited, overridden, super-called), private and static methods ----

  interface Priced {
    int base();

    default int price() {
      return base() + tax();
    }

    private int tax() {
      return base() / 10;
    }

    static int bulk(Priced p, int quantity) {
      return p.price() * quantity;
    }
  }

  interface GiftWrapped extends Priced {
    @Override
    default int price() {
      return Priced.super.price() + 5;
    }
  }

  /** Inherits the default price. */
  static final class Book implements Priced {
    @Override
    public int base() {
      return 100;
    }
  }

  /** Overrides the default. */
  static final class Food implements Priced {
    @Override
    public int base() {
      return 50;
    }

    @Override
    public int price() {
      return base();
    }
  }

  /** Inherits a default that calls the default it overrides. */
  static final class Gift implements GiftWrapped {
    @Override
    public int base() {
      return 200;
    }
  }

  @Atomic
  static int checkout(Priced p, int quantity, Tally tally) {
    int total = Priced.bulk(p, quantity);
    tally.add(total);
    return total;
  }

  static void interfaceDefaults() throws Exception {
    Priced[] items = {new Book(), new Food(), new Gift()};
    int[] twoOfEach = {2 * 110, 2 * 50, 2 * 225}; // base + base/10; base; (base + base/10) + 5
    expectEachMatches(items.length, twoOfEach, (k, tally) -> checkout(items[k], 2, tally));
  }

  // ---- an interface method implemented by a superclass that does not implement the interface ----

  interface Named {
    String name();
  }

  static class Person {
    public String name() {
      return "person";
    }
  }

  static final class Employee extends Person implements Named {}

  static final class Robot implements Named {
    @Override
    public String name() {
      return "robot-unit";
    }
  }

  @Atomic
  static int nameLength(Named n, Tally tally) {
    int length = n.name().length();
    tally.add(length);
    return length;
  }

  static void interfaceReceiver() throws Exception {
    Named[] named = {new Employee(), new Robot()};
    int[] lengths = {"person".length(), "robot-unit".length()};
    expectEachMatches(named.length, lengths, (k, tally) -> nameLength(named[k], tally));
  }

  // ---- super.m(): to the direct superclass, and to a method declared two levels up ----

  static class Level1 {
    int value() {
      return 1;
    }

    int tag() {
      return 7;
    }
  }

  static class Level2 extends Level1 {
    @Override
    int value() {
      return super.value() * 10 + 2;
    }
  }

  static final class Level3 extends Level2 {
    @Override
    int value() {
      return super.value() * 10 + 3;
    }

    /** Level2 does not declare tag(): super.tag() resolves to Level1's. */
    @Override
    int tag() {
      return super.tag() * 100;
    }
  }

  @Atomic
  static int valueAndTag(Level1 level, Tally tally) {
    int result = level.value() * 1000 + level.tag();
    tally.add(result);
    return result;
  }

  static void superCalls() throws Exception {
    Level1[] levels = {new Level1(), new Level2(), new Level3()};
    int[] expected = {1 * 1000 + 7, 12 * 1000 + 7, 123 * 1000 + 700};
    expectEachMatches(levels.length, expected, (k, tally) -> valueAndTag(levels[k], tally));
  }

  // ---- bridge methods: Comparable<T> through a generic method, a generic class, a generic interface ----

  static final class Version implements Comparable<Version> {
    final int major;
    final int minor;

    Version(int major, int minor) {
      this.major = major;
      this.minor = minor;
    }

    @Override
    public int compareTo(Version other) {
      return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }
  }

  /** Erased to Comparable.compareTo(Object): reaches Version through its bridge. */
  static <T extends Comparable<T>> T max(T a, T b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static class Box<T> {
    private final T item;

    Box(T item) {
      this.item = item;
    }

    T get() {
      return item;
    }
  }

  static final class BonusBox extends Box<Integer> {
    BonusBox(int item) {
      super(item);
    }

    @Override
    Integer get() {
      return super.get() + 1000;
    }
  }

  interface Transformer<T> {
    T apply(T value);
  }

  static final class Doubler implements Transformer<Integer> {
    @Override
    public Integer apply(Integer value) {
      return value * 2;
    }
  }

  @Atomic
  static int bridged(Version a, Version b, Box<Integer> box, Transformer<Integer> transformer, Tally tally) {
    Version newest = max(a, b);
    int result = newest.major * 100 + newest.minor + box.get() + transformer.apply(3);
    tally.add(result);
    return result;
  }

  static void bridgeMethods() throws Exception {
    Version[][] pairs = {{new Version(1, 2), new Version(1, 10)}, {new Version(3, 0), new Version(2, 9)}};
    Box<Integer> bonus = new BonusBox(5);
    Box<Integer> plain = new Box<>(5);
    // newest version (major*100+minor) + box (5, or 1005 with the bonus) + Doubler(3) = 6
    int[] expected = {110 + 1005 + 6, 300 + 5 + 6};
    expectEachMatches(2, expected,
        (k, tally) -> bridged(pairs[k][0], pairs[k][1], k == 0 ? bonus : plain, new Doubler(), tally));
  }

  // ---- covariant return: the override returns a subtype, reached through the bridge ----

  static class Animal {
    Animal offspring() {
      return new Animal();
    }

    int legs() {
      return 4;
    }
  }

  static final class Bird extends Animal {
    @Override
    Bird offspring() {
      return new Bird();
    }

    @Override
    int legs() {
      return 2;
    }
  }

  @Atomic
  static int offspringLegs(Animal parent, Tally tally) {
    Animal child = parent.offspring();
    int legs = child.getClass() == parent.getClass() ? child.legs() : -100;
    tally.add(legs);
    return legs;
  }

  static void covariantReturn() throws Exception {
    Animal[] parents = {new Animal(), new Bird()};
    int[] legs = {4, 2};
    expectEachMatches(parents.length, legs, (k, tally) -> offspringLegs(parents[k], tally));
  }

  // ---- Object's methods overridden by an application class, called on Object-typed receivers ----

  static final class Money {
    final long cents;

    Money(long cents) {
      this.cents = cents;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Money && ((Money) other).cents == cents;
    }

    @Override
    public int hashCode() {
      return (int) (cents * 31 + 7);
    }
  }

  @Atomic
  static int compareMoney(Object a, Object b, Object different, Tally tally) {
    int score = (a.equals(b) ? 1 : 0) + (a.equals(different) ? 10 : 0) + (a.hashCode() == b.hashCode() ? 100 : 0)
        + a.hashCode();
    tally.add(score);
    return score;
  }

  static void objectMethods() throws Exception {
    Object[] amounts = {new Money(3), new Money(4)};
    int[] expected = {1 + 100 + (3 * 31 + 7), 1 + 100 + (4 * 31 + 7)};
    expectEachMatches(2, expected, (k, tally) -> {
      long cents = ((Money) amounts[k]).cents;
      return compareMoney(amounts[k], new Money(cents), new Money(cents + 1), tally);
    });
  }

  // ---- nestmates: an inner class reads its outer instance's private field and calls its private method ----

  static final class Account {
    private long balance;

    private long fee() {
      return 1;
    }

    final class Statement {
      long net() {
        return balance - fee();
      }
    }
  }

  /** Deposits 2 and returns how far the statement's net is from balance - 1 (0 when right). */
  @Atomic
  static long depositAndStatement(Account account) {
    account.balance += 2;
    return account.new Statement().net() - (account.balance - 1);
  }

  static void nestmates() throws Exception {
    Account account = new Account();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(0L, depositAndStatement(account), "net - (balance - 1)"));
    Cases.expectEquals(2L * Cases.THREADS * ITERATIONS, account.balance, "balance");
  }

  // ---- a private method is never overridden, even by a same-named method of a subclass ----

  static class Secretive {
    private int secret() {
      return 1;
    }

    /** javac calls the private method with invokevirtual (nestmates): it must still bind to this class's. */
    int reveal() {
      return secret() * 10 + visible();
    }

    int visible() {
      return 1;
    }
  }

  static final class Talkative extends Secretive {
    int secret() {
      return 5;
    }

    @Override
    int visible() {
      return 3;
    }
  }

  @Atomic
  static int reveal(Secretive s, Tally tally) {
    int value = s.reveal();
    tally.add(value);
    return value;
  }

  static void privateMethod() throws Exception {
    Secretive[] receivers = {new Secretive(), new Talkative()};
    int[] expected = {11, 13}; // secret() is always Secretive's; visible() is overridden
    expectEachMatches(receivers.length, expected, (k, tally) -> reveal(receivers[k], tally));
  }

  // ---- default methods: the most specific interface wins, whatever the declaration order ----

  interface Level0Default {
    default int level() {
      return 1;
    }
  }

  interface Level1Default extends Level0Default {
    @Override
    default int level() {
      return 2;
    }
  }

  /** Lists the less specific interface first: Level1Default.level() is still the one selected. */
  static final class BothDefaults implements Level0Default, Level1Default {}

  static class EarlyDefaults implements Level1Default {}

  /** Re-implements the less specific interface below a class that has the more specific one. */
  static final class LateDefaults extends EarlyDefaults implements Level0Default {}

  @Atomic
  static int level(Level0Default d, Tally tally) {
    int level = d.level();
    tally.add(level);
    return level;
  }

  static void mostSpecificDefault() throws Exception {
    Level0Default[] receivers = {new BothDefaults(), new LateDefaults(), new EarlyDefaults()};
    int[] levels = {2, 2, 2};
    expectEachMatches(receivers.length, levels, (k, tally) -> level(receivers[k], tally));
  }

  // ---- a package-private method is not overridden by a same-named method of another package ----

  /** Public so that {@link ForeignLabeled} can extend it from another package. */
  public static class Labeled {
    String label() {
      return "corpus";
    }
  }

  @Atomic
  static int labelLength(Labeled labeled, Tally tally) {
    int length = labeled.label().length();
    tally.add(length);
    return length;
  }

  static void packagePrivate() throws Exception {
    Labeled[] receivers = {new Labeled(), new ForeignLabeled()};
    int[] lengths = {"corpus".length(), "corpus".length()};
    expectEachMatches(receivers.length, lengths, (k, tally) -> labelLength(receivers[k], tally));
  }

  // ---- common driver ----

  /** Computes the result for receiver number {@code k}, inside a block that adds it to the tally. */
  interface Probe {
    int result(int k, Tally tally) throws Exception;
  }

  /**
   * Each thread cycles over {@code receivers} receivers; every result must be the expected one,
   * and the shared tally must hold exactly all of them.
   */
  static void expectEachMatches(int receivers, int[] expected, Probe probe) throws Exception {
    Tally tally = new Tally();
    Cases.inThreads(ITERATIONS, (t, i) -> {
      int k = (i + t) % receivers;
      Cases.expectEquals(expected[k], probe.result(k, tally), "result for receiver " + k);
    });
    long sum = 0;
    for (int t = 0; t < Cases.THREADS; t++) {
      for (int i = 0; i < ITERATIONS; i++) {
        sum += expected[(i + t) % receivers];
      }
    }
    tally.expect((long) Cases.THREADS * ITERATIONS, sum);
  }
}
