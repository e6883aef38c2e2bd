package dev.ame.it.programs.corpus;

import dev.ame.Atomic;

/**
 * Group 7 of the language corpus: monitors inside atomic blocks (elided: the block is atomic
 * already, so lock-order inversions cannot deadlock), and read-modify-writes of every primitive
 * kind, as instance fields, static fields, array elements and volatile fields. The barriers
 * carry every value as raw bits, so each kind's narrowing (char, short, byte, boolean) and
 * floating-point bits must come back exactly.
 */
public final class MonitorsAndPrimitives {
  static final int ITERATIONS = 2000;
  static final int CALLS = Cases.THREADS * ITERATIONS;

  public static void main(String[] args) {
    new Cases("MonitorsAndPrimitives")
        .add("synchronizedMethods_calledInsideBlocks", MonitorsAndPrimitives::synchronizedMethods)
        .add("synchronizedBlocks_oppositeLockOrders_noDeadlock", MonitorsAndPrimitives::oppositeLockOrders)
        .add("primitiveFields_everyKind", MonitorsAndPrimitives::primitiveFields)
        .add("staticPrimitiveFields_everyKind", MonitorsAndPrimitives::staticPrimitiveFields)
        .add("primitiveArrays_everyKind", MonitorsAndPrimitives::primitiveArrays)
        .add("volatileFields_everyKindAndReference", MonitorsAndPrimitives::volatileFields)
        .add("wideParametersAndLocals_survivePlacementOfTheTransaction", MonitorsAndPrimitives::wideParametersAndLocals)
        .runAndExit(args);
  }

  // ---- synchronized methods (instance and static) and a block on a class literal ----

  static final class SynchronizedCounter {
    private long value;
    private static long total;

    synchronized void add(long n) {
      long v = value;
      Cases.spin(v);
      value = v + n;
    }

    synchronized long get() {
      return value;
    }

    static synchronized void addToTotal(long n) {
      total += n;
    }
  }

  static long classLocked;

  @Atomic
  static long countEverywhere(SynchronizedCounter counter) {
    counter.add(2);
    SynchronizedCounter.addToTotal(3);
    synchronized (MonitorsAndPrimitives.class) {
      classLocked++;
    }
    return counter.get();
  }

  static void synchronizedMethods() throws Exception {
    SynchronizedCounter counter = new SynchronizedCounter();
    Cases.inThreads(ITERATIONS, (t, i) -> {
      long seen = countEverywhere(counter);
      Cases.expect(seen > 0 && seen % 2 == 0, "get() inside the block saw " + seen);
    });
    Cases.expectEquals("value=" + 2L * CALLS + " total=" + 3L * CALLS + " classLocked=" + CALLS,
        "value=" + counter.get() + " total=" + SynchronizedCounter.total + " classLocked=" + classLocked, "counters");
  }

  // ---- nested synchronized blocks taken in opposite orders by different threads ----

  static final class Resource {
    long uses;
  }

  /** Without elision, two threads here in opposite orders can deadlock. */
  @Atomic
  static void useBoth(Resource first, Resource second) {
    synchronized (first) {
      long f = first.uses;
      Cases.spin(f);
      first.uses = f + 1;
      synchronized (second) {
        second.uses++;
      }
    }
  }

  static void oppositeLockOrders() throws Exception {
    Resource a = new Resource();
    Resource b = new Resource();
    Cases.inThreads(ITERATIONS, (t, i) -> {
      if (t % 2 == 0) {
        useBoth(a, b);
      } else {
        useBoth(b, a);
      }
    });
    Cases.expectEquals("a=" + CALLS + " b=" + CALLS, "a=" + a.uses + " b=" + b.uses, "uses");
  }

  // ---- instance fields of every primitive kind ----

  static final char CHAR_START = '\uFFF0'; // wraps around after 16 increments

  static final class AllKinds {
    long l;
    double d;
    float f;
    char c = CHAR_START;
    short s;
    byte b;
    boolean flag;
    int flips;
    int i;
  }

  @Atomic
  static void bumpAll(AllKinds k) {
    long l = k.l;
    Cases.spin(l);
    k.l = l + 3;
    k.d += 0.5;
    k.f += 1.0f;
    k.c++;
    k.s--;
    k.b += 3;
    k.flag = !k.flag;
    k.flips++;
    k.i += 7;
  }

  /** What N applications of bumpAll give, computed from the Java semantics of each kind. */
  static String expectedKinds(int n) {
    return describeKinds(3L * n, 0.5 * n, (float) n, (char) (CHAR_START + n), (short) -n, (byte) (3 * n), n % 2 == 1, n, 7 * n);
  }

  static String describeKinds(long l, double d, float f, char c, short s, byte b, boolean flag, int flips, int i) {
    return "l=" + l + " d=" + d + " f=" + f + " c=" + (int) c + " s=" + s + " b=" + b + " flag=" + flag + " flips=" + flips
        + " i=" + i;
  }

  static void primitiveFields() throws Exception {
    AllKinds k = new AllKinds();
    Cases.inThreads(ITERATIONS, (t, i) -> bumpAll(k));
    Cases.expectEquals(expectedKinds(CALLS), describeKinds(k.l, k.d, k.f, k.c, k.s, k.b, k.flag, k.flips, k.i), "fields");
  }

  // ---- static fields of every primitive kind ----

  static long staticL;
  static double staticD;
  static float staticF;
  static char staticC = CHAR_START;
  static short staticS;
  static byte staticB;
  static boolean staticFlag;
  static int staticFlips;
  static int staticI;

  @Atomic
  static void bumpAllStatics() {
    long l = staticL;
    Cases.spin(l);
    staticL = l + 3;
    staticD += 0.5;
    staticF += 1.0f;
    staticC++;
    staticS--;
    staticB += 3;
    staticFlag = !staticFlag;
    staticFlips++;
    staticI += 7;
  }

  static void staticPrimitiveFields() throws Exception {
    Cases.inThreads(ITERATIONS, (t, i) -> bumpAllStatics());
    Cases.expectEquals(expectedKinds(CALLS),
        describeKinds(staticL, staticD, staticF, staticC, staticS, staticB, staticFlag, staticFlips, staticI), "static fields");
  }

  // ---- array elements of every primitive kind ----

  static final class AllArrays {
    final long[] l = new long[3];
    final double[] d = new double[3];
    final float[] f = new float[3];
    final char[] c = {CHAR_START, CHAR_START, CHAR_START};
    final short[] s = new short[3];
    final byte[] b = new byte[3];
    final boolean[] flag = new boolean[3];
    final int[] flips = new int[3];
    final int[] i = new int[3];
    final boolean[] claimed = new boolean[CALLS];
    int nextFree;
    int collisions;
  }

  @Atomic
  static void bumpElements(AllArrays a, int iteration) {
    int k = iteration % 3;
    long l = a.l[k];
    Cases.spin(l);
    a.l[k] = l + 3;
    a.d[k] += 0.5;
    a.f[k] += 1.0f;
    a.c[k]++;
    a.s[k]--;
    a.b[k] += 3;
    a.flag[k] = !a.flag[k];
    a.flips[k]++;
    a.i[k] += 7;
    int slot = a.nextFree;
    if (a.claimed[slot]) {
      a.collisions++;
    }
    a.claimed[slot] = true;
    a.nextFree = slot + 1;
  }

  static void primitiveArrays() throws Exception {
    AllArrays a = new AllArrays();
    Cases.inThreads(ITERATIONS, (t, i) -> bumpElements(a, i));
    for (int k = 0; k < 3; k++) {
      int n = 0;
      for (int i = 0; i < ITERATIONS; i++) {
        n += i % 3 == k ? Cases.THREADS : 0;
      }
      Cases.expectEquals(expectedKinds(n),
          describeKinds(a.l[k], a.d[k], a.f[k], a.c[k], a.s[k], a.b[k], a.flag[k], a.flips[k], a.i[k]), "elements " + k);
    }
    int claimed = 0;
    for (boolean c : a.claimed) {
      claimed += c ? 1 : 0;
    }
    Cases.expectEquals("claimed=" + CALLS + " nextFree=" + CALLS + " collisions=0",
        "claimed=" + claimed + " nextFree=" + a.nextFree + " collisions=" + a.collisions, "boolean[] slots");
  }

  // ---- parameters and locals of every size: the twin adds the transaction after them ----

  static final class Accumulator {
    long total;
  }

  /** Mixes every kind of parameter and wide locals, with iinc, so a wrongly shifted slot shows. */
  @Atomic
  static long mix(Accumulator acc, long a, double b, int c, long d, float e, boolean f, char g, short h, byte i, Object o) {
    long wide = a * 3;
    double half = b / 2;
    int counter = c;
    for (int k = 0; k < 4; k++) {
      counter += 2;
    }
    long result = wide + (long) half + counter + d + (long) e + (f ? 1 : 0) + g + h + i + (o == null ? 0 : o.hashCode());
    long before = acc.total;
    Cases.spin(before);
    acc.total = before + result;
    return result;
  }

  static long expectedMix(int n) {
    return 3L * n + (n * 5 / 2) + (n + 8) + 1_000_000_000_000L + 7 + (n % 2 == 0 ? 1 : 0) + 'x' + (-3) + 9 + 0;
  }

  static void wideParametersAndLocals() throws Exception {
    Accumulator acc = new Accumulator();
    Cases.inThreads(ITERATIONS, (t, n) -> Cases.expectEquals(expectedMix(n),
        mix(acc, n, n * 5.0, n, 1_000_000_000_000L, 7.5f, n % 2 == 0, 'x', (short) -3, (byte) 9, null), "mix"));
    long sum = 0;
    for (int n = 0; n < ITERATIONS; n++) {
      sum += expectedMix(n);
    }
    Cases.expectEquals(Cases.THREADS * sum, acc.total, "accumulated");
  }

  // ---- volatile fields ----

  static final class Snapshot {
    final int count;
    final long sum;

    Snapshot(int count, long sum) {
      this.count = count;
      this.sum = sum;
    }
  }

  static final class Volatiles {
    volatile long l;
    volatile int i;
    volatile double d;
    volatile boolean flag;
    volatile int flips;
    volatile Snapshot snapshot = new Snapshot(0, 0);
  }

  @Atomic
  static void bumpVolatiles(Volatiles v, int iteration) {
    long l = v.l;
    Cases.spin(l);
    v.l = l + 1;
    v.i += 2;
    v.d += 0.25;
    v.flag = !v.flag;
    v.flips++;
    Snapshot s = v.snapshot;
    v.snapshot = new Snapshot(s.count + 1, s.sum + iteration);
  }

  static void volatileFields() throws Exception {
    Volatiles v = new Volatiles();
    Cases.inThreads(ITERATIONS, (t, i) -> bumpVolatiles(v, i));
    long sum = Cases.THREADS * ((long) ITERATIONS * (ITERATIONS - 1) / 2);
    Cases.expectEquals("l=" + CALLS + " i=" + 2 * CALLS + " d=" + 0.25 * CALLS + " flag=" + (CALLS % 2 == 1) + " flips=" + CALLS
        + " snapshot=" + CALLS + "/" + sum,
        "l=" + v.l + " i=" + v.i + " d=" + v.d + " flag=" + v.flag + " flips=" + v.flips
        + " snapshot=" + v.snapshot.count + "/" + v.snapshot.sum, "volatile fields");
  }
}
