package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Array-backed JDK code inside blocks: {@code BitSet}, the {@code Arrays} helpers and the
 * {@code java.lang.reflect.Array} accessors.
 *
 * <p>Invariants, audited inside blocks while the others change the arrays: a {@code BitSet}'s
 * cardinality (and a walk with {@code nextSetBit}) equals a counter kept by the same blocks; an
 * array kept sorted with {@code binarySearch}, {@code copyOf} and {@code System.arraycopy} stays
 * sorted ({@code Arrays.sort} of a copy {@code equals} it), with the sum and {@code hashCode}
 * recorded beside it; a row written whole by {@code Arrays.fill} or {@code Arrays.sort} is never
 * seen half written; amounts moved between the cells of a {@code long[][]} through reflection keep
 * their total.
 */
public final class ArraysAndBits {
  static final int BITS = 512;
  static final BitSet bits = new BitSet(BITS);
  static int setBits;

  static int[] sorted = new int[8];
  static int size;
  static long sortedSum;
  static int sortedHash = Arrays.hashCode(new int[0]);

  static final long[] row = new long[128];
  static long rowValue;
  static final long[] shuffled = new long[128];

  static final Object grid = new long[16][16];
  static final long GRID_TOTAL = 16 * 16 * 50;

  // ---- BitSet ----

  @Atomic
  static void flip(int bit) {
    if (bits.get(bit)) {
      bits.clear(bit);
      setBits--;
    } else {
      bits.set(bit);
      setBits++;
    }
  }

  /** Sets or clears a range, counting the bits that change with a copy of the range ({@code get(from, to)}). */
  @Atomic
  static void setRange(int from, int length, boolean value) {
    int to = Math.min(BITS, from + length);
    int wereSet = bits.get(from, to).cardinality();
    if (value) {
      bits.set(from, to);
      setBits += (to - from) - wereSet;
    } else {
      bits.clear(from, to);
      setBits -= wereSet;
    }
  }

  @Atomic
  static String auditBits() {
    int walked = 0;
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      walked++;
    }
    if (bits.cardinality() != setBits || walked != setBits || bits.length() > BITS) {
      return "cardinality " + bits.cardinality() + ", " + walked + " bits walked, " + setBits + " counted";
    }
    return null;
  }

  // ---- Arrays ----

  @Atomic
  static void insertSorted(int value) {
    if (size >= 200) {
      return;
    }
    int[] a = sorted;
    int at = Arrays.binarySearch(a, 0, size, value);
    if (at < 0) {
      at = -at - 1;
    }
    if (size == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
      sorted = a;
    }
    System.arraycopy(a, at, a, at + 1, size - at);
    a[at] = value;
    size++;
    sortedSum += value;
    sortedHash = Arrays.hashCode(Arrays.copyOfRange(a, 0, size));
  }

  @Atomic
  static void removeSorted(int value) {
    int[] a = sorted;
    int at = Arrays.binarySearch(a, 0, size, value);
    if (at < 0) {
      return;
    }
    System.arraycopy(a, at + 1, a, at, size - at - 1);
    size--;
    a[size] = 0;
    sortedSum -= value;
    sortedHash = Arrays.hashCode(Arrays.copyOf(a, size));
  }

  /** Writes the whole row with one value, or the scratch row with random values and sorts it. */
  @Atomic
  static void rewriteRows(long value, long seed) {
    Arrays.fill(row, value);
    rowValue = value;
    long x = seed;
    for (int i = 0; i < shuffled.length; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      shuffled[i] = (x >>> 33) % 1000;
    }
    Arrays.sort(shuffled);
  }

  @Atomic
  static String auditArrays() {
    int[] copy = Arrays.copyOf(sorted, size);
    int[] resorted = copy.clone();
    Arrays.sort(resorted);
    long sum = 0;
    for (int v : copy) {
      sum += v;
    }
    if (!Arrays.equals(copy, resorted) || sum != sortedSum || Arrays.hashCode(copy) != sortedHash) {
      return "the sorted array " + Arrays.toString(copy) + " (sum " + sum + ", counted " + sortedSum + ")";
    }
    if (size > 0 && Arrays.binarySearch(sorted, 0, size, copy[size / 2]) < 0) {
      return "binarySearch misses " + copy[size / 2];
    }
    long[] expected = new long[row.length];
    Arrays.fill(expected, rowValue);
    if (!Arrays.equals(row, expected)) {
      return "a row half filled: " + Arrays.toString(row) + " for " + rowValue;
    }
    long[] sortedCopy = Arrays.copyOf(shuffled, shuffled.length);
    Arrays.sort(sortedCopy);
    if (!Arrays.equals(sortedCopy, shuffled) || Arrays.hashCode(sortedCopy) != Arrays.hashCode(shuffled)) {
      return "the scratch row seen half sorted";
    }
    return null;
  }

  // ---- java.lang.reflect.Array ----

  /** Moves {@code amount} between two cells of the grid, every access through reflection. */
  @Atomic
  static void moveCell(int from, int to, long amount) {
    Object fromRow = Array.get(grid, from / 16);
    Object toRow = Array.get(grid, to / 16);
    long have = Array.getLong(fromRow, from % 16);
    if (have < amount) {
      return;
    }
    Array.setLong(fromRow, from % 16, have - amount);
    Corpus.spin(have);
    Array.set(toRow, to % 16, (Long) Array.get(toRow, to % 16) + amount);
  }

  /** The grid's total, read through reflection into a copy made with {@code Array.newInstance}. */
  @Atomic
  static String auditGrid() {
    long total = 0;
    for (int r = 0; r < Array.getLength(grid); r++) {
      Object source = Array.get(grid, r);
      Object copy = Array.newInstance(long.class, Array.getLength(source));
      for (int c = 0; c < Array.getLength(source); c++) {
        Array.setLong(copy, c, Array.getLong(source, c));
      }
      for (int c = 0; c < Array.getLength(copy); c++) {
        total += (Long) Array.get(copy, c);
      }
    }
    return total == GRID_TOTAL ? null : "a grid total of " + total + " instead of " + GRID_TOTAL;
  }

  static void bitSetMatchesItsCounter(Corpus corpus) throws InterruptedException {
    corpus.inThreads((thread, i, random) -> {
      int op = random.nextInt(10);
      if (op < 6) {
        flip(random.nextInt(BITS));
      } else if (op < 8) {
        setRange(random.nextInt(BITS), random.nextInt(64), random.nextBoolean());
      } else {
        expectClean(auditBits());
      }
    });
    expectClean(auditBits());
  }

  static void arraysStaySorted(Corpus corpus) throws InterruptedException {
    corpus.inThreads((thread, i, random) -> {
      int op = random.nextInt(10);
      if (op < 4) {
        insertSorted(random.nextInt(500));
      } else if (op < 6) {
        removeSorted(random.nextInt(500));
      } else if (op < 8) {
        rewriteRows(random.nextLong(), random.nextLong());
      } else {
        expectClean(auditArrays());
      }
    });
    expectClean(auditArrays());
  }

  static void reflectionKeepsTheTotal(Corpus corpus) throws InterruptedException {
    for (long[] r : (long[][]) grid) {
      Arrays.fill(r, 50);
    }
    corpus.inThreads((thread, i, random) -> {
      if (i % 8 == 7) {
        expectClean(auditGrid());
      } else {
        moveCell(random.nextInt(256), random.nextInt(256), 1 + random.nextInt(20));
      }
    });
    expectClean(auditGrid());
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(ArraysAndBits.class, args);
    corpus.add("bitSet_cardinalityEqualsACounterKeptInTheSameBlocks", () -> bitSetMatchesItsCounter(corpus));
    corpus.add("arrays_sortedSearchedFilledAndCopied_neverSeenHalfDone", () -> arraysStaySorted(corpus));
    corpus.add("reflectArray_movesThroughGetAndSet_keepTheTotal", () -> reflectionKeepsTheTotal(corpus));
    corpus.runAndExit();
  }
}
