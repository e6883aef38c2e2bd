package dev.ame.it.programs.corpus;

/**
 * A shared sum that the blocks of a case add their results to. Every case thereby also does a
 * contended read-modify-write, so a block that ran its feature but lost atomicity (or ran twice,
 * or half) shows in the final sum. Only called inside atomic blocks.
 */
final class Tally {
  private long sum;
  private long count;

  void add(long value) {
    long s = sum;
    long c = count;
    Cases.spin(s);
    sum = s + value;
    count = c + 1;
  }

  /** Read after the workers have finished. */
  long sum() {
    return sum;
  }

  long count() {
    return count;
  }

  /** Checks that {@code adds} values were added, summing to {@code expectedSum}. */
  void expect(long adds, long expectedSum) {
    Cases.expectEquals(adds, count, "number of additions");
    Cases.expectEquals(expectedSum, sum, "sum of additions");
  }
}
