package dev.ame.it.programs.corpus;

import dev.ame.Atomic;

/**
 * Group 6 of the language corpus: exceptions inside atomic blocks. The runtime aborts an attempt
 * by throwing its own signal through the user's code, and commits a block that an exception
 * leaves; so user handlers ({@code catch}, {@code finally}, {@code catch (Throwable)}) must never
 * see the signal, the state after a handler must be the handler's, and an escaping exception must
 * be the very object thrown, with the writes made before it committed.
 */
public final class ExceptionsInBlocks {
  static final int ITERATIONS = 2000;
  static final int CALLS = Cases.THREADS * ITERATIONS;

  public static void main(String[] args) {
    new Cases("ExceptionsInBlocks")
        .add("caughtInsideBlock_stateIsTheHandlers", ExceptionsInBlocks::caughtInside)
        .add("finally_runsOncePerBlock", ExceptionsInBlocks::finallyBlocks)
        .add("escapingException_commitsWritesAndIsTheSameObject", ExceptionsInBlocks::escapingException)
        .add("checkedException_escapesNestedBlocks", ExceptionsInBlocks::checkedException)
        .add("catchThrowable_underContention_losesNothing", ExceptionsInBlocks::catchThrowable)
        .add("jvmExceptions_raisedByInstructionsInsideBlocks", ExceptionsInBlocks::jvmExceptions)
        .add("nestedBlockException_caughtByOuterBlock", ExceptionsInBlocks::nestedCaught)
        .runAndExit(args);
  }

  // ---- thrown and caught inside the block: the handler undoes the withdrawal ----

  static final class Overdraft extends RuntimeException {
    Overdraft() {
      super("overdraft");
    }
  }

  static final class Account {
    long balance;
    int accepted;
    int rejected;
  }

  @Atomic
  static boolean withdraw(Account account, long amount) {
    try {
      long b = account.balance;
      Cases.spin(b);
      account.balance = b - amount;
      if (account.balance < 0) {
        throw new Overdraft();
      }
      account.accepted++;
      return true;
    } catch (Overdraft e) {
      account.balance += amount;
      account.rejected++;
      return false;
    }
  }

  static void caughtInside() throws Exception {
    Account account = new Account();
    account.balance = 3L * CALLS / 2; // runs out about halfway
    long[] withdrawnBy = new long[Cases.THREADS];
    Cases.inThreads(ITERATIONS, (t, i) -> {
      long amount = 1 + i % 3;
      if (withdraw(account, amount)) {
        withdrawnBy[t] += amount;
      }
    });
    long withdrawn = 0;
    for (long w : withdrawnBy) {
      withdrawn += w;
    }
    Cases.expect(account.balance >= 0, "negative balance " + account.balance);
    Cases.expectEquals(3L * CALLS / 2 - withdrawn, account.balance, "balance after the accepted withdrawals");
    Cases.expectEquals(CALLS, account.accepted + account.rejected, "accepted + rejected");
    Cases.expect(account.rejected > 0, "the balance never ran out: the case checks nothing");
  }

  // ---- finally ----

  static final class Visits {
    int entered;
    int caught;
    int finallies;
  }

  @Atomic
  static int visit(Visits v, int i) {
    try {
      int e = v.entered;
      Cases.spin(e);
      v.entered = e + 1;
      if (i % 5 == 0) {
        throw new IllegalStateException("every fifth");
      }
      return 1;
    } catch (IllegalStateException e) {
      v.caught++;
      return 2;
    } finally {
      v.finallies++;
    }
  }

  static void finallyBlocks() throws Exception {
    Visits v = new Visits();
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(i % 5 == 0 ? 2 : 1, visit(v, i), "result"));
    Cases.expectEquals("entered=" + CALLS + " caught=" + CALLS / 5 + " finallies=" + CALLS,
        "entered=" + v.entered + " caught=" + v.caught + " finallies=" + v.finallies, "visits");
  }

  // ---- an exception leaving the block: writes before it commit; the same object arrives ----

  static final class Rejected extends RuntimeException {
    final int iteration;

    Rejected(int iteration) {
      super("rejected " + iteration);
      this.iteration = iteration;
    }
  }

  static final class Rejections {
    final Object[] lastThrownBy = new Object[Cases.THREADS];
    int thrown;
    long sumBeforeThrow;
  }

  @Atomic
  static void rejectAfterWriting(Rejections r, int thread, int i) {
    long s = r.sumBeforeThrow;
    Cases.spin(s);
    r.sumBeforeThrow = s + i;
    Rejected e = new Rejected(i);
    r.lastThrownBy[thread] = e;
    r.thrown++;
    throw e;
  }

  static void escapingException() throws Exception {
    Rejections r = new Rejections();
    Cases.inThreads(ITERATIONS, (t, i) -> {
      try {
        rejectAfterWriting(r, t, i);
        throw new AssertionError("no exception");
      } catch (Rejected e) {
        Cases.expect(e.iteration == i && e.getMessage().equals("rejected " + i), "wrong exception " + e);
        Cases.expect(e == r.lastThrownBy[t], "the rethrown exception is not the one the block stored");
      }
    });
    Cases.expectEquals(CALLS, r.thrown, "thrown");
    Cases.expectEquals(Cases.THREADS * ((long) ITERATIONS * (ITERATIONS - 1) / 2), r.sumBeforeThrow, "sum written before throwing");
  }

  // ---- a checked exception thrown by a nested block, escaping the outer one ----

  static final class LimitExceeded extends Exception {
    final int value;

    LimitExceeded(int value) {
      super("over the limit: " + value);
      this.value = value;
    }
  }

  static final class Store {
    static final int LIMIT = 7;
    int attempts;
    long total;
  }

  @Atomic
  static void validate(int value) throws LimitExceeded {
    if (value > Store.LIMIT) {
      throw new LimitExceeded(value);
    }
  }

  @Atomic
  static void addChecked(Store store, int value) throws LimitExceeded {
    int a = store.attempts;
    Cases.spin(a);
    store.attempts = a + 1; // committed even when validate throws
    validate(value);
    store.total += value;
  }

  static void checkedException() throws Exception {
    Store store = new Store();
    int[] thrownBy = new int[Cases.THREADS];
    Cases.inThreads(ITERATIONS, (t, i) -> {
      int value = i % 10;
      try {
        addChecked(store, value);
        Cases.expect(value <= Store.LIMIT, "no exception for " + value);
      } catch (LimitExceeded e) {
        Cases.expect(e.value == value && value > Store.LIMIT, "exception for " + value);
        thrownBy[t]++;
      }
    });
    long total = 0;
    int thrown = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      if (i % 10 <= Store.LIMIT) {
        total += i % 10;
      } else {
        thrown++;
      }
    }
    Cases.expectEquals(CALLS, store.attempts, "attempts (written before the throw)");
    Cases.expectEquals(Cases.THREADS * total, store.total, "total of accepted values");
    for (int t = 0; t < Cases.THREADS; t++) {
      Cases.expectEquals(thrown, thrownBy[t], "exceptions seen by thread " + t);
    }
  }

  // ---- catch (Throwable) around a contended read-modify-write ----

  static final class Counter {
    long value;
    int caught;
  }

  @Atomic
  static void incrementCatchingEverything(Counter c, int i) {
    try {
      long v = c.value;
      Cases.spin(v);
      c.value = v + 1;
      if (i % 7 == 0) {
        throw new Error("planned");
      }
    } catch (Throwable t) {
      c.caught++;
    }
  }

  static void catchThrowable() throws Exception {
    Counter c = new Counter();
    Cases.inThreads(ITERATIONS, (t, i) -> incrementCatchingEverything(c, i));
    int planned = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      planned += i % 7 == 0 ? 1 : 0;
    }
    Cases.expectEquals((long) CALLS, c.value, "increments");
    Cases.expectEquals(Cases.THREADS * planned, c.caught, "planned errors caught");
  }

  // ---- exceptions raised by the JVM's own instructions (through the barriers) ----

  static final class Traps {
    int zero;
    Object text = "text";
    Target missing;
    int[] small = new int[2];
    Object[] strings = new String[2];
    final int[] caught = new int[8];
  }

  /** Only its null reference matters: calling it or reading its field must throw NullPointerException. */
  static final class Target {
    int weight;

    int value() {
      return 1;
    }
  }

  @Atomic
  static int trap(Traps traps, int i) {
    int kind = i % 8;
    try {
      switch (kind) {
        case 0:
          return 10 / traps.zero;
        case 1:
          return traps.missing.value(); // a call on null, through the runtime's call site
        case 2:
          return traps.small[5]; // a read barrier on an element out of bounds
        case 3:
          traps.small[-1] = 1; // a write barrier on an element out of bounds
          return 0;
        case 4:
          return ((Integer) traps.text).intValue();
        case 5:
          return new int[traps.zero - 1].length;
        case 6:
          traps.strings[0] = Integer.valueOf(i); // an Integer into a String[] seen as Object[]
          return 0;
        default:
          return traps.missing.weight; // a read barrier on a field of null
      }
    } catch (ArithmeticException | NullPointerException | ArrayIndexOutOfBoundsException | ClassCastException
        | NegativeArraySizeException | ArrayStoreException e) {
      traps.caught[kind]++;
      return -e.getClass().getSimpleName().length();
    }
  }

  static void jvmExceptions() throws Exception {
    Traps traps = new Traps();
    Class<?>[] expected = {ArithmeticException.class, NullPointerException.class, ArrayIndexOutOfBoundsException.class,
        ArrayIndexOutOfBoundsException.class, ClassCastException.class, NegativeArraySizeException.class,
        ArrayStoreException.class, NullPointerException.class};
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(-expected[i % 8].getSimpleName().length(), trap(traps, i),
        "exception of kind " + i % 8 + " (" + expected[i % 8].getSimpleName() + ")"));
    for (int k = 0; k < 8; k++) {
      Cases.expectEquals(CALLS / 8, traps.caught[k], "caught " + expected[k].getSimpleName());
    }
    Cases.expect(traps.strings[0] == null && traps.small[0] == 0 && traps.small[1] == 0, "a failed store changed an array");
  }

  // ---- a nested block throws; the outer block catches it and goes on ----

  static final class Pair {
    long inner;
    long outer;
  }

  @Atomic
  static void innerThrows(Pair p) {
    long v = p.inner;
    Cases.spin(v);
    p.inner = v + 1;
    throw new IllegalStateException("inner");
  }

  @Atomic
  static void outerCatches(Pair p) {
    try {
      innerThrows(p);
    } catch (IllegalStateException e) {
      long v = p.outer;
      Cases.spin(v);
      p.outer = v + 2;
    }
  }

  static void nestedCaught() throws Exception {
    Pair p = new Pair();
    Cases.inThreads(ITERATIONS, (t, i) -> outerCatches(p));
    Cases.expectEquals("inner=" + CALLS + " outer=" + 2L * CALLS, "inner=" + p.inner + " outer=" + p.outer,
        "writes of the nested and the outer block");
  }
}
