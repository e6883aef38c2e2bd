package dev.ame.it.programs.corpus;

import dev.ame.Atomic;

/**
 * Group 4 of the language corpus: static state in atomic blocks. Static fields go through their
 * own barriers and trigger class initialization first; a class initializer is never rewritten, so
 * one that runs for the first time inside a block runs the original code in the middle of a
 * transaction. Enums add constants with mutable fields, constant-specific bodies, the cloned
 * {@code values()} array and the synthetic switch-map classes of {@code switch}.
 */
public final class StaticState {
  static final int ITERATIONS = 2000;
  static final int CALLS = Cases.THREADS * ITERATIONS;

  public static void main(String[] args) {
    new Cases("StaticState")
        .add("staticFields_counterReferenceAndArray", StaticState::staticFields)
        .add("staticInitializer_firstUseRacesInFourBlocks", StaticState::racingInitialization)
        .add("enumConstants_mutableFieldsAndConstantBodies", StaticState::enumConstants)
        .add("switch_onEnumsAndStrings", StaticState::switches)
        .add("enumValues_arrayOfConstantsInsideBlocks", StaticState::enumValues)
        .add("staticInitializer_firstRunInsideBlock_seesTheBlocksWrites", StaticState::initializerSeesBlockWrites)
        .runAndExit(args);
  }

  // ---- static fields: a counter, a reference (a stack's head) and an array element ----

  static final class Entry {
    final int value;
    final Entry below;

    Entry(int value, Entry below) {
      this.value = value;
      this.below = below;
    }
  }

  static long pushes;
  static Entry top;
  static final long[] PER_THREAD_SUM = new long[Cases.THREADS];
  static final long[] SHARED_SLOT = new long[1];

  @Atomic
  static void push(int thread, int value) {
    long p = pushes;
    Cases.spin(p);
    pushes = p + 1;
    top = new Entry(value, top);
    PER_THREAD_SUM[thread] += value;
    SHARED_SLOT[0] += value;
  }

  static void staticFields() throws Exception {
    Cases.inThreads(ITERATIONS, (t, i) -> push(t, i));
    long perThread = (long) ITERATIONS * (ITERATIONS - 1) / 2;
    int entries = 0;
    long sum = 0;
    for (Entry e = top; e != null; e = e.below) {
      entries++;
      sum += e.value;
    }
    Cases.expectEquals((long) CALLS, pushes, "static counter");
    Cases.expectEquals(CALLS, entries, "entries on the static stack");
    Cases.expectEquals(Cases.THREADS * perThread, sum, "sum on the stack");
    Cases.expectEquals(Cases.THREADS * perThread, SHARED_SLOT[0], "static array element");
    for (int t = 0; t < Cases.THREADS; t++) {
      Cases.expectEquals(perThread, PER_THREAD_SUM[t], "static array element of thread " + t);
    }
  }

  // ---- a class initialized for the first time by blocks running in four threads at once ----

  /** Written only by class initializers: counts how often Tables was initialized. */
  static final class InitializationLog {
    static int tablesInitialized;
  }

  static final class Tables {
    static final int[] SQUARES = new int[64];
    static long lookups;

    static {
      for (int i = 0; i < SQUARES.length; i++) {
        SQUARES[i] = i * i;
      }
      lookups = 1_000_000;
      InitializationLog.tablesInitialized++;
    }
  }

  @Atomic
  static int square(int i, Tally tally) {
    int value = Tables.SQUARES[i % 64];
    Tables.lookups++;
    tally.add(value);
    return value;
  }

  static void racingInitialization() throws Exception {
    Tally tally = new Tally();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals((i % 64) * (i % 64), square(i, tally), "square"));
    long sum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      sum += (long) (i % 64) * (i % 64);
    }
    tally.expect(CALLS, Cases.THREADS * sum);
    Cases.expectEquals(1_000_000L + CALLS, Tables.lookups, "lookups counted on top of the initial value");
    Cases.expectEquals(1, InitializationLog.tablesInitialized, "initializations");
  }

  // ---- enum constants with mutable fields and constant-specific bodies ----

  enum Suit {
    CLUBS, DIAMONDS, HEARTS, SPADES;

    int played; // mutable state on a shared constant
  }

  enum Operation {
    ADD {
      @Override
      long apply(long a, long b) {
        return a + b;
      }
    },
    MULTIPLY {
      @Override
      long apply(long a, long b) {
        return a * b;
      }
    },
    FIRST;

    /** Overridden by the constants that have bodies (anonymous subclasses of the enum). */
    long apply(long a, long b) {
      return a;
    }
  }

  static Suit suitOf(int i) {
    return i % 4 == 0 ? Suit.CLUBS : i % 4 == 1 ? Suit.DIAMONDS : i % 4 == 2 ? Suit.HEARTS : Suit.SPADES;
  }

  static Operation operationOf(int i) {
    return i % 3 == 0 ? Operation.ADD : i % 3 == 1 ? Operation.MULTIPLY : Operation.FIRST;
  }

  @Atomic
  static long play(int i, Tally tally) {
    Suit suit = suitOf(i);
    int before = suit.played;
    Cases.spin(before);
    suit.played = before + 1;
    long result = operationOf(i).apply(i, 3) + suit.ordinal() * 1_000_000L;
    tally.add(result);
    return result;
  }

  static long expectedPlay(int i) {
    long operation = i % 3 == 0 ? i + 3 : i % 3 == 1 ? i * 3L : i;
    return operation + (i % 4) * 1_000_000L;
  }

  static void enumConstants() throws Exception {
    Tally tally = new Tally();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(expectedPlay(i), play(i, tally), "enum result"));
    long sum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      sum += expectedPlay(i);
    }
    tally.expect(CALLS, Cases.THREADS * sum);
    for (Suit s : new Suit[] {Suit.CLUBS, Suit.DIAMONDS, Suit.HEARTS, Suit.SPADES}) {
      Cases.expectEquals(CALLS / 4, s.played, "times " + s.name() + " was played");
    }
  }

  // ---- switch on an enum (through a synthetic switch map) and on strings ----

  enum Color { RED, GREEN, BLUE }

  static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "omega"};

  @Atomic
  static int classify(Color color, String word, Tally tally) {
    int byColor;
    switch (color) { // the first such switch initializes a synthetic class, maybe inside this block
      case RED:
        byColor = 1;
        break;
      case GREEN:
        byColor = 2;
        break;
      default:
        byColor = 3;
    }
    int byWord = switch (word) {
      case "alpha", "beta" -> 10;
      case "gamma" -> {
        int g = 20;
        yield g + byColor;
      }
      default -> word.length() * 100;
    };
    int result = byColor + byWord;
    tally.add(result);
    return result;
  }

  static void switches() throws Exception {
    Color[] colors = {Color.RED, Color.GREEN, Color.BLUE};
    int[] byColor = {1, 2, 3};
    Tally tally = new Tally();
    long[] sum = new long[1];
    Cases.inThreads(ITERATIONS, (t, i) -> {
      int c = i % 3;
      String word = WORDS[i % 5];
      int byWord = i % 5 < 2 ? 10 : i % 5 == 2 ? 20 + byColor[c] : word.length() * 100;
      Cases.expectEquals(byColor[c] + byWord, classify(colors[c], word, tally), "switch result");
    });
    for (int t = 0; t < Cases.THREADS; t++) {
      for (int i = 0; i < ITERATIONS; i++) {
        int c = i % 3;
        sum[0] += byColor[c] + (i % 5 < 2 ? 10 : i % 5 == 2 ? 20 + byColor[c] : WORDS[i % 5].length() * 100);
      }
    }
    tally.expect(CALLS, sum[0]);
  }

  // ---- Suit.values() (a clone of the constants' array), valueOf, name and ordinal ----

  @Atomic
  static int playByValues(int i) {
    Suit[] all = Suit.values();
    Suit suit = all[i % all.length];
    Suit same = Suit.valueOf(suit.name());
    same.played++;
    return same.ordinal();
  }

  static void enumValues() throws Exception {
    int[] before = new int[4];
    for (Suit s : new Suit[] {Suit.CLUBS, Suit.DIAMONDS, Suit.HEARTS, Suit.SPADES}) {
      before[s.ordinal()] = s.played;
    }
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(i % 4, playByValues(i), "ordinal"));
    for (Suit s : new Suit[] {Suit.CLUBS, Suit.DIAMONDS, Suit.HEARTS, Suit.SPADES}) {
      Cases.expectEquals(before[s.ordinal()] + CALLS / 4, s.played, "times " + s.name() + " was played");
    }
  }

  // ---- a class initializer that runs inside a block and uses statics the block has written ----

  static final class Settings {
    static int base = 1;
    static int initializations;
  }

  static final class Derived {
    static final int DOUBLED;

    static {
      Settings.initializations++;
      DOUBLED = Settings.base * 2;
    }
  }

  /**
   * As if it ran alone: the initializer of Derived runs at its first use, after this block's
   * writes, so it sees base = 21, and its increment adds to the block's own.
   */
  @Atomic
  static int configureThenDerive() {
    Settings.base = 21;
    Settings.initializations += 100;
    return Derived.DOUBLED;
  }

  static void initializerSeesBlockWrites() {
    int doubled = configureThenDerive();
    Cases.expectEquals("DOUBLED=42 initializations=101", "DOUBLED=" + doubled + " initializations=" + Settings.initializations,
        "Derived.DOUBLED computed from the block's base, and the block's and the initializer's increments");
  }
}
